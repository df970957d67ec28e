/**
 * One panel per named object (Deployments, Rollouts): tabs when there are several, the chosen
 * one kept while it exists, the first otherwise.
 */
import { useState, type ReactNode } from 'react';

export function NamedTabs({
  label,
  names,
  children,
}: {
  /** The tab list's accessible name ("Deployments"). */
  label: string;
  names: readonly string[];
  children: (name: string, many: boolean) => ReactNode;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen !== null && names.includes(chosen) ? chosen : (names[0] ?? null);
  const many = names.length > 1;
  if (current === null) return null;
  return (
    <>
      {many && (
        <div className="seg-tabs" role="tablist" aria-label={label}>
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
        {children(current, many)}
      </div>
    </>
  );
}
