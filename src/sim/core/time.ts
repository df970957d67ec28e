/**
 * Simulated time. The engine counts milliseconds from 0; API objects carry RFC 3339 timestamps
 * (with milliseconds, as metav1.MicroTime does) measured from a fixed epoch so that output is
 * identical on every run and every machine.
 */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** Simulated milliseconds → RFC 3339 timestamp, e.g. 30005 → "2026-01-01T00:00:30.005Z". */
export function toTimestamp(ms: number): string {
  return new Date(SIM_EPOCH_MS + ms).toISOString();
}

/** RFC 3339 timestamp → simulated milliseconds; undefined/empty → undefined. */
export function fromTimestamp(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const v = Date.parse(ts);
  return Number.isNaN(v) ? undefined : v - SIM_EPOCH_MS;
}

/** Seconds with one decimal as the runner prints them (t = 30.0). */
export function toSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}
