/** Which events the log shows, and stable row keys for the visible window. */
import type { EventRecord } from '../../sim/runner/runResult';

/** Rows rendered at most: the newest ones (the store keeps up to 2000). */
export const MAX_ROWS = 200;

/** The default view: what the Deployment and ReplicaSet controllers say, and every Warning. */
export function isRolloutEvent(e: EventRecord): boolean {
  return (
    e.type === 'Warning' || e.object.startsWith('Deployment/') || e.object.startsWith('ReplicaSet/')
  );
}

export interface EventRow {
  key: string;
  event: EventRecord;
}

export function visibleEvents(events: readonly EventRecord[], all: boolean): EventRow[] {
  const shown = all ? events : events.filter(isRolloutEvent);
  const window = shown.length > MAX_ROWS ? shown.slice(-MAX_ROWS) : shown;
  // Keys must survive the window sliding forward; identical events at one instant get a suffix.
  const seen = new Map<string, number>();
  return window.map((event) => {
    const base = `${event.t}|${event.object}|${event.reason}|${event.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n ? `${base}#${n}` : base, event };
  });
}
