/**
 * Lists and watches one namespace of an API server into a LiveMirror, the way client-go's
 * reflector does (tools/cache/reflector.go, ListAndWatch): list, then watch from the list's
 * resourceVersion; a watch that ends is reopened from the last resourceVersion seen; `410 Gone`
 * ("too old resource version", an ERROR event or the answer itself) lists again; a server that
 * cannot be reached is tried again after a pause. At most MAX_WATCHES watches stay open (HTTP/1.1
 * through kubectl proxy: six connections per host); the other kinds are listed in turn, one
 * request at a time, every POLL_MS.
 */
import { LIVE_KINDS, MAX_WATCHES, collectionPath, type LiveKind, type LiveMirror } from '../../sim';
import { ApiError, type LiveHttp } from './liveHttp';

export const POLL_MS = 3000;
const RETRY_MS = 2000;

export interface SourceClock {
  /** Wall-clock ms (the server's timestamps are wall-clock instants). */
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

interface ListAnswer {
  metadata?: { resourceVersion?: string };
  items?: unknown[];
}

interface WatchLine {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: { metadata?: { resourceVersion?: string }; code?: number; message?: string };
}

class Expired extends Error {}

export class LiveSource {
  private readonly abort = new AbortController();
  /** Problems by kind (or '' for the server), in the API's words. */
  readonly problems = new Map<string, string>();
  /** Kinds the server answered 404 for (no Argo, Istio or Gateway API CRDs): not an error. */
  readonly notServed = new Map<string, string>();
  private listedKinds = new Set<string>();
  watches = 0;

  constructor(
    private readonly http: LiveHttp,
    private readonly mirror: LiveMirror,
    private readonly namespace: string,
    private readonly clock: SourceClock,
  ) {}

  get listed(): boolean {
    return this.listedKinds.size >= LIVE_KINDS.length;
  }

  start(): void {
    const watched = LIVE_KINDS.filter((k) => k.watch).slice(0, MAX_WATCHES);
    const polled = LIVE_KINDS.filter((k) => !watched.includes(k));
    for (const k of watched) void this.watchLoop(k);
    void this.pollLoop(polled);
  }

  stop(): void {
    this.abort.abort();
  }

  private get signal(): AbortSignal {
    return this.abort.signal;
  }

  private note(k: LiveKind, e: unknown): void {
    if (this.signal.aborted) return;
    const message = e instanceof Error ? e.message : String(e);
    // A kind the server does not serve (no Argo or Istio CRDs) is named with what it answered.
    if (e instanceof ApiError && e.status === 404) {
      this.notServed.set(k.kind, `${k.title} are not served here: ${message}`);
      this.problems.delete(k.kind);
    } else {
      this.problems.set(k.kind, `${k.title}: ${message}`);
      this.notServed.delete(k.kind);
    }
    this.listedKinds.add(k.kind);
  }

  private async list(k: LiveKind): Promise<string> {
    const r = await this.http.get(collectionPath(k, this.namespace), this.signal);
    const body = (await r.json()) as ListAnswer;
    this.mirror.listed(k, body.items ?? [], this.clock.now());
    this.problems.delete(k.kind);
    this.notServed.delete(k.kind);
    this.listedKinds.add(k.kind);
    return body.metadata?.resourceVersion ?? '';
  }

  private async watchLoop(k: LiveKind): Promise<void> {
    while (!this.signal.aborted) {
      try {
        let rv = await this.list(k);
        for (;;) rv = await this.watch(k, rv);
      } catch (e) {
        if (this.signal.aborted) return;
        if (e instanceof Expired) continue; // list again at once
        this.note(k, e);
        await this.clock.sleep(RETRY_MS, this.signal).catch(() => undefined);
      }
    }
  }

  /** One watch from `rv` until the stream ends; returns the last resourceVersion seen. */
  private async watch(k: LiveKind, rv: string): Promise<string> {
    const path = `${collectionPath(k, this.namespace)}?watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(rv)}`;
    let r: Response;
    try {
      r = await this.http.get(path, this.signal);
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) throw new Expired();
      throw e;
    }
    const reader = r.body?.getReader();
    if (!reader) return rv;
    const decoder = new TextDecoder();
    let buffered = '';
    this.watches++;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return rv;
        buffered += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl).trim();
          buffered = buffered.slice(nl + 1);
          if (line) rv = this.event(k, JSON.parse(line) as WatchLine, rv);
        }
      }
    } finally {
      this.watches--;
      reader.cancel().catch(() => undefined);
    }
  }

  private event(k: LiveKind, e: WatchLine, rv: string): string {
    if (e.type === 'ERROR') {
      if (e.object.code === 410) throw new Expired();
      throw new ApiError(e.object.code ?? 0, e.object.message ?? 'watch error');
    }
    const next = e.object.metadata?.resourceVersion || rv;
    if (e.type !== 'BOOKMARK') this.mirror.watched(k, e.type, e.object, this.clock.now());
    return next;
  }

  private async pollLoop(kinds: LiveKind[]): Promise<void> {
    while (!this.signal.aborted) {
      for (const k of kinds) {
        if (this.signal.aborted) return;
        try {
          await this.list(k);
        } catch (e) {
          this.note(k, e);
        }
      }
      await this.clock.sleep(POLL_MS, this.signal).catch(() => undefined);
    }
  }
}
