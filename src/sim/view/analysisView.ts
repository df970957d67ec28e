/**
 * An AnalysisRun's metrics as Argo's dashboard shows them, and in words why each measurement and
 * the run came out as they did: every measurement's value against the metric's
 * successCondition and failureCondition, and the limits that turn measurements into a verdict.
 *
 * Argo Rollouts' rules, as the analysis controller applies them (argoproj/argo-rollouts
 * analysis/analysis.go, runMeasurements and assessMetricStatus; utils/evaluate/evaluate.go,
 * EvaluateResult):
 * - a measurement is Failed when the failureCondition holds, or, without one, when the
 *   successCondition does not; Successful when the successCondition holds (or, without one,
 *   the failureCondition does not); Inconclusive when both are given and neither holds;
 *   Error when a condition cannot be evaluated (an empty result has no `result[0]`);
 * - Successful, Failed and Inconclusive measurements count towards `count`; an Error does not,
 *   and it only adds to consecutiveError, which any other measurement resets;
 * - the metric is Failed once failed > failureLimit (default 0), Inconclusive once
 *   inconclusive > inconclusiveLimit (default 0), Error once consecutiveError >
 *   consecutiveErrorLimit (default 4), and Successful when count is reached;
 * - the run takes the worst completed metric (Error, Failed, Inconclusive, Successful) once
 *   every metric is complete; a terminated run's unfinished metrics end Successful.
 */
import type { AnalysisMetric, AnalysisRun } from '../api/objects';
import { fromTimestamp } from '../core/time';
import { evalCondition } from '../controllers/rollout/analysisExpr';

/** analysis.go DefaultConsecutiveErrorLimit. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

export interface MeasurementView {
  /** 1-based, as Argo's dashboard numbers them. */
  n: number;
  /** Simulated ms it finished. */
  t: number;
  /** As Argo stores it: "[0.9834]", "[]". */
  value: string;
  phase: string;
  /** Whether the condition held for this value; null: no such condition, or it could not be evaluated. */
  successMet: boolean | null;
  failureMet: boolean | null;
  /** The measurement's message (an Error's reason), null without one. */
  message: string | null;
  /** Why it got its phase, in words. */
  why: string;
}

export interface MetricRules {
  successCondition: string | null;
  failureCondition: string | null;
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
  /** Measurements to take; null: until the run is stopped. */
  count: number | null;
  interval: string | null;
  consecutiveError: number;
  measurements: MeasurementView[];
  /** Why the metric is in its phase, in words. */
  why: string;
}

type MetricResult = NonNullable<NonNullable<AnalysisRun['status']>['metricResults']>[number];
type Measurement = NonNullable<MetricResult['measurements']>[number];

function intOr(v: number | string | undefined, d: number): number {
  if (v === undefined) return d;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : d;
}

function parseValue(value: string | undefined): number[] | null {
  if (value === undefined) return null;
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (inner === '') return [];
  const nums = inner.split(/[\s,]+/).map(Number);
  return nums.every(Number.isFinite) ? nums : null;
}

function met(condition: string | null, value: number[] | null): boolean | null {
  if (!condition || value === null) return null;
  const r = evalCondition(condition, value);
  return r.ok ? r.value : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function measurementWhy(
  phase: string,
  rules: { successCondition: string | null; failureCondition: string | null },
  successMet: boolean | null,
  failureMet: boolean | null,
  value: string,
  message: string | null,
  errorLimit: number,
): string {
  const { successCondition: s, failureCondition: f } = rules;
  switch (phase) {
    case 'Error':
      return `${
        value === '[]'
          ? `no data: the pods under analysis answered no request since the previous measurement, so the result is empty and result[0] does not exist (${message ?? 'error'})`
          : `the condition could not be evaluated (${message ?? 'error'})`
      }. An error is not counted as a measurement; only more than consecutiveErrorLimit (${errorLimit}) in a row end the run`;
    case 'Failed':
      if (f && failureMet) return `failureCondition ${f} holds`;
      if (s)
        return `successCondition ${s} does not hold${f ? '' : ' (and there is no failureCondition)'}`;
      return 'failed';
    case 'Successful':
      if (s && successMet) return `successCondition ${s} holds`;
      if (f && failureMet === false) return `failureCondition ${f} does not hold`;
      if (!s && !f) return 'no successCondition or failureCondition: every measurement succeeds';
      return 'successful';
    case 'Inconclusive':
      return `neither successCondition ${s ?? '—'} nor failureCondition ${f ?? '—'} holds`;
  }
  return phase;
}

export function metricRules(m: AnalysisMetric | undefined, r: MetricResult): MetricRules {
  const successCondition = m?.successCondition || null;
  const failureCondition = m?.failureCondition || null;
  const failureLimit = intOr(m?.failureLimit, 0);
  const inconclusiveLimit = intOr(m?.inconclusiveLimit, 0);
  const consecutiveErrorLimit = intOr(m?.consecutiveErrorLimit, DEFAULT_CONSECUTIVE_ERROR_LIMIT);
  // Metric.EffectiveCount: count, or 1 without an interval, or unlimited.
  const count = m?.count !== undefined ? intOr(m.count, 1) : m?.interval ? null : 1;
  const measurements = (r.measurements ?? []).map((x: Measurement, i): MeasurementView => {
    const value = x.value ?? '';
    const parsed = parseValue(x.value);
    const successMet = met(successCondition, parsed);
    const failureMet = met(failureCondition, parsed);
    const message = x.message ?? null;
    return {
      n: i + 1,
      t: fromTimestamp(x.finishedAt ?? x.startedAt) ?? 0,
      value,
      phase: x.phase,
      successMet,
      failureMet,
      message,
      why: measurementWhy(
        x.phase,
        { successCondition, failureCondition },
        successMet,
        failureMet,
        value,
        message,
        consecutiveErrorLimit,
      ),
    };
  });
  const rules = {
    successCondition,
    failureCondition,
    failureLimit,
    inconclusiveLimit,
    consecutiveErrorLimit,
    count,
    interval: m?.interval ?? null,
    consecutiveError: r.consecutiveError ?? 0,
    measurements,
  };
  return { ...rules, why: metricWhy(r, rules) };
}

function metricWhy(r: MetricResult, k: Omit<MetricRules, 'why'>): string {
  const failed = r.failed ?? 0;
  const inconclusive = r.inconclusive ?? 0;
  const taken = r.count ?? 0;
  const errors = r.error ?? 0;
  const errorsNote =
    errors > 0
      ? `; ${plural(errors, 'measurement error')} not counted (the run errors only after more than ${k.consecutiveErrorLimit} in a row)`
      : '';
  const of = k.count === null ? '' : ` of ${k.count}`;
  switch (r.phase) {
    case 'Failed':
      return `${plural(failed, 'measurement')} failed, more than failureLimit ${k.failureLimit}`;
    case 'Inconclusive':
      return `${plural(inconclusive, 'measurement')} inconclusive, more than inconclusiveLimit ${k.inconclusiveLimit}`;
    case 'Error':
      return `${plural(k.consecutiveError, 'measurement error')} in a row, more than consecutiveErrorLimit ${k.consecutiveErrorLimit}`;
    case 'Successful':
      if (r.message === 'Metric Terminated')
        return `stopped after ${taken}${of} measurements (run terminated): an unfinished metric ends Successful`;
      return `all ${taken}${of} measurements taken: ${failed} failed (failureLimit ${k.failureLimit}), ${inconclusive} inconclusive (inconclusiveLimit ${k.inconclusiveLimit})${errorsNote}`;
  }
  const left =
    k.count === null ? 'until the run is stopped' : `${Math.max(0, k.count - taken)} still to take`;
  return `${taken}${of} measurements taken, ${left}; the metric fails once ${k.failureLimit + 1} fail (failureLimit ${k.failureLimit})${errorsNote}`;
}

/** Why the run is in its phase: the deciding metric's reason (the worst one once all completed). */
export function runWhy(
  run: AnalysisRun,
  metrics: readonly { name: string; phase: string; why: string }[],
): string {
  const phase = run.status?.phase ?? 'Pending';
  if (run.status?.message === 'Run Terminated' || run.spec.terminate)
    return 'terminated by the Rollout (promoted, aborted or replaced): unfinished metrics end Successful';
  if (metrics.length === 0)
    return phase === 'Running' ? 'waiting for the first measurement' : phase;
  const worst = metrics.find((m) => m.phase === phase && phase !== 'Running');
  if (worst) return `${worst.name}: ${worst.why}`;
  const running = metrics.filter((m) => m.phase === 'Running' || m.phase === 'Pending');
  if (running.length) return running.map((m) => `${m.name}: ${m.why}`).join('; ');
  return metrics.map((m) => `${m.name}: ${m.why}`).join('; ');
}
