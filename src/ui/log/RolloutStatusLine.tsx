/** `kubectl rollout status` for the first Deployment, as one line under the top bar. */
import { useSim } from '../../store/SimStoreProvider';

export function RolloutStatusLine() {
  const d = useSim((s) => s.frame?.deployments[0]);
  if (!d) return null;
  const done = d.rolloutStatus.includes('successfully rolled out');
  const failed = d.rolloutStatus.startsWith('error:');
  return (
    <p
      className={`status-line${done ? ' is-done' : ''}${failed ? ' is-failed' : ''}`}
      aria-label="Rollout status"
    >
      <span className="status-cmd" aria-hidden="true">
        rollout status deployment/{d.name}
      </span>
      <span className="status-text">{d.rolloutStatus}</span>
    </p>
  );
}
