/** A chart's key: a swatch (area square or line sample) and a label per series. */
export interface LegendItem {
  label: string;
  /** An inline colour (versions) or a class from charts.css (kinds, bands). */
  color?: string;
  className?: string;
  mark: 'area' | 'line' | 'dashed';
  /** What the label abbreviates, on hover. */
  title?: string;
}

export function Legend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((it) => (
        <li key={it.label} title={it.title}>
          <svg width="14" height="10" aria-hidden="true" className={it.className}>
            {it.mark === 'area' ? (
              <rect x="1" y="1" width="12" height="8" rx="2" style={{ fill: it.color }} />
            ) : (
              <line
                x1="0"
                x2="14"
                y1="5"
                y2="5"
                strokeDasharray={it.mark === 'dashed' ? '3 2' : undefined}
                style={{ stroke: it.color }}
              />
            )}
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}
