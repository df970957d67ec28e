/**
 * The side panel in live mode: the same Rollout, ReplicationController and Deployment controls
 * as the simulator's, whose slider changes are kubectl commands sent to the cluster — disabled
 * while the page is read-only. Traffic has no controls here: the API does not carry requests.
 */
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/SimStoreProvider';
import { useLive } from '../../store/live/LiveProvider';
import { DeploymentControls } from '../controls/DeploymentControls';
import { RolloutPanel } from '../rollout/RolloutPanel';
import { NamedTabs } from '../controls/NamedTabs';
import { ReplicationControllers, selectHasRcs } from '../controls/ReplicationControllers';
import '../controls/controls.css';

export function LivePanel() {
  const names = useSim(useShallow((s) => s.frame?.deployments.map((d) => d.name) ?? []));
  const hasRollouts = useSim((s) => (s.frame?.rollouts.length ?? 0) > 0);
  const hasRcs = useSim(selectHasRcs);
  const writing = useLive((s) => s.status?.writing ?? false);
  return (
    <aside className="side" aria-label="Controls">
      {!writing && (
        <p className="panel pad live-note">
          Read-only: the controls below are off. Turn on “Allow writes to the cluster” to send their
          changes as the kubectl commands shown in the console.
        </p>
      )}
      <fieldset className="live-controls" disabled={!writing}>
        <RolloutPanel />
        <div className="dep-group">
          {names.length === 0 && !hasRollouts && !hasRcs && (
            <p className="panel muted pad">This namespace has no Deployment.</p>
          )}
          <ReplicationControllers />
          <NamedTabs label="Deployments" names={names}>
            {(name, many) => <DeploymentControls key={name} name={name} showStatus={many} />}
          </NamedTabs>
        </div>
      </fieldset>
      <section className="panel pad live-note" aria-label="Requests">
        <h2 className="small">Requests</h2>
        <p>
          Request dots are off: the Kubernetes API does not report individual requests, so live mode
          draws none rather than invent them.
        </p>
      </section>
    </aside>
  );
}
