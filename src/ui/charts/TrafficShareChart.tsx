/** (b) Which version answers the requests: shares of the answered requests, stacked to 100 %. */
import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { M, PLOT_BOTTOM, type ChartProps } from './chartLayout';
import { ChartFrame } from './ChartFrame';
import { versionColor } from './palette';
import { areaPaths, stackVersions, versionLegend } from './versionStack';

const y = scaleLinear().domain([0, 1]).range([PLOT_BOTTOM, M.top]);
const TICKS = [0, 0.5, 1];
const percent = (v: number) => `${Math.round(v * 100)}%`;

export function TrafficShareChart(p: ChartProps) {
  const { series, x } = p;
  const layers = useMemo(
    () => areaPaths(stackVersions(series.share, series.t.length), series.t, x, y),
    [series, x],
  );
  const legend = versionLegend(series.images);
  return (
    <ChartFrame
      {...p}
      title="Traffic share by version"
      y={y}
      yTicks={TICKS}
      yFormat={percent}
      legend={legend}
      rowsAt={(i) => {
        // No request answered in that stretch: no share to speak of (not 0 % for every version).
        const none = series.share.every((s) => !s[i]);
        return series.images.map((img, k) => ({
          label: img,
          value: none ? 'no requests' : percent(series.share[k]?.[i] ?? 0),
        }));
      }}
    >
      {layers.map((l) => (
        <path key={l.k} className="chart-area" d={l.d} style={{ fill: versionColor(l.k) }} />
      ))}
    </ChartFrame>
  );
}
