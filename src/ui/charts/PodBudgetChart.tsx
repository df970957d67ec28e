/**
 * (d) Pods against the rollout's bounds, per workload: each Deployment (or Argo Rollout) is held
 * to its own replicas + maxSurge and replicas − maxUnavailable, so each gets its own picture
 * (a picker when there are several). The line is the pods its controller counts — the active
 * pods of its ReplicaSets — and the pods still terminating are a band of their own on top,
 * labelled as not counted: they exist, but no controller counts them. Counts are drawn as steps
 * held from each sample to the next (a count never changes by a fraction, and a step never
 * shows a change before the sample that saw it).
 */
import { useId, useMemo, useState } from 'react';
import { max } from 'd3-array';
import { area, curveStepAfter, line } from 'd3-shape';
import { formatCount, formatTick, yScaleFor, type ChartProps } from './chartLayout';
import { ChartFrame, type ValueRow } from './ChartFrame';
import type { LegendItem } from './Legend';
import { scalingMarks, type WorkloadSeries } from './chartSeries';
import type { EventRecord } from '../../sim/runner/runResult';
import { boundsWords, notesFor, workloadTitle } from './boundsRules';
import './podBudget.css';

const TITLE = 'Pods and rollout bounds';

type Level = (number | null)[];
const known = (v: number | null | undefined): v is number => v !== null && v !== undefined;
const show = (v: number | null | undefined) => (known(v) ? formatCount(v) : '–');

/** The picked workload, else the first (the picked one may have been deleted). */
function usePicked(workloads: readonly WorkloadSeries[]) {
  const [picked, setPicked] = useState<string | null>(null);
  const w = workloads.find((x) => x.key === picked) ?? workloads[0];
  return [w, setPicked] as const;
}

interface Props extends ChartProps {
  /** The events, for this workload's own scaling ticks (another's would suggest it scaled). */
  events?: readonly EventRecord[];
}

export function PodBudgetChart(p: Props) {
  const { series, x, events } = p;
  const workloads = series.workloads;
  const [w, pick] = usePicked(workloads);
  const marks = useMemo(
    () => (events && w ? scalingMarks(events, w.key) : p.marks),
    [events, w, p.marks],
  );
  const group = useId();
  const words = w ? boundsWords(w) : null;

  const paths = useMemo(() => {
    const none: Level = series.t.map(() => null);
    const pods = w?.pods ?? none;
    const terminating = w?.terminating ?? none;
    const top = (i: number) => (pods[i] ?? 0) + (terminating[i] ?? 0);
    const y = yScaleFor(
      Math.max(max(series.t, (_, i) => top(i)) ?? 0, max(w?.maxPods ?? none, (v) => v ?? 0) ?? 0),
    );
    const at = (i: number) => x(series.t[i] ?? 0);
    const level = (values: Level) =>
      line<number | null>()
        .curve(curveStepAfter)
        .defined(known)
        .x((_, i) => at(i))
        .y((v) => y(v ?? 0))(values) ?? '';
    const index = series.t.map((_, i) => i);
    const band = (lo: Level, hi: Level) =>
      area<number>()
        .curve(curveStepAfter)
        .defined((i) => known(lo[i]) && known(hi[i]))
        .x(at)
        .y0((i) => y(lo[i] ?? 0))
        .y1((i) => y(hi[i] ?? 0))(index) ?? '';
    const stacked = index.map((i) => (known(pods[i]) ? top(i) : null));
    return {
      y,
      bounds: w ? band(w.minAvailable, w.maxPods) : '',
      // The terminating pods on top of the counted ones (no height where there are none).
      terminating: band(pods, stacked),
      maxPods: w ? level(w.maxPods) : '',
      minAvailable: w ? level(w.minAvailable) : '',
      pods: level(pods),
      available: level(w?.available ?? none),
    };
  }, [series, x, w]);

  const legend: LegendItem[] = [
    {
      label: 'counted pods',
      className: 'chart-pods',
      mark: 'line',
      title: 'Pods of its ReplicaSets that are not terminating: what the controller counts',
    },
    {
      label: 'terminating (not counted)',
      className: 'chart-terminating',
      mark: 'area',
      title: 'Pods shutting down: they still exist, but no controller counts them',
    },
    { label: 'available', className: 'chart-available', mark: 'line' },
  ];
  if (words?.ceiling)
    legend.push({
      label: words.ceiling,
      className: 'chart-bound',
      mark: 'dashed',
      title: words.meaning,
    });
  if (words?.floor)
    legend.push({
      label: words.floor,
      className: 'chart-bound chart-floor',
      mark: 'dashed',
      title: words.meaning,
    });

  const rowsAt = (i: number): ValueRow[] => {
    if (!w) return [];
    const rows: ValueRow[] = [
      { label: 'Counted pods', short: 'counted', value: show(w.pods[i]) },
      {
        label: 'Terminating (not counted)',
        short: 'terminating',
        value: show(w.terminating[i]),
      },
      { label: 'Available', short: 'available', value: show(w.available[i]) },
    ];
    if (words?.ceiling)
      rows.push({
        label: `Max pods (${words.ceiling})`,
        short: 'max pods',
        value: show(w.maxPods[i]),
      });
    if (words?.floor)
      rows.push({
        label: `Min available (${words.floor})`,
        short: 'min available',
        value: show(w.minAvailable[i]),
      });
    return rows;
  };

  const title = w ? workloadTitle(w) : null;
  const notes = w && words ? notesFor(w, words) : [];
  const header =
    workloads.length > 1 ? (
      <div className="bounds-picker" role="radiogroup" aria-label="Workload">
        {workloads.map((x) => (
          <label key={x.key}>
            <input
              type="radio"
              name={group}
              value={x.key}
              checked={x === w}
              onChange={() => pick(x.key)}
            />
            {x.kind === 'ReplicationController' ? workloadTitle(x) : x.name}
          </label>
        ))}
      </div>
    ) : (
      <div className="bounds-subtitle">{title ?? 'No Deployment or Rollout'}</div>
    );

  return (
    <ChartFrame
      {...p}
      marks={marks}
      title={TITLE}
      name={title ? `${TITLE}: ${title}` : TITLE}
      header={header}
      footer={notes.length > 0 ? <p className="bounds-note">{notes.join(' ')}</p> : null}
      {...(w && words ? { summary: summary(w, words.meaning) } : {})}
      y={paths.y}
      yTicks={paths.y.ticks(3)}
      yFormat={formatTick}
      legend={legend}
      rowsAt={rowsAt}
    >
      <path className="chart-band" d={paths.bounds} />
      <path className="chart-terminating" d={paths.terminating} />
      <path className="chart-line chart-bound" d={paths.maxPods} />
      <path className="chart-line chart-bound chart-floor" d={paths.minAvailable} />
      <path className="chart-line chart-available" d={paths.available} />
      <path className="chart-line chart-pods" d={paths.pods} />
    </ChartFrame>
  );
}

/** One sentence of what the chart shows so far, for screen readers. */
function summary(w: WorkloadSeries, meaning: string): string {
  const peak = (v: Level) => Math.max(0, ...v.filter(known));
  const over = w.pods.filter((v, i) => known(v) && known(w.maxPods[i]) && v > w.maxPods[i]!);
  const parts = [`${workloadTitle(w)}. ${meaning}`, `Most counted pods so far: ${peak(w.pods)}`];
  if (w.maxPods.some(known))
    parts.push(
      over.length === 0
        ? 'never above the upper bound'
        : `above the upper bound at ${over.length} points`,
    );
  parts.push(
    `most pods terminating at once: ${peak(w.terminating)} (not counted by the controller).`,
  );
  return parts.join('; ').replace('; Most', '. Most');
}
