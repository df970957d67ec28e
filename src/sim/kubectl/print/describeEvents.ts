/**
 * The Events section every `kubectl describe` ends with: describe.go DescribeEvents, events
 * sorted by lastTimestamp (pkg/util/event SortableEvents), repeats aggregated as
 * `30s (x3 over 20m)`.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { RecordedEvent } from '../../api/eventRecorder';
import { toTimestamp } from '../../core/time';
import { servedMs, since } from './humanDuration';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './describeText';

/** Appends the Events section to a describer's writer. */
export function writeEvents(w: PrefixWriter, events: readonly Event[] | null, nowMs: number): void {
  // describe.go: `if events != nil { DescribeEvents(events, w) }` — nil with --show-events=false.
  if (events === null) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // Go's sort.Sort is not stable; a stable sort gives the recorder's order for equal times.
  const sorted = [...events].sort((a, b) => {
    const ta = lastSeen(a);
    const tb = lastSeen(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, nowMs, true) : since(e.firstTimestamp, nowMs);
    let interval = first;
    if (e.series) {
      interval = `${since(e.series.lastObservedTime, nowMs, true)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${since(e.lastTimestamp, nowMs)} (x${e.count ?? 0} over ${first})`;
    }
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

/**
 * SortableEvents compares lastTimestamp as served (whole seconds); events without one sort
 * first (Go's zero time).
 */
function lastSeen(e: Event): number {
  return servedMs(e.lastTimestamp) ?? -Infinity;
}

/**
 * The Events section on its own, exactly as `kubectl describe` prints it at the end of its
 * output: `Events:          <none>` aligns with the lines above it in a real describe, so on
 * its own the no-events form is `Events:  <none>`.
 */
export function printEvents(events: readonly Event[], nowMs: number): string {
  const w = new PrefixWriter();
  writeEvents(w, events, nowMs);
  return w.text();
}

/**
 * The simulator's recorded events as core/v1 Events, with identical repeats (same object, type,
 * reason, message and source) folded into one with a count, as client-go's EventCorrelator
 * does before they reach the API server.
 */
export function eventsFromRecorded(recorded: readonly RecordedEvent[]): Event[] {
  const byKey = new Map<string, Event>();
  for (const r of recorded) {
    const key = JSON.stringify([r.kind, r.name, r.type, r.reason, r.message, r.source]);
    const seen = byKey.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      seen.lastTimestamp = toTimestamp(r.t);
      continue;
    }
    byKey.set(key, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${r.name}.${byKey.size}`, namespace: 'default' },
      involvedObject: { kind: r.kind, name: r.name, namespace: 'default' },
      type: r.type,
      reason: r.reason,
      message: r.message,
      source: { component: r.source },
      firstTimestamp: toTimestamp(r.t),
      lastTimestamp: toTimestamp(r.t),
      count: 1,
    });
  }
  return [...byKey.values()];
}
