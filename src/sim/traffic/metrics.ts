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
  };
}
