/** The catalog as a select labelled "Scenario". */
import type { CatalogEntry } from './useCatalog';

export function ScenarioPicker({
  entries,
  value,
  onChange,
  customName,
}: {
  entries: CatalogEntry[];
  value: string | null;
  onChange(id: string): void;
  /** The open scenario's name when it is one of the person's own. */
  customName?: string | undefined;
}) {
  return (
    <label className="picker">
      <span className="label-text">Scenario</span>
      <select
        className="select"
        value={value ?? ''}
        disabled={entries.length === 0}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {value === null && <option value="">Loading…</option>}
        {/* A scenario of the person's own ("My scenarios") is not in the catalog. */}
        {value !== null && entries.length > 0 && !entries.some((c) => c.id === value) && (
          <option value={value} disabled>
            {customName ?? 'Your own scenario'}
          </option>
        )}
        {entries.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}
