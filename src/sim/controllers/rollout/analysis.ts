/**
 * AnalysisRuns on the simulated metrics. A Rollout step (or blue/green pre-promotion) creates a
 * run from its AnalysisTemplates (argo-rollouts rollout/analysis.go); the run takes a measurement
 * every `interval` until `count` (analysis/analysis.go), and is assessed as Argo does:
 * Failed once failed > failureLimit, Error once consecutiveErrors > consecutiveErrorLimit (4),
 * Successful when every metric reached its count.
 *
 * The simulator has no Prometheus: every metric's query is answered from the simulated traffic
 * of the pods under analysis (the new ReplicaSet's) since the previous measurement (the first
 * covers the pods' whole life, as a `[1m]` range over young pods would) — the
 * success rate (answered without error / all), or, when the query computes a latency
 * (`latency`, `duration` or `histogram_quantile` in it), the mean response time in ms (seconds
 * when the query names `_seconds`). No request in the interval gives an empty vector.
 */
import type {
  AnalysisMetric,
  AnalysisRun,
  AnalysisTemplate,
  Pod,
  Rollout,
} from '../../api/objects';
import type { Ctx } from '../context';
import { fromTimestamp, toTimestamp } from '../../core/time';
import { parseDuration } from '../../core/quantity';
import { evalCondition } from './analysisExpr';
import { ROLLOUT_HASH_LABEL, REVISION_ANNOTATION, recordRollout } from './rolloutReplicaSets';

export type RunPhase = 'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';
export const RUN_CONTROLLER = 'analysisrun';
const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

type MetricResult = NonNullable<NonNullable<AnalysisRun['status']>['metricResults']>[number];
type Measurement = NonNullable<MetricResult['measurements']>[number];

export function isCompleted(phase: string | undefined): boolean {
  return (
    phase === 'Successful' || phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive'
  );
}

export interface RunRequest {
  templates: { templateName?: string }[];
  /** Argo's infix: the step index, or "pre" for blue/green pre-promotion. */
  infix: string;
  type: 'Step' | 'PrePromotion';
  stepIndex?: number;
  hash: string;
  revision: number;
}

/** Creates the run (or a Warning event naming the missing template), as createAnalysisRun does. */
export function createAnalysisRun(ctx: Ctx, ro: Rollout, req: RunRequest): AnalysisRun | null {
  const metrics: AnalysisMetric[] = [];
  for (const ref of req.templates) {
    const t = ctx.store.get<AnalysisTemplate>('AnalysisTemplate', ref.templateName ?? '');
    if (!t) {
      recordRollout(
        ctx,
        ro,
        'Warning',
        'AnalysisTemplateNotFound',
        `AnalysisTemplate '${ref.templateName ?? ''}' not found`,
      );
      return null;
    }
    metrics.push(...t.spec.metrics);
  }
  const roName = ro.metadata?.name ?? '';
  const name = `${roName}-${req.hash}-${req.revision}-${req.infix}`;
  const existing = ctx.store.get<AnalysisRun>('AnalysisRun', name);
  if (existing) return existing;
  const labels: Record<string, string> = {
    [ROLLOUT_HASH_LABEL]: req.hash,
    'rollout-type': req.type,
  };
  if (req.stepIndex !== undefined) labels['step-index'] = String(req.stepIndex);
  const run: AnalysisRun = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name,
      namespace: ro.metadata?.namespace ?? 'default',
      labels,
      annotations: { [REVISION_ANNOTATION]: String(req.revision) },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          name: roName,
          uid: ro.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { metrics },
    status: {
      phase: 'Running',
      startedAt: toTimestamp(ctx.now()),
      metricResults: [],
    } as NonNullable<AnalysisRun['status']>,
  };
  const created = ctx.store.create(run);
  ctx.enqueue('analysisrun', name);
  return created;
}

/** Stops a run that is no longer needed (promotion, abort, a new template): phase stays, as Argo's terminate. */
export function terminateRun(ctx: Ctx, run: AnalysisRun | undefined): void {
  if (!run || isCompleted(run.status?.phase) || run.spec.terminate) return;
  ctx.store.update({ ...run, spec: { ...run.spec, terminate: true } });
  ctx.enqueue('analysisrun', run.metadata?.name ?? '');
}

interface Sample {
  requests: number;
  failed: number;
  latencyMs: number;
}

/** Cumulative traffic of the pods carrying the run's hash (what the query would select). */
function sampleFor(ctx: Ctx, hash: string): Sample {
  const c = ctx.counters();
  let requests = 0;
  let failed = 0;
  let latency = 0;
  for (const pod of ctx.store.list<Pod>('Pod')) {
    if (pod.metadata?.labels?.[ROLLOUT_HASH_LABEL] !== hash) continue;
    const name = pod.metadata?.name ?? '';
    const n = c.byPod[name] ?? 0;
    requests += n;
    failed += c.failedByPod[name] ?? 0;
    latency += n * ctx.image(pod.spec?.containers?.[0]?.image).latency;
  }
  return { requests, failed, latencyMs: latency };
}

function measure(metric: AnalysisMetric, now: Sample, before: Sample | null): number[] {
  const requests = now.requests - (before?.requests ?? 0);
  if (requests <= 0) return [];
  const query = JSON.stringify(metric.provider ?? {});
  if (/latency|duration|histogram_quantile/i.test(query)) {
    const ms = (now.latencyMs - (before?.latencyMs ?? 0)) / requests;
    return [/_seconds/.test(query) ? ms / 1000 : ms];
  }
  const failed = now.failed - (before?.failed ?? 0);
  return [(requests - failed) / requests];
}

function formatValue(v: number[]): string {
  return `[${v.map((x) => String(Math.round(x * 10000) / 10000)).join(' ')}]`;
}

function intOr(v: number | string | undefined, d: number): number {
  if (v === undefined) return d;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : d;
}

/** count: given, or 1 without an interval (a single measurement), or unlimited. */
function effectiveCount(m: AnalysisMetric): number {
  if (m.count !== undefined) return intOr(m.count, 1);
  return m.interval ? Number.POSITIVE_INFINITY : 1;
}

function assess(m: AnalysisMetric, r: MetricResult): { phase: RunPhase; message?: string } {
  const failureLimit = intOr(m.failureLimit, 0);
  const errorLimit = intOr(m.consecutiveErrorLimit, DEFAULT_CONSECUTIVE_ERROR_LIMIT);
  const inconclusiveLimit = intOr(m.inconclusiveLimit, 0);
  if ((r.failed ?? 0) > failureLimit && failureLimit >= 0)
    return {
      phase: 'Failed',
      message: `failed (${r.failed ?? 0}) > failureLimit (${failureLimit})`,
    };
  if ((r.inconclusive ?? 0) > inconclusiveLimit)
    return {
      phase: 'Inconclusive',
      message: `inconclusive (${r.inconclusive ?? 0}) > inconclusiveLimit (${inconclusiveLimit})`,
    };
  if ((r.consecutiveError ?? 0) > errorLimit)
    return {
      phase: 'Error',
      message: `consecutiveErrors (${r.consecutiveError ?? 0}) > consecutiveErrorLimit (${errorLimit})`,
    };
  if ((r.count ?? 0) >= effectiveCount(m)) return { phase: 'Successful' };
  return { phase: 'Running' };
}

/** The measurement's phase from its conditions (analysis.go assessMetric → evaluate.EvaluateResult). */
function judge(m: AnalysisMetric, value: number[]): { phase: string; message?: string } {
  if (value.length === 0 && (m.successCondition ?? '').includes('['))
    return { phase: 'Error', message: 'reflect: slice index out of range' };
  if (m.failureCondition) {
    const f = evalCondition(m.failureCondition, value);
    if (!f.ok) return { phase: 'Error', message: f.error };
    if (f.value) return { phase: 'Failed' };
  }
  if (m.successCondition) {
    const s = evalCondition(m.successCondition, value);
    if (!s.ok) return { phase: 'Error', message: s.error };
    if (s.value) return { phase: 'Successful' };
    return { phase: m.failureCondition ? 'Inconclusive' : 'Failed' };
  }
  // evaluate.go EvaluateResult: without a successCondition the measurement succeeds unless the
  // failureCondition holds; with neither condition, every measurement succeeds.
  return { phase: 'Successful' };
}

/** One wake-up of the analysis controller for a run: measures what is due and assesses. */
export function syncAnalysisRun(ctx: Ctx, name: string): void {
  const run = ctx.store.get<AnalysisRun>('AnalysisRun', name);
  if (!run || isCompleted(run.status?.phase)) return;
  const now = ctx.now();
  const hash = run.metadata?.labels?.[ROLLOUT_HASH_LABEL] ?? '';
  const results = [...(run.status?.metricResults ?? [])];
  const sample = sampleFor(ctx, hash);
  let nextWake = Number.POSITIVE_INFINITY;
  const started = fromTimestamp(run.status?.startedAt) ?? 0;
  for (const m of run.spec.metrics) {
    let i = results.findIndex((r) => r.name === m.name);
    if (i < 0) {
      results.push({ name: m.name, phase: 'Running', count: 0, measurements: [] } as MetricResult);
      i = results.length - 1;
    }
    let r = results[i] as MetricResult;
    if (isCompleted(r.phase)) continue;
    if (run.spec.terminate) {
      // analysis.go: a terminated run's unfinished metrics end Successful ("Metric Terminated").
      results[i] = { ...r, phase: 'Successful', message: 'Metric Terminated' } as MetricResult;
      continue;
    }
    const measurements = r.measurements ?? [];
    const last = measurements.at(-1);
    const lastAt = last ? (fromTimestamp(last.finishedAt) ?? 0) : null;
    const interval = m.interval ? (parseDuration(m.interval) ?? 0) : 0;
    const initialDelay = m.initialDelay ? (parseDuration(m.initialDelay) ?? 0) : 0;
    const firstAt = started + initialDelay;
    const dueAt = lastAt === null ? firstAt : lastAt + interval;
    if (now >= dueAt) {
      const before = last?.metadata
        ? {
            requests: Number(last.metadata.requests),
            failed: Number(last.metadata.failed),
            latencyMs: Number(last.metadata.latencyMs),
          }
        : null;
      const value = measure(m, sample, before);
      const j = judge(m, value);
      const meas: Measurement = {
        phase: j.phase,
        startedAt: toTimestamp(now),
        finishedAt: toTimestamp(now),
        value: value.length ? formatValue(value) : '[]',
        metadata: {
          requests: String(sample.requests),
          failed: String(sample.failed),
          latencyMs: String(sample.latencyMs),
        },
        ...(j.message ? { message: j.message } : {}),
      } as Measurement;
      r = {
        ...r,
        count: (r.count ?? 0) + (j.phase === 'Error' ? 0 : 1),
        successful: (r.successful ?? 0) + (j.phase === 'Successful' ? 1 : 0),
        failed: (r.failed ?? 0) + (j.phase === 'Failed' ? 1 : 0),
        inconclusive: (r.inconclusive ?? 0) + (j.phase === 'Inconclusive' ? 1 : 0),
        error: (r.error ?? 0) + (j.phase === 'Error' ? 1 : 0),
        consecutiveError: j.phase === 'Error' ? (r.consecutiveError ?? 0) + 1 : 0,
        measurements: [...measurements, meas],
      } as MetricResult;
      const a = assess(m, r);
      r = {
        ...r,
        phase: a.phase,
        ...(a.message ? { message: `Metric assessed ${a.phase} due to ${a.message}` } : {}),
      } as MetricResult;
      results[i] = r;
      if (!isCompleted(a.phase)) nextWake = Math.min(nextWake, interval || 1000);
      else
        ctx.events.record(
          'AnalysisRun',
          name,
          a.phase === 'Successful' ? 'Normal' : 'Warning',
          `Metric${a.phase}`,
          `Metric '${m.name}' Completed. Result: ${a.phase}`,
          RUN_CONTROLLER,
        );
    } else nextWake = Math.min(nextWake, dueAt - now);
  }
  const phase = runPhase(run, results);
  const status = {
    ...run.status,
    metricResults: results,
    phase,
  } as NonNullable<AnalysisRun['status']>;
  const message = run.spec.terminate ? 'Run Terminated' : worstMessage(results);
  if (phase !== 'Running' && message) status.message = message;
  ctx.store.update({ ...run, status });
  if (isCompleted(phase)) {
    ctx.events.record(
      'AnalysisRun',
      name,
      phase === 'Successful' ? 'Normal' : 'Warning',
      `AnalysisRun${phase}`,
      `Analysis Completed. Result: ${phase}`,
      RUN_CONTROLLER,
    );
    const owner = run.metadata?.ownerReferences?.[0]?.name;
    if (owner) ctx.enqueue('rollout', owner);
  } else if (Number.isFinite(nextWake)) ctx.enqueue('analysisrun', name, nextWake);
}

/** The worst metric decides (analysis.go assessRunStatus): Error/Failed/Inconclusive over Successful. */
function runPhase(run: AnalysisRun, results: MetricResult[]): RunPhase {
  const order: RunPhase[] = ['Error', 'Failed', 'Inconclusive'];
  for (const p of order) if (results.some((r) => r.phase === p)) return p;
  if (results.length === run.spec.metrics.length && results.every((r) => r.phase === 'Successful'))
    return 'Successful';
  return 'Running';
}

function worstMessage(results: MetricResult[]): string {
  const bad = results.find(
    (r) => r.phase === 'Failed' || r.phase === 'Error' || r.phase === 'Inconclusive',
  );
  if (!bad) return '';
  const why = (bad.message ?? '').replace(/^Metric assessed \w+ due to /, '');
  return `Metric "${bad.name}" assessed ${bad.phase} due to ${why}`;
}
