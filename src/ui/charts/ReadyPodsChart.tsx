/** (a) Ready pods per version, stacked: the old version's share shrinks as the new one grows. */
import { useMemo } from 'react';
import { max, range } from 'd3-array';
import { area, stack, type SeriesPoint } from 'd3-shape';
import { formatCount, formatTick, yScaleFor, type ChartProps } from './chartLayout';
import { ChartFrame } from './ChartFrame';
import { versionColor } from './palette';

export function ReadyPodsChart(p: ChartProps) {
  const { series, x } = p;
  const { y, layers } = useMemo(() => {
    const stacked = stack<number, number>()
      .keys(series.images.map((_, k) => k))
      .value((i, k) => series.ready[k]?.[i] ?? 0)(range(series.t.length));
    const y = yScaleFor(max(stacked.at(-1) ?? [], (d) => d[1]) ?? 0);
    const path = area<SeriesPoint<number>>()
      .x((d) => x(series.t[d.data] ?? 0))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]));
    return { y, layers: stacked.map((s) => ({ k: s.key, d: path(s) ?? '' })) };
  }, [series, x]);
  const legend = series.images.map((img, k) => ({
    label: img,
    color: versionColor(k),
    mark: 'area' as const,
  }));
  return (
    <ChartFrame
      {...p}
      title="Ready pods by version"
      y={y}
      yTicks={y.ticks(3)}
      yFormat={formatTick}
      legend={legend}
      rowsAt={(i) =>
        series.images.map((img, k) => ({
          label: img,
          value: formatCount(series.ready[k]?.[i] ?? 0),
        }))
      }
    >
      {layers.map((l) => (
        <path key={l.k} className="chart-area" d={l.d} style={{ fill: versionColor(l.k) }} />
      ))}
    </ChartFrame>
  );
}
