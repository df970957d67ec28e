/** (b) Which version answers the requests: shares of the answered requests, stacked to 100 %. */
import { useMemo } from 'react';
import { range } from 'd3-array';
import { area, stack, type SeriesPoint } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { M, PLOT_BOTTOM, type ChartProps } from './chartLayout';
import { ChartFrame } from './ChartFrame';
import { versionColor } from './palette';

const y = scaleLinear().domain([0, 1]).range([PLOT_BOTTOM, M.top]);
const TICKS = [0, 0.5, 1];
const percent = (v: number) => `${Math.round(v * 100)}%`;

export function TrafficShareChart(p: ChartProps) {
  const { series, x } = p;
  const layers = useMemo(() => {
    const stacked = stack<number, number>()
      .keys(series.images.map((_, k) => k))
      .value((i, k) => series.share[k]?.[i] ?? 0)(range(series.t.length));
    const path = area<SeriesPoint<number>>()
      .x((d) => x(series.t[d.data] ?? 0))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]));
    return stacked.map((s) => ({ k: s.key, d: path(s) ?? '' }));
  }, [series, x]);
  const legend = series.images.map((img, k) => ({
    label: img,
    color: versionColor(k),
    mark: 'area' as const,
  }));
  return (
    <ChartFrame
      {...p}
      title="Traffic share by version"
      y={y}
      yTicks={TICKS}
      yFormat={percent}
      legend={legend}
      rowsAt={(i) =>
        series.images.map((img, k) => ({ label: img, value: percent(series.share[k]?.[i] ?? 0) }))
      }
    >
      {layers.map((l) => (
        <path key={l.k} className="chart-area" d={l.d} style={{ fill: versionColor(l.k) }} />
      ))}
    </ChartFrame>
  );
}
