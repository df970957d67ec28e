/**
 * One `sim serve` cluster: the session it plays, the clock that maps its time to the wall
 * clock, and the watch cache — the bounded change logs of the object store and of the events,
 * fed by the session's listeners. `context(nowWall)` is what each request's handlers get.
 */
import type { EndpointSlice, Kind, KubeObject } from '../api/objects';
import type { Session } from '../session/session';
import type { ApiView } from '../session/apiView';
import type { ResourceKind } from '../api/kinds';
import type { ApiContext } from './context';
import { ChangeLog } from './changeLog';
import { EventLog } from './eventLog';
import { EndpointsChanges } from './endpointsChanges';
import { servedObject } from './served';
import type { ServedClock } from './servedClock';

/** Changes kept per log: a watch that falls further behind is told it is too old (410). */
export const WATCH_CACHE_CAPACITY = 10_000;

export class ServeState {
  readonly view: ApiView;
  readonly objects: ChangeLog;
  readonly events: EventLog;
  /** The session's epoch when the logs started: a rebuild starts resourceVersions over. */
  private epoch: number;

  constructor(
    readonly session: Session,
    public clock: ServedClock,
    /** `127.0.0.1:8001`, for `/api`'s serverAddressByClientCIDRs. */
    readonly serverAddress: string,
    capacity = WATCH_CACHE_CAPACITY,
  ) {
    this.view = session.apiView();
    this.epoch = session.epoch;
    this.objects = new ChangeLog(capacity, this.view.store.resourceVersion);
    this.events = new EventLog(this.view, capacity);
    let last = this.view.store.resourceVersion;
    const endpoints = new EndpointsChanges(this.view.store);
    this.view.onStoreChange((e) => {
      // Every write takes the next resourceVersion; a DELETED event's is the deletion's own.
      const rv =
        e.type === 'DELETED' ? last + 1 : Number(e.obj.metadata?.resourceVersion ?? last + 1);
      last = rv;
      const obj =
        e.type === 'DELETED'
          ? { ...e.obj, metadata: { ...e.obj.metadata, resourceVersion: String(rv) } }
          : e.obj;
      this.objects.push({ rv, type: e.type, kind: e.kind, obj, old: e.old });
      if (e.kind === 'EndpointSlice')
        this.objects.push(endpoints.after(e.obj as EndpointSlice, rv));
    });
  }

  /** Whether the session was rebuilt since the logs started (their versions no longer hold). */
  get rebuilt(): boolean {
    return this.session.epoch !== this.epoch;
  }

  /** The request context at wall instant `nowWall` (Unix ms). */
  context(nowWall: number): ServeContext {
    return new ServeContext(this, nowWall);
  }
}

export class ServeContext implements ApiContext {
  constructor(
    readonly state: ServeState,
    /** The request's wall instant (Unix ms). */
    readonly nowWall: number,
  ) {}

  get session(): Session {
    return this.state.session;
  }

  served(kind: Kind, obj: KubeObject): Record<string, unknown> {
    return servedObject(kind, obj, this.state.clock, this.nowWall);
  }

  /**
   * The same for any served kind (Endpoints are derived, not stored), as `version` when the
   * request names another version the kind serves (Istio's v1beta1: the same schema).
   */
  servedAny(kind: ResourceKind, obj: object, version?: string): Record<string, unknown> {
    return servedObject(kind, obj, this.state.clock, this.nowWall, version);
  }
}
