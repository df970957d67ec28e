/**
 * The side panel's Argo Rollouts: one block per Rollout (tabs when there are several), shown
 * above the Deployments when the scenario has Rollouts.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim } from '../../store/SimStoreProvider';
import { RolloutDetails } from './RolloutDetails';
import '../controls/controls.css';
import './rollout.css';

export function RolloutPanel() {
  const names = useSim(useShallow((s) => s.frame?.rollouts.map((r) => r.name) ?? []));
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen !== null && names.includes(chosen) ? chosen : (names[0] ?? null);
  const many = names.length > 1;
  if (!current) return null;
  return (
    <div className="dep-group">
      {many && (
        <div className="seg-tabs" role="tablist" aria-label="Rollouts">
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
      <div role={many ? 'tabpanel' : undefined} aria-label={many ? current : undefined}>
        <RolloutDetails key={current} name={current} />
      </div>
    </div>
  );
}
