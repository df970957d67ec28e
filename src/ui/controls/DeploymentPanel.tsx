/**
 * The side panel: the Argo Rollouts if any, one block per Deployment (tabs when there are several),
 * then traffic.
 */
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/SimStoreProvider';
import { DeploymentControls } from './DeploymentControls';
import { TrafficControls } from './TrafficControls';
import { RolloutPanel } from '../rollout/RolloutPanel';
import { NamedTabs } from './NamedTabs';
import { ReplicationControllers, selectHasRcs } from './ReplicationControllers';
import { PreviewChange } from '../plan/PreviewChange';
import './controls.css';

export function DeploymentPanel() {
  const names = useSim(useShallow((s) => s.frame?.deployments.map((d) => d.name) ?? []));
  const hasRollouts = useSim((s) => (s.frame?.rollouts.length ?? 0) > 0);
  const hasRcs = useSim(selectHasRcs);
  return (
    <aside className="side" aria-label="Controls">
      <RolloutPanel />
      <div className="dep-group">
        {names.length === 0 && !hasRollouts && !hasRcs && (
          <p className="panel muted pad">This scenario has no Deployment.</p>
        )}
        <ReplicationControllers />
        <NamedTabs label="Deployments" names={names}>
          {(name, many) => <DeploymentControls key={name} name={name} showStatus={many} />}
        </NamedTabs>
      </div>
      <TrafficControls />
      <PreviewChange />
    </aside>
  );
}
