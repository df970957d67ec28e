/**
 * The side panel's Argo Rollouts: one block per Rollout (tabs when there are several), shown
 * above the Deployments when the scenario has Rollouts.
 */
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/SimStoreProvider';
import { RolloutDetails } from './RolloutDetails';
import { NamedTabs } from '../controls/NamedTabs';
import '../controls/controls.css';
import './rollout.css';

export function RolloutPanel() {
  const names = useSim(useShallow((s) => s.frame?.rollouts.map((r) => r.name) ?? []));
  if (names.length === 0) return null;
  return (
    <div className="dep-group">
      <NamedTabs label="Rollouts" names={names}>
        {(name) => <RolloutDetails key={name} name={name} />}
      </NamedTabs>
    </div>
  );
}
