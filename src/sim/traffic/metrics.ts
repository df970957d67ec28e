/**
 * Cumulative traffic counters. Samples are differences of two snapshots, so any sampling
 * interval (100 ms or 10 s) reads the same totals.
 */
import type { TrafficSample } from '../runner/runResult';

export type Outcome = 'ok' | 'no-endpoints' | 'refused' | 'app-error';

export interface TrafficCounters {
  requests: number;
  ok: number;
  noEndpoints: number;
  refused: number;
  appError: number;
  mirrored: number;
  /** Mirrored copies a pod answered (ok or app-error), by its image; never in `byImage`. */
  mirroredByImage: Record<string, number>;
  /** Mirrored copies that failed at the mirror target; never in the client's errors. */
  mirroredNoEndpoints: number;
  mirroredRefused: number;
  mirroredAppError: number;
  byImage: Record<string, number>;
  byPod: Record<string, number>;
  /** Per pod, requests answered with an error or refused (what an analysis' success rate reads). */
  failedByPod: Record<string, number>;
  /** Simulated ms with zero ready endpoints behind the target, once it first had one. */
  downtimeMs: number;
}

export function emptyCounters(): TrafficCounters {
  return {
    requests: 0,
    ok: 0,
    noEndpoints: 0,
    refused: 0,
    appError: 0,
    mirrored: 0,
    mirroredByImage: {},
    mirroredNoEndpoints: 0,
    mirroredRefused: 0,
    mirroredAppError: 0,
    byImage: {},
    byPod: {},
    failedByPod: {},
    downtimeMs: 0,
  };
}

export function copyCounters(c: TrafficCounters): TrafficCounters {
  return {
    ...c,
    byImage: { ...c.byImage },
    mirroredByImage: { ...c.mirroredByImage },
    byPod: { ...c.byPod },
    failedByPod: { ...c.failedByPod },
  };
}

export function addOutcome(
  c: TrafficCounters,
  outcome: Outcome,
  n: number,
  image?: string,
  pod?: string,
): void {
  if (n <= 0) return;
  c.requests += n;
  if (outcome === 'ok') c.ok += n;
  else if (outcome === 'no-endpoints') c.noEndpoints += n;
  else if (outcome === 'refused') c.refused += n;
  else c.appError += n;
  if (image !== undefined && (outcome === 'ok' || outcome === 'app-error')) {
    c.byImage[image] = (c.byImage[image] ?? 0) + n;
  }
  if (pod !== undefined) {
    c.byPod[pod] = (c.byPod[pod] ?? 0) + n;
    if (outcome === 'app-error' || outcome === 'refused')
      c.failedByPod[pod] = (c.failedByPod[pod] ?? 0) + n;
  }
}

/** What one endpoint did with a batch of requests, counted in one go (the bulk path's hot spot). */
export function addServed(
  c: TrafficCounters,
  pod: string,
  image: string | undefined,
  ok: number,
  appError: number,
  refused: number,
): void {
  const n = ok + appError + refused;
  if (n <= 0) return;
  c.requests += n;
  c.ok += ok;
  c.appError += appError;
  c.refused += refused;
  if (image !== undefined && ok + appError > 0)
    c.byImage[image] = (c.byImage[image] ?? 0) + ok + appError;
  c.byPod[pod] = (c.byPod[pod] ?? 0) + n;
  if (appError + refused > 0) c.failedByPod[pod] = (c.failedByPod[pod] ?? 0) + appError + refused;
}

/**
 * What the mirror target did with a batch of mirrored copies. The copies are counted apart from
 * the clients' requests (scenario-format.md §3 "Mirrored outcomes"): `mirrored` itself is
 * counted where the copies are made, so `mirrored = Σ mirroredByImage + no-endpoints + refused`.
 */
export function addMirroredServed(
  c: TrafficCounters,
  image: string,
  ok: number,
  appError: number,
  refused: number,
): void {
  c.mirroredRefused += refused;
  c.mirroredAppError += appError;
  if (ok + appError > 0) c.mirroredByImage[image] = (c.mirroredByImage[image] ?? 0) + ok + appError;
}

/** Mirrored copies with no endpoint behind the mirror's destination (Envoy: no healthy upstream). */
export function addMirroredNoEndpoints(c: TrafficCounters, n: number): void {
  c.mirroredNoEndpoints += n;
}

/** The contract's per-interval traffic block: `now − before`. */
export function diffSample(now: TrafficCounters, before: TrafficCounters): TrafficSample {
  const byImage: Record<string, number> = {};
  for (const [img, n] of Object.entries(now.byImage)) {
    const d = n - (before.byImage[img] ?? 0);
    if (d > 0) byImage[img] = d;
  }
  return {
    requests: now.requests - before.requests,
    ok: now.ok - before.ok,
    errors: {
      'no-endpoints': now.noEndpoints - before.noEndpoints,
      refused: now.refused - before.refused,
      'app-error': now.appError - before.appError,
    },
    byImage,
    mirrored: now.mirrored - before.mirrored,
    mirroredByImage: diffRecord(now.mirroredByImage, before.mirroredByImage),
    mirroredErrors: {
      'no-endpoints': now.mirroredNoEndpoints - before.mirroredNoEndpoints,
      refused: now.mirroredRefused - before.mirroredRefused,
      'app-error': now.mirroredAppError - before.mirroredAppError,
    },
  };
}

function diffRecord(
  now: Readonly<Record<string, number>>,
  before: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(now)) {
    const d = n - (before[k] ?? 0);
    if (d > 0) out[k] = d;
  }
  return out;
}
