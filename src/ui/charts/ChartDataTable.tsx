/**
 * A chart's numbers as a table, behind a disclosure ("Data") under the plot: what a screen
 * reader, a keyboard user or a person checking a value against the runner reads instead of the
 * picture. Rows are built only while it is open, so a closed table costs nothing per redraw.
 */
import { useState } from 'react';
import './chartData.css';

/** One labelled value at a point (ChartFrame's ValueRow: the same shape, no import back). */
interface Cell {
  label: string;
  value: string;
}

interface Props {
  title: string;
  /** Bucket ends, simulated seconds (series.t). */
  t: readonly number[];
  rowsAt(i: number): Cell[];
}

export function ChartDataTable({ title, t, rowsAt }: Props) {
  const [open, setOpen] = useState(false);
  const columns = t.length > 0 ? rowsAt(0).map((r) => r.label) : [];
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Data</summary>
      {open && (
        <div className="chart-data-scroll">
          <table>
            <caption>{title}: every point</caption>
            <thead>
              <tr>
                <th scope="col">time (s)</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.toFixed(1)}</th>
                  {rowsAt(i).map((r) => (
                    <td key={r.label}>{r.value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
