/** The deployment controller's latest decision and what it waits for, in its own words. */
import type { DeploymentView } from '../../sim/view/frame';
import { formatClock } from './formatClock';
import './reasoningStates.css';

export function ControllerReasoning({
  decision,
  waiting,
}: Pick<DeploymentView, 'decision' | 'waiting'>) {
  return (
    <div className="reasoning" aria-label="Deployment controller">
      <h4>Deployment controller</h4>
      {!decision && !waiting && <p className="muted">No scaling decision yet.</p>}
      {decision && <Line kind="decided" t={decision.t} text={decision.text} />}
      {waiting && <Line kind={IDLE_LABEL[waiting.state]} t={waiting.t} text={waiting.text} />}
    </div>
  );
}

/** A sync that changed nothing waits for something — unless the rollout is done or paused. */
const IDLE_LABEL = { idle: 'waiting', complete: 'steady', paused: 'paused' } as const;

type LineKind = 'decided' | (typeof IDLE_LABEL)[keyof typeof IDLE_LABEL];

function Line({ kind, t, text }: { kind: LineKind; t: number; text: string }) {
  return (
    <p className={`reason reason-${kind}`}>
      <span className="reason-meta">
        <span className="reason-kind">{kind}</span>
        <time>{formatClock(t)}</time>
      </span>
      <span className="reason-text">{text}</span>
    </p>
  );
}
