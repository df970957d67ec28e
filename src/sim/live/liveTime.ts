/**
 * A live cluster's timestamps moved onto the simulator's clock. The views read times as
 * simulated ms (core/time.ts: `fromTimestamp` counts from SIM_EPOCH_MS); live mode's clock counts
 * from the moment the page started watching, so every RFC 3339 timestamp in a mirrored object is
 * moved by the same amount: an object made 30 s before the page opened reads as t = -30 s, and
 * a pod's age or a condition's lastTransitionTime keeps its real length.
 */
import { SIM_EPOCH_MS } from '../core/time';

/** RFC 3339 as the API server writes it (metav1.Time, and MicroTime's fractional seconds). */
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The amount to add to a wall-clock instant so that `startedAtMs` reads as simulated t = 0. */
export function shiftFor(startedAtMs: number): number {
  return SIM_EPOCH_MS - startedAtMs;
}

/** A copy of `value` with every timestamp string moved by `shiftMs` (other values as they are). */
export function shiftTimestamps<T>(value: T, shiftMs: number): T {
  return shift(value, shiftMs) as T;
}

function shift(v: unknown, ms: number): unknown {
  if (typeof v === 'string') {
    if (!RFC3339.test(v)) return v;
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : new Date(t + ms).toISOString();
  }
  if (Array.isArray(v)) return v.map((x) => shift(x, ms));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = shift(x, ms);
    return out;
  }
  return v;
}
