/**
 * A recorded event as the runner's document reports it (scenario-format.md §2): seconds instead
 * of milliseconds and the object as Kind/name. The field order is the document's: keep it.
 */
import type { RecordedEvent } from '../api/eventRecorder';
import type { EventRecord } from '../runner/runResult';

export function eventRecord(e: RecordedEvent): EventRecord {
  return {
    t: e.t / 1000,
    type: e.type,
    reason: e.reason,
    object: `${e.kind}/${e.name}`,
    message: e.message,
    source: e.source,
  };
}
