/**
 * (d) Pods against the rollout's bounds: the band between replicas − maxUnavailable (pods that
 * must stay available) and replicas + maxSurge (pods that may exist), with the pods that exist
 * (terminating ones included) and those available.
 */
import { useMemo } from 'react';
import { max } from 'd3-array';
import { area, line } from 'd3-shape';
import { formatCount, formatTick, yScaleFor, type ChartProps } from './chartLayout';
import { ChartFrame } from './ChartFrame';
import type { LegendItem } from './Legend';

const LEGEND: LegendItem[] = [
  { label: 'pods', className: 'chart-pods', mark: 'line' },
  { label: 'available', className: 'chart-available', mark: 'line' },
  {
    label: 'rollout bounds',
    className: 'chart-bound',
    mark: 'dashed',
    title: 'replicas + maxSurge (top) and replicas − maxUnavailable (bottom)',
  },
];

const known = (v: number | null | undefined): v is number => v !== null && v !== undefined;
const show = (v: number | null | undefined) => (known(v) ? formatCount(v) : '–');

export function PodBudgetChart(p: ChartProps) {
  const { series, x } = p;
  const paths = useMemo(() => {
    const y = yScaleFor(
      Math.max(max(series.totalPods) ?? 0, max(series.maxPods, (v) => v ?? 0) ?? 0),
    );
    const at = (i: number) => x(series.t[i] ?? 0);
    const level = (values: (number | null)[]) =>
      line<number | null>()
        .defined((v) => v !== null)
        .x((_, i) => at(i))
        .y((v) => y(v ?? 0))(values) ?? '';
    const band =
      area<number>()
        .defined((i) => known(series.maxPods[i]) && known(series.minAvailable[i]))
        .x((i) => at(i))
        .y0((i) => y(series.minAvailable[i] ?? 0))
        .y1((i) => y(series.maxPods[i] ?? 0))(series.t.map((_, i) => i)) ?? '';
    return {
      y,
      band,
      maxPods: level(series.maxPods),
      minAvailable: level(series.minAvailable),
      pods: level(series.totalPods),
      available: level(series.available),
    };
  }, [series, x]);
  const { y } = paths;
  return (
    <ChartFrame
      {...p}
      title="Pods and rollout bounds"
      y={y}
      yTicks={y.ticks(3)}
      yFormat={formatTick}
      legend={LEGEND}
      rowsAt={(i) => [
        { label: 'Pods', short: 'pods', value: show(series.totalPods[i]) },
        { label: 'Available', short: 'available', value: show(series.available[i]) },
        {
          label: 'Max pods (replicas + maxSurge)',
          short: 'max pods',
          value: show(series.maxPods[i]),
        },
        {
          label: 'Min available (replicas − maxUnavailable)',
          short: 'min available',
          value: show(series.minAvailable[i]),
        },
      ]}
    >
      <path className="chart-band" d={paths.band} />
      <path className="chart-line chart-bound" d={paths.maxPods} />
      <path className="chart-line chart-bound" d={paths.minAvailable} />
      <path className="chart-line chart-available" d={paths.available} />
      <path className="chart-line chart-pods" d={paths.pods} />
    </ChartFrame>
  );
}
