/**
 * The side panel's block for ReplicationControllers: each one's numbers as `kubectl get rc`
 * shows them, its image, and who owns it — nobody: no Deployment or other controller in the
 * cluster drives an RC, so when one changes size it is a client (kubectl rolling-update, kubectl
 * scale) that changed it. Rows are selected as strings so the block re-renders only when one
 * of them changes.
 */
import { useShallow } from 'zustand/react/shallow';
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';
import './replicationControllers.css';

const SEP = '\u0000';

/** One string per RC: name, desired, current, ready, available, images, owner, driving client. */
export const selectRcRows = (s: SimState): string[] => {
  const f = s.frame;
  if (!f) return [];
  return f.replicaSets
    .filter((rs) => rs.kind === 'ReplicationController')
    .map((rs) => {
      const client = f.clients.find(
        (c) => c.status === 'running' && c.controllers.some((x) => x.name === rs.name),
      );
      const role = client?.controllers.find((x) => x.name === rs.name)?.role;
      const driven = client
        ? `kubectl rolling-update scales it ${role === 'new' ? 'up' : 'down'} (a client outside the cluster)`
        : '';
      return [
        rs.name,
        rs.desired,
        rs.current,
        rs.ready,
        rs.available,
        rs.images.join(', ') || 'no image',
        rs.controller ?? '',
        driven,
      ].join(SEP);
    });
};

export const selectHasRcs = (s: SimState): boolean =>
  !!s.frame?.replicaSets.some((rs) => rs.kind === 'ReplicationController');

export function ReplicationControllers() {
  const rows = useSim(useShallow(selectRcRows));
  if (!rows.length) return null;
  return (
    <section className="rcs" aria-label="ReplicationControllers">
      <h3 className="rcs-title">ReplicationControllers</h3>
      <ul className="rcs-list">
        {rows.map((row) => {
          const [name, desired, current, ready, available, images, owner, driven] = row.split(SEP);
          return (
            <li key={name} className="rcs-item" aria-label={`ReplicationController ${name}`}>
              <p className="rcs-name">rc/{name}</p>
              <p className="rcs-image">{images}</p>
              <dl className="rcs-counts">
                <div>
                  <dt>desired</dt>
                  <dd>{desired}</dd>
                </div>
                <div>
                  <dt>current</dt>
                  <dd>{current}</dd>
                </div>
                <div>
                  <dt>ready</dt>
                  <dd>{ready}</dd>
                </div>
                <div>
                  <dt>available</dt>
                  <dd>{available}</dd>
                </div>
              </dl>
              <p className="rcs-owner">
                {owner
                  ? `Owned by ${owner}.`
                  : 'Not owned by any controller: nothing in the cluster changes its replicas.'}
              </p>
              {driven && <p className="rcs-driven">Now {driven}.</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
