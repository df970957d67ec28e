/**
 * (c) Failed requests per second by kind, against all requests per second (a faint line): one
 * axis, so the height of an error line is its share of the traffic.
 */
import { useMemo } from 'react';
import { max } from 'd3-array';
import { line } from 'd3-shape';
import { formatRate, formatTick, yScaleFor, type ChartProps } from './chartLayout';
import { ERROR_KINDS, type ErrorKind } from './chartSeries';
import { ChartFrame } from './ChartFrame';
import type { LegendItem } from './Legend';

const KIND_CLASS: Record<ErrorKind, string> = {
  'no-endpoints': 'chart-err-none',
  refused: 'chart-err-refused',
  'app-error': 'chart-err-app',
};

const LEGEND: LegendItem[] = [
  { label: 'all requests', className: 'chart-total', mark: 'line' },
  ...ERROR_KINDS.map((k) => ({ label: k, className: KIND_CLASS[k], mark: 'line' as const })),
];

export function ErrorRateChart(p: ChartProps) {
  const { series, x } = p;
  const { y, total, kinds } = useMemo(() => {
    const y = yScaleFor(max(series.rps) ?? 0);
    const path = (values: number[]) =>
      line<number>()
        .x((_, i) => x(series.t[i] ?? 0))
        .y((v) => y(v))(values) ?? '';
    return {
      y,
      total: path(series.rps),
      // A kind that never happened stays off the baseline rather than hiding the axis.
      kinds: ERROR_KINDS.filter((k) => series.errors[k].some((v) => v > 0)).map((k) => ({
        k,
        d: path(series.errors[k]),
      })),
    };
  }, [series, x]);
  return (
    <ChartFrame
      {...p}
      title="Errors by kind (req/s)"
      y={y}
      yTicks={y.ticks(3)}
      yFormat={formatTick}
      legend={LEGEND}
      rowsAt={(i) => [
        { label: 'all requests', value: formatRate(series.rps[i] ?? 0) },
        ...ERROR_KINDS.map((k) => ({ label: k, value: formatRate(series.errors[k][i] ?? 0) })),
      ]}
    >
      <path className="chart-line chart-total" d={total} />
      {kinds.map(({ k, d }) => (
        <path key={k} className={`chart-line ${KIND_CLASS[k]}`} d={d} />
      ))}
    </ChartFrame>
  );
}
