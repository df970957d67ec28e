/** The deployment controller's latest decision and what it waits for, in its own words. */
import type { DeploymentView } from '../../sim/view/frame';
import { formatClock } from './formatClock';

export function ControllerReasoning({
  decision,
  waiting,
}: Pick<DeploymentView, 'decision' | 'waiting'>) {
  return (
    <div className="reasoning" aria-label="Deployment controller">
      <h4>Deployment controller</h4>
      {!decision && !waiting && <p className="muted">No scaling decision yet.</p>}
      {decision && <Line kind="decided" t={decision.t} text={decision.text} />}
      {waiting && <Line kind="waiting" t={waiting.t} text={waiting.text} />}
    </div>
  );
}

function Line({ kind, t, text }: { kind: 'decided' | 'waiting'; t: number; text: string }) {
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
