/** A Deployment's conditions as small chips: "Available True MinimumReplicasAvailable". */
import type { ConditionSample } from '../../sim/runner/runResult';

export function ConditionChips({ conditions }: { conditions: ConditionSample[] }) {
  if (!conditions.length) return null;
  return (
    <ul className="conds" aria-label="Conditions">
      {conditions.map((c) => (
        <li key={c.type} className={`cond cond-${c.status.toLowerCase()}`}>
          <span className="cond-type">{c.type}</span> {c.status}{' '}
          <span className="cond-reason">{c.reason}</span>
        </li>
      ))}
    </ul>
  );
}
