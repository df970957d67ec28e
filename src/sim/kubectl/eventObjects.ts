/**
 * Recorded events as core/v1 Event objects, aggregated the way the event recorder's correlator
 * does (same object, type, reason, message and source → one Event with a count), which is what
 * `kubectl describe` shows as `(x3 over 20m)`.
 */
import type { Event, Kind } from '../api/objects';
import type { EventRecorder } from '../api/eventRecorder';
import { toTimestamp } from '../core/time';

export function eventsFor(recorder: EventRecorder, kind: Kind, name: string): Event[] {
  const byKey = new Map<string, Event>();
  for (const e of recorder.about(kind, name)) {
    const key = `${e.type}\u0000${e.reason}\u0000${e.message}\u0000${e.source}`;
    const ts = toTimestamp(e.t);
    const prev = byKey.get(key);
    if (prev) {
      prev.count = (prev.count ?? 1) + 1;
      prev.lastTimestamp = ts;
      continue;
    }
    byKey.set(key, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${e.t.toString(16)}`, namespace: 'default' },
      involvedObject: { kind, name, namespace: 'default' },
      type: e.type,
      reason: e.reason,
      message: e.message,
      source: { component: e.source },
      reportingComponent: e.source,
      count: 1,
      firstTimestamp: ts,
      lastTimestamp: ts,
    });
  }
  return [...byKey.values()];
}
