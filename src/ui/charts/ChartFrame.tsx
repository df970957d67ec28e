/**
 * One small multiple: a figure with its title and key, an SVG plot (axes from scale.ticks(),
 * scaling-decision ticks, the current time, a crosshair and tooltip on hover) and, for screen
 * readers and keyboard users, a visually hidden table of the latest values. The series layers
 * come in as children: d3 computes their paths, React renders them (style.md rule 8).
 */
import { useCallback, type PointerEvent, type ReactNode } from 'react';
import { bisectCenter } from 'd3-array';
import { H, M, PLOT_BOTTOM, W, type ChartProps, type Scale } from './chartLayout';
import { Legend, type LegendItem } from './Legend';
import { ChartDataTable } from './ChartDataTable';

export interface ValueRow {
  label: string;
  value: string;
  /** A shorter label for the tooltip, which must fit a small card. */
  short?: string;
}

interface FrameProps extends ChartProps {
  title: string;
  y: Scale;
  yTicks: number[];
  yFormat(v: number): string;
  legend: readonly LegendItem[];
  /** The values at bucket i, for the tooltip and the table. */
  rowsAt(i: number): ValueRow[];
  children: ReactNode;
  /** The figure's accessible name when it says more than the title (e.g. which workload). */
  name?: string;
  /** Under the title: a picker or a subtitle. */
  header?: ReactNode;
  /** Under the key: a note on what the picture means. */
  footer?: ReactNode;
  /** A sentence for screen readers, before the table of latest values. */
  summary?: string;
}

/** A position along the viewBox as a percentage of the plot's box. */
function pct(v: number, of: number): string {
  return `${((v / of) * 100).toFixed(3)}%`;
}

export function ChartFrame(p: FrameProps) {
  const { x, y, series, onHover } = p;
  const n = series.t.length;
  const move = useCallback(
    (e: PointerEvent<SVGSVGElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      if (box.width <= 0) return;
      const px = ((e.clientX - box.left) * W) / box.width;
      const [left = 0, right = 0] = x.range();
      onHover(x.invert(Math.min(right, Math.max(left, px))));
    },
    [x, onHover],
  );
  const i = p.hover !== null && n > 0 ? Math.min(n - 1, bisectCenter(series.t, p.hover)) : null;
  const hx = i === null ? null : x(series.t[i] ?? 0);
  const latest = n > 0 ? p.rowsAt(n - 1) : [];
  const [d0 = 0, d1 = 0] = x.domain();
  const inside = (t: number) => t >= d0 && t <= d1;
  const now = x(series.t.at(-1) ?? d0);
  const xTicks = x.ticks(4);
  return (
    <figure className="chart" aria-label={p.name ?? p.title}>
      <figcaption className="chart-title">{p.title}</figcaption>
      {p.header}
      <div className="chart-plot">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          aria-hidden="true"
          onPointerMove={move}
          onPointerLeave={() => onHover(null)}
        >
          <g className="chart-grid">
            {p.yTicks.map((v) => (
              <line key={v} x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            ))}
          </g>
          <g className="chart-axis">
            {xTicks.map((v) => (
              <line key={v} x1={x(v)} x2={x(v)} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM + 4} />
            ))}
          </g>
          {p.children}
          <g className="chart-steps">
            {p.steps.filter(inside).map((t) => (
              <line key={t} x1={x(t)} x2={x(t)} y1={M.top} y2={PLOT_BOTTOM} />
            ))}
          </g>
          <g className="chart-marks">
            {p.marks.filter(inside).map((t) => (
              <line key={t} x1={x(t)} x2={x(t)} y1={PLOT_BOTTOM - 6} y2={PLOT_BOTTOM} />
            ))}
          </g>
          {/* The clock: the newest point, less than one 500 ms sample behind the frame. */}
          <line className="chart-now" x1={now} x2={now} y1={M.top - 4} y2={PLOT_BOTTOM} />
          {hx !== null && (
            <line className="chart-crosshair" x1={hx} x2={hx} y1={M.top} y2={PLOT_BOTTOM} />
          )}
        </svg>
        {/* Tick labels in HTML over the plot, placed in percent of the viewBox: they keep their
            12 px whatever the SVG's scale, so they stay legible on a projector. */}
        <div className="chart-ticks" aria-hidden="true">
          {p.yTicks.map((v) => (
            <span
              key={`y${v}`}
              className="chart-tick-y"
              style={{ top: pct(y(v), H), right: pct(W - M.left + 5, W) }}
            >
              {p.yFormat(v)}
            </span>
          ))}
          {xTicks.map((v) => (
            <span
              key={`x${v}`}
              className="chart-tick-x"
              style={{ top: pct(PLOT_BOTTOM + 5, H), left: pct(x(v), W) }}
            >
              {v} s
            </span>
          ))}
        </div>
        {i !== null && hx !== null && (
          // In the corner away from the crosshair, so it never leaves the card or hides the point.
          <div
            className="chart-tooltip"
            style={hx > W / 2 ? { left: 0 } : { right: 0 }}
            aria-hidden="true"
          >
            <div className="chart-tooltip-time">{(series.t[i] ?? 0).toFixed(1)} s</div>
            {p.rowsAt(i).map((r) => (
              <div key={r.label} className="chart-tooltip-row">
                <span>{r.short ?? r.label}</span>
                <b>{r.value}</b>
              </div>
            ))}
          </div>
        )}
      </div>
      <Legend items={p.legend} label={`${p.title}: key`} />
      {p.footer}
      <ChartDataTable title={p.name ?? p.title} t={series.t} rowsAt={p.rowsAt} />
      {/* Tables ignore width and overflow, so the visually hidden box is a wrapper div. */}
      <div className="chart-sr">
        {p.summary && <p>{p.summary}</p>}
        <table>
          <caption>{p.name ?? p.title}: latest values</caption>
          <tbody>
            {latest.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
