/**
 * The side panel: the Argo Rollouts if any, one block per Deployment (tabs when there are several),
 * then traffic.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/SimStoreProvider';
import { DeploymentControls } from './DeploymentControls';
import { TrafficControls } from './TrafficControls';
import { RolloutPanel } from '../rollout/RolloutPanel';
import './controls.css';

export function DeploymentPanel() {
  const names = useSim(useShallow((s) => s.frame?.deployments.map((d) => d.name) ?? []));
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen !== null && names.includes(chosen) ? chosen : (names[0] ?? null);
  const many = names.length > 1;
  const hasRollouts = useSim((s) => (s.frame?.rollouts.length ?? 0) > 0);
  return (
    <aside className="side" aria-label="Controls">
      <RolloutPanel />
      <div className="dep-group">
        {names.length === 0 && !hasRollouts && (
          <p className="panel muted pad">This scenario has no Deployment.</p>
        )}
        {many && (
          <div className="seg-tabs" role="tablist" aria-label="Deployments">
            {names.map((n) => (
              <button
                key={n}
                type="button"
                role="tab"
                aria-selected={n === current}
                className="seg-tab"
                onClick={() => setChosen(n)}
              >
                {n}
              </button>
            ))}
          </div>
        )}
        {current && (
          <div role={many ? 'tabpanel' : undefined} aria-label={many ? current : undefined}>
            <DeploymentControls key={current} name={current} showStatus={many} />
          </div>
        )}
      </div>
      <TrafficControls />
    </aside>
  );
}
