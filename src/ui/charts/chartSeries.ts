/**
 * Pure: the store's chart history (one point per 500 simulated ms, up to 2 400 of them) as at
 * most MAX_SAMPLES buckets per series, so four charts stay cheap to draw. Levels (pods) take the
 * bucket's last point; traffic is summed over the bucket and divided by the time it covers, so a
 * short burst of errors survives decimation as a lower but non-zero rate.
 */
import type { ChartPoint } from '../../sim/view/chartPoint';
import type { BoundsRule, WorkloadPoint } from '../../sim/view/workloadBounds';
import type { EventRecord } from '../../sim/runner/runResult';

export const MAX_SAMPLES = 600;
const POINT_MS = 500;

export type ErrorKind = 'no-endpoints' | 'refused' | 'app-error';
export const ERROR_KINDS: readonly ErrorKind[] = ['no-endpoints', 'refused', 'app-error'];

export interface ChartSeries {
  /** Colour i belongs to images[i]. */
  images: string[];
  /** Bucket ends, simulated seconds. */
  t: number[];
  /** Where the first bucket starts (s): the left edge of the x axis. */
  t0: number;
  /** Ready, non-terminating pods per image: ready[image][i]. */
  ready: number[][];
  /** Share (0..1) of the answered requests per image. */
  share: number[][];
  /** Requests per second, all and failed by kind. */
  rps: number[];
  errors: Record<ErrorKind, number[]>;
  /** Mirrored copies per second, and those failing at the mirror target (not seen by clients). */
  mirrored: number[];
  mirroredFailed: number[];
  /** Per workload (Deployment, Rollout, the ReplicationControllers), in order of appearance. */
  workloads: WorkloadSeries[];
}

/** One workload's levels per bucket; null where it did not exist. */
export interface WorkloadSeries {
  key: string;
  kind: WorkloadPoint['kind'];
  name: string;
  /** As of the newest bucket that has the workload. */
  rule: BoundsRule;
  maxSurge: number | null;
  maxUnavailable: number | null;
  replicas: (number | null)[];
  /** Active pods of its ReplicaSets: what its controller counts. */
  pods: (number | null)[];
  terminating: (number | null)[];
  available: (number | null)[];
  maxPods: (number | null)[];
  minAvailable: (number | null)[];
}

const LEVELS = ['replicas', 'pods', 'terminating', 'available', 'maxPods', 'minAvailable'] as const;

/** Each workload's levels at the buckets' last points (`lasts`, one per bucket). */
function workloadSeries(lasts: readonly ChartPoint[]): WorkloadSeries[] {
  const byKey = new Map<string, WorkloadSeries>();
  lasts.forEach((p, i) => {
    for (const w of p.workloads) {
      let s = byKey.get(w.key);
      if (!s) {
        const empty = () => lasts.map((): number | null => null);
        s = {
          key: w.key,
          kind: w.kind,
          name: w.name,
          rule: w.rule,
          maxSurge: null,
          maxUnavailable: null,
          replicas: empty(),
          pods: empty(),
          terminating: empty(),
          available: empty(),
          maxPods: empty(),
          minAvailable: empty(),
        };
        byKey.set(w.key, s);
      }
      s.rule = w.rule;
      s.maxSurge = w.maxSurge;
      s.maxUnavailable = w.maxUnavailable;
      for (const k of LEVELS) s[k][i] = w[k];
    }
  });
  return [...byKey.values()];
}

/** frame.images first (their colours), then any image only the history knows. */
function imageList(history: readonly ChartPoint[], images: readonly string[]): string[] {
  const out = [...images];
  const seen = new Set(out);
  for (const p of history)
    for (const img of [...Object.keys(p.readyByImage), ...Object.keys(p.servedByImage)])
      if (!seen.has(img)) {
        seen.add(img);
        out.push(img);
      }
  return out;
}

export function chartSeries(
  history: readonly ChartPoint[],
  frameImages: readonly string[],
  max = MAX_SAMPLES,
): ChartSeries {
  const images = imageList(history, frameImages);
  const first = history[0];
  const s: ChartSeries = {
    images,
    t: [],
    t0: first ? Math.max(0, (first.t - POINT_MS) / 1000) : 0,
    ready: images.map(() => []),
    share: images.map(() => []),
    rps: [],
    errors: { 'no-endpoints': [], refused: [], 'app-error': [] },
    workloads: [],
    mirrored: [],
    mirroredFailed: [],
  };
  const lasts: ChartPoint[] = [];
  const n = history.length;
  const size = Math.max(1, Math.ceil(n / max));
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let ms = 0;
    let requests = 0;
    const errors = { 'no-endpoints': 0, refused: 0, 'app-error': 0 };
    const served = images.map(() => 0);
    let mirrored = 0;
    let mirroredFailed = 0;
    for (let j = start; j < end; j++) {
      const p = history[j]!;
      ms += Math.max(0, p.t - (j > 0 ? history[j - 1]!.t : p.t - POINT_MS));
      requests += p.requests;
      for (const k of ERROR_KINDS) errors[k] += p.errors[k];
      mirrored += p.mirrored?.copies ?? 0;
      for (const k of ERROR_KINDS) mirroredFailed += p.mirrored?.errors[k] ?? 0;
      images.forEach((img, k) => (served[k]! += p.servedByImage[img] ?? 0));
    }
    const last = history[end - 1]!;
    lasts.push(last);
    const perSecond = ms > 0 ? 1000 / ms : 0;
    const answered = served.reduce((a, b) => a + b, 0);
    s.t.push(last.t / 1000);
    images.forEach((img, k) => {
      s.ready[k]!.push(last.readyByImage[img] ?? 0);
      s.share[k]!.push(answered > 0 ? served[k]! / answered : 0);
    });
    s.rps.push(requests * perSecond);
    for (const k of ERROR_KINDS) s.errors[k].push(errors[k] * perSecond);
    s.mirrored.push(mirrored * perSecond);
    s.mirroredFailed.push(mirroredFailed * perSecond);
  }
  s.workloads = workloadSeries(lasts);
  return s;
}

/**
 * Simulated seconds of the controller's scaling decisions (ScalingReplicaSet events), once each;
 * only those of `object` ("Deployment/web-blue") when given, so a chart of one workload shows
 * no tick for another's decision.
 */
export function scalingMarks(events: readonly EventRecord[], object?: string): number[] {
  const out: number[] = [];
  for (const e of events)
    if (
      e.reason === 'ScalingReplicaSet' &&
      (object === undefined || e.object === object) &&
      out.at(-1) !== e.t
    )
      out.push(e.t);
  return out;
}
