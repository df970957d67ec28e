/**
 * The Events `sim serve` lists and watches. The simulator keeps events in its recorder
 * (api/eventRecorder.ts), aggregated into core/v1 Events as the client-side correlator does
 * (kubectl/eventObjects.ts); here each Event gets a resourceVersion, and each change (a new
 * Event, or a repeat counted into one) goes into a change log of its own. Events have their own
 * resourceVersion sequence, apart from the object store's: a client only compares versions of
 * one resource (a list's and the watch that follows it), never across resources.
 *
 * The served Event names its object as the API server's does, uid included: `kubectl
 * describe` searches events with `involvedObject.uid=…` (client-go EventInterface.Search).
 */
import type { Event, Kind } from '../api/objects';
import type { RecordedEvent } from '../api/eventRecorder';
import type { ApiView } from '../session/apiView';
import { apiVersionOf } from '../api/kinds';
import { allEvents, eventsFor } from '../kubectl/eventObjects';
import { ChangeLog } from './changeLog';

export class EventLog {
  readonly log: ChangeLog;
  private readonly rvs = new Map<string, number>();
  private rv = 0;

  constructor(
    private readonly view: ApiView,
    capacity: number,
  ) {
    for (const e of allEvents(view.events)) this.rvs.set(e.metadata?.name ?? '', ++this.rv);
    this.log = new ChangeLog(capacity, this.rv);
    view.onEvent((e) => this.recorded(e));
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** Every Event, in name order, as served (resourceVersion, involved object's uid). */
  list(): Event[] {
    return allEvents(this.view.events).map((e) => this.complete(e));
  }

  private recorded(r: RecordedEvent): void {
    const agg = eventsFor(this.view.events, r.kind, r.name).find(
      (e) =>
        e.type === r.type &&
        e.reason === r.reason &&
        e.message === r.message &&
        e.source?.component === r.source,
    );
    if (!agg) return;
    const name = agg.metadata?.name ?? '';
    const type = this.rvs.has(name) ? 'MODIFIED' : 'ADDED';
    this.rvs.set(name, ++this.rv);
    const obj = this.complete(agg);
    this.log.push({ rv: this.rv, type, kind: 'Event', obj, old: obj });
  }

  private complete(e: Event): Event {
    const name = e.metadata?.name ?? '';
    const kind = e.involvedObject.kind as Kind;
    const target = this.view.store.get(kind, e.involvedObject.name ?? '');
    const uid = target?.metadata?.uid;
    return {
      ...e,
      metadata: { ...e.metadata, resourceVersion: String(this.rvs.get(name) ?? this.rv) },
      involvedObject: {
        ...e.involvedObject,
        apiVersion: apiVersionOf(kind),
        ...(uid ? { uid } : {}),
      },
    };
  }
}
