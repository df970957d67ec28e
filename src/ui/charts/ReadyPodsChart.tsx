/** (a) Ready pods per version, stacked: the old version's share shrinks as the new one grows. */
import { useMemo } from 'react';
import { max } from 'd3-array';
import { formatCount, formatTick, yScaleFor, type ChartProps } from './chartLayout';
import { ChartFrame } from './ChartFrame';
import { versionColor } from './palette';
import { areaPaths, stackVersions, versionLegend } from './versionStack';

export function ReadyPodsChart(p: ChartProps) {
  const { series, x } = p;
  const { y, layers } = useMemo(() => {
    const stacked = stackVersions(series.ready, series.t.length);
    const y = yScaleFor(max(stacked.at(-1) ?? [], (d) => d[1]) ?? 0);
    return { y, layers: areaPaths(stacked, series.t, x, y) };
  }, [series, x]);
  const legend = versionLegend(series.images);
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
