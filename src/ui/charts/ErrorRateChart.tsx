/**
 * (c) Failed requests per second by kind, against all requests per second (a faint line): one
 * axis, so the height of an error line is its share of the traffic. When a VirtualService
 * mirrors traffic, the copies failing at the mirror target get a dashed line of their own,
 * labelled as not seen by clients: they are never among the requests or errors above.
 */
import { useMemo } from 'react';
import { max } from 'd3-array';
import { line } from 'd3-shape';
import { formatRate, formatTick, yScaleFor, type ChartProps } from './chartLayout';
import { ERROR_KINDS, type ErrorKind } from './chartSeries';
import { ChartFrame } from './ChartFrame';
import type { LegendItem } from './Legend';
import './mirrorCharts.css';

const KIND_CLASS: Record<ErrorKind, string> = {
  'no-endpoints': 'chart-err-none',
  refused: 'chart-err-refused',
  'app-error': 'chart-err-app',
};

const LEGEND: LegendItem[] = [
  { label: 'all requests', className: 'chart-total', mark: 'line' },
  ...ERROR_KINDS.map((k) => ({ label: k, className: KIND_CLASS[k], mark: 'line' as const })),
];

const MIRROR_LABEL = 'mirrored copies failing (not seen by clients)';
const MIRROR_LEGEND: LegendItem[] = [
  ...LEGEND,
  {
    label: MIRROR_LABEL,
    className: 'chart-mirror-failed',
    mark: 'dashed',
    title:
      'Copies a VirtualService mirror sent that failed at the mirror target; their answers are dropped, so no client sees them',
  },
];

export function ErrorRateChart(p: ChartProps) {
  const { series, x } = p;
  const { y, total, kinds, mirror } = useMemo(() => {
    const mirroring = series.mirrored.some((v) => v > 0);
    const y = yScaleFor(
      Math.max(max(series.rps) ?? 0, mirroring ? (max(series.mirroredFailed) ?? 0) : 0),
    );
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
      mirror: mirroring ? path(series.mirroredFailed) : null,
    };
  }, [series, x]);
  return (
    <ChartFrame
      {...p}
      title="Errors by kind (req/s)"
      y={y}
      yTicks={y.ticks(3)}
      yFormat={formatTick}
      legend={mirror !== null ? MIRROR_LEGEND : LEGEND}
      rowsAt={(i) => [
        { label: 'all requests', value: formatRate(series.rps[i] ?? 0) },
        ...ERROR_KINDS.map((k) => ({ label: k, value: formatRate(series.errors[k][i] ?? 0) })),
        ...(mirror !== null
          ? [{ label: MIRROR_LABEL, value: formatRate(series.mirroredFailed[i] ?? 0) }]
          : []),
      ]}
    >
      <path className="chart-line chart-total" d={total} />
      {kinds.map(({ k, d }) => (
        <path key={k} className={`chart-line ${KIND_CLASS[k]}`} d={d} />
      ))}
      {mirror !== null && (
        <path className="chart-line chart-mirror-failed" d={mirror}>
          <title>{MIRROR_LABEL}</title>
        </path>
      )}
    </ChartFrame>
  );
}
