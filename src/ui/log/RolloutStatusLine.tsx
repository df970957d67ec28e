/** `kubectl rollout status` for the first Deployment, as one line under the top bar. */
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';

// Strings, not the DeploymentView: the view changes with every count, this line rarely.
const selectName = (s: SimState): string | null => s.frame?.deployments[0]?.name ?? null;
const selectStatus = (s: SimState): string => s.frame?.deployments[0]?.rolloutStatus ?? '';

export function RolloutStatusLine() {
  const name = useSim(selectName);
  const status = useSim(selectStatus);
  if (name === null) return null;
  const done = status.includes('successfully rolled out');
  const failed = status.startsWith('error:');
  return (
    <p
      className={`status-line${done ? ' is-done' : ''}${failed ? ' is-failed' : ''}`}
      aria-label="Rollout status"
    >
      <span className="status-cmd" aria-hidden="true">
        rollout status deployment/{name}
      </span>
      <span className="status-text">{status}</span>
    </p>
  );
}
