/** The catalog as a select labelled "Scenario". */
import type { CatalogEntry } from './useCatalog';

export function ScenarioPicker({
  entries,
  value,
  onChange,
}: {
  entries: CatalogEntry[];
  value: string | null;
  onChange(id: string): void;
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
        {entries.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}
