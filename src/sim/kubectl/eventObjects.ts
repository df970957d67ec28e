/**
 * Recorded events as core/v1 Event objects, aggregated the way the event recorder's correlator
 * does (same object, type, reason, message and source → one Event with a count), which is what
 * `kubectl describe` shows as `(x3 over 20m)`.
 */
import type { Event, Kind } from '../api/objects';
import type { EventRecorder, RecordedEvent } from '../api/eventRecorder';
import { SIM_EPOCH_MS, toTimestamp } from '../core/time';

export function eventsFor(recorder: EventRecorder, kind: Kind, name: string): Event[] {
  return aggregate(recorder.about(kind, name));
}

/**
 * Every recorded event as the API server lists them for `kubectl get events`: in name order
 * (etcd's key order), and an Event's name is `<object>.<hex UnixNano>` (client-go
 * record.makeEvent), so events group by object, oldest first within it.
 */
export function allEvents(recorder: EventRecorder): Event[] {
  return aggregate(recorder.events).sort((a, b) => {
    const x = a.metadata?.name ?? '';
    const y = b.metadata?.name ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * `%x` of the UnixNano time: what makeEvent appends to the object's name. Simulated time has
 * whole milliseconds, so events about one object in the same millisecond take the next
 * nanoseconds, as distinct clock readings would give them distinct names.
 */
function nameSuffix(t: number, seq: number): string {
  return (BigInt(SIM_EPOCH_MS + t) * 1_000_000n + BigInt(seq)).toString(16);
}

function aggregate(events: readonly RecordedEvent[]): Event[] {
  const byKey = new Map<string, Event>();
  const sameInstant = new Map<string, number>();
  for (const e of events) {
    const { kind, name } = e;
    const key = `${kind}\u0000${name}\u0000${e.type}\u0000${e.reason}\u0000${e.message}\u0000${e.source}`;
    const ts = toTimestamp(e.t);
    const prev = byKey.get(key);
    if (prev) {
      prev.count = (prev.count ?? 1) + 1;
      prev.lastTimestamp = ts;
      continue;
    }
    const instant = `${kind}\u0000${name}\u0000${e.t}`;
    const seq = sameInstant.get(instant) ?? 0;
    sameInstant.set(instant, seq + 1);
    byKey.set(key, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${name}.${nameSuffix(e.t, seq)}`,
        namespace: 'default',
        creationTimestamp: ts,
      },
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
