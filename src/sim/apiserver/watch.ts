/**
 * WATCH (`?watch=true`): a stream of newline-separated watch events (metav1.WatchEvent JSON)
 * fed from the watch cache (changeLog.ts) as the session advances. resourceVersion semantics as
 * the API server's watch cache has them (API concepts, "Semantics for watch"):
 * - unset or "0": the current objects as ADDED events first, then every change;
 * - N: every change after N; when those were already dropped, one ERROR event carrying the
 *   410 Expired Status (`too old resource version: N (M)`), and the stream ends;
 * - `sendInitialEvents=true` (watch-list): the current objects, then a BOOKMARK annotated
 *   `k8s.io/initial-events-end`;
 * - `allowWatchBookmarks`: a BOOKMARK with the newest resourceVersion every minute.
 * Selectors filter as the cache's predicate does: an object that stops matching arrives as
 * DELETED, one that starts matching as ADDED. Asked for a Table (`kubectl get -w`), each event
 * carries a one-row Table; the column definitions come with the first only.
 */
import type { ApiRequest, ResourcePath } from './types';
import type { ServedResource } from './resources';
import type { ServeContext } from './serveState';
import type { Change, ChangeLog } from './changeLog';
import type { WatchType } from '../api/objectStore';
import { apiVersionOf } from '../api/kinds';
import { objectsOf, listResourceVersion } from './objectsOf';
import { predicateOf, type Predicate } from './selectors';
import { includeObjectOf, tableOf, wantsTable, type IncludeObject } from './tableAnswer';
import { badRequest, expired, tooLargeResourceVersion, type StatusBody } from './status';

/** Bookmarks go out this often (wall ms) when the client allows them. */
export const BOOKMARK_EVERY_MS = 60_000;

export interface WatchStart {
  /** The first events (ADDED for the current objects, or an ERROR), already encoded. */
  initial: string[];
  stream: WatchStream;
  /** Close after this many wall ms (`timeoutSeconds`); undefined: when the client goes. */
  timeoutMs: number | undefined;
}

export class WatchStream {
  /** True once the stream has said its last (an ERROR event): the server ends the response. */
  done = false;
  private headersSent = false;
  private lastBookmark: number;

  constructor(
    private readonly r: ServedResource,
    private readonly path: ResourcePath,
    private readonly pred: Predicate,
    private readonly table: IncludeObject | undefined,
    private readonly log: ChangeLog,
    private rv: number,
    private readonly bookmarks: boolean,
    nowWall: number,
  ) {
    this.lastBookmark = nowWall;
  }

  /** Encoded events for the changes since the last call (and a bookmark when one is due). */
  next(ctx: ServeContext): string[] {
    if (this.done) return [];
    // The session was rebuilt (a seek back): resourceVersions started over, so this watch
    // cannot go on; the client relists, as after a 410 from a real API server.
    if (ctx.state.rebuilt)
      return this.fail(expired('too old resource version: the cluster was rebuilt'));
    const changes = this.log.since(this.rv);
    if ('expired' in changes) return this.fail(expired(changes.expired));
    const out: string[] = [];
    for (const c of changes) {
      this.rv = c.rv;
      const type = this.typeOf(c);
      if (type) out.push(this.encode(ctx, type, c.obj));
    }
    if (this.bookmarks && ctx.nowWall - this.lastBookmark >= BOOKMARK_EVERY_MS) {
      this.lastBookmark = ctx.nowWall;
      out.push(this.bookmark(this.log.resourceVersion));
    }
    return out;
  }

  /** The ERROR event that ends the stream. */
  fail(status: StatusBody): string[] {
    this.done = true;
    return [`${JSON.stringify({ type: 'ERROR', object: status })}\n`];
  }

  encode(ctx: ServeContext, type: WatchType, obj: object): string {
    const served = ctx.servedAny(this.r.kind, obj, this.path.version);
    let object: Record<string, unknown> = served;
    if (this.table) {
      object = tableOf(this.r.kind, [served], {
        nowWall: ctx.nowWall,
        includeObject: this.table,
        resourceVersion: String(
          (served.metadata as { resourceVersion?: string }).resourceVersion ?? '',
        ),
        noHeaders: this.headersSent,
      });
      this.headersSent = true;
    }
    return `${JSON.stringify({ type, object })}\n`;
  }

  bookmark(rv: number, initialEventsEnd = false): string {
    const object = {
      kind: this.table ? 'Table' : this.r.kind,
      apiVersion: this.table ? 'meta.k8s.io/v1' : apiVersionOf(this.r.kind),
      metadata: {
        resourceVersion: String(rv),
        ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
      },
    };
    return `${JSON.stringify({ type: 'BOOKMARK', object })}\n`;
  }

  private inScope(o: object | undefined): boolean {
    if (!o) return false;
    const ns = (o as { metadata?: { namespace?: string } }).metadata?.namespace;
    return (this.path.namespace === undefined || ns === this.path.namespace) && this.pred(o);
  }

  /** The event type the client sees for a change, or undefined when it does not concern it. */
  private typeOf(c: Change): WatchType | undefined {
    if (c.kind !== this.r.kind) return undefined;
    const now = this.inScope(c.obj);
    if (c.type === 'ADDED') return now ? 'ADDED' : undefined;
    const before = this.inScope(c.old);
    if (c.type === 'DELETED') return before || now ? 'DELETED' : undefined;
    if (now && before) return 'MODIFIED';
    if (now) return 'ADDED';
    return before ? 'DELETED' : undefined;
  }
}

/** Starts a watch, or the error that refuses it. */
export function openWatch(
  ctx: ServeContext,
  req: ApiRequest,
  path: ResourcePath,
  r: ServedResource,
): { watch: WatchStart } | { error: StatusBody } {
  const pred = predicateOf(r.kind, req.query);
  if (typeof pred !== 'function') return { error: pred };
  const state = ctx.state;
  const log = r.kind === 'Event' ? state.events.log : state.objects;
  const current = listResourceVersion(state, r.kind);
  const q = req.query;
  const rvParam = q.resourceVersion ?? '';
  const table = wantsTable(req.headers.accept) ? includeObjectOf(q) : undefined;
  const bookmarks = q.allowWatchBookmarks === 'true' || q.allowWatchBookmarks === '1';
  const initialEvents = q.sendInitialEvents === 'true' || q.sendInitialEvents === '1';
  const timeout = Number(q.timeoutSeconds);
  const timeoutMs = Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined;
  const fromNow = rvParam === '' || rvParam === '0' || initialEvents;
  let rv = current;
  if (!fromNow) {
    if (!/^\d+$/.test(rvParam))
      return { error: badRequest(`invalid resource version: ${rvParam}`) };
    rv = Number(rvParam);
    // Ahead of the store: the watch cache waits for it a while, then gives up (504).
    if (rv > current) return { error: tooLargeResourceVersion(rv, current) };
  }
  const stream = new WatchStream(r, path, pred, table, log, rv, bookmarks, ctx.nowWall);
  const initial: string[] = [];
  if (fromNow) {
    for (const o of objectsOf(state, r.kind, path.namespace).filter(pred))
      initial.push(stream.encode(ctx, 'ADDED', o));
    if (initialEvents && bookmarks) initial.push(stream.bookmark(current, true));
  }
  // A version already dropped from the cache: one ERROR event, then the stream ends.
  initial.push(...stream.next(ctx));
  return { watch: { initial, stream, timeoutMs } };
}
