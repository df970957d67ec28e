/**
 * The Deployment controller's reasoning in words, latest per Deployment (for the UI's
 * explanation panel): what its last acting sync did, and what a sync that changed nothing waits
 * for. Kept out of the engine: it is bookkeeping of what the controller says, not simulation.
 */
import type { Decisions } from './clusterReader';
import type { IdleState } from '../controllers/context';

/** Records `text`: an action replaces both entries; a repeated idle reason keeps its time. */
export function recordDecision(
  decisions: Map<string, Decisions>,
  t: number,
  deployment: string,
  kind: 'action' | IdleState,
  text: string,
): void {
  const prev = decisions.get(deployment) ?? { action: null, idle: null };
  if (kind === 'action') decisions.set(deployment, { action: { t, text }, idle: null });
  else if (prev.idle?.text !== text)
    decisions.set(deployment, { ...prev, idle: { t, text, state: kind } });
}
