/**
 * An API server's answers as live mode sees them through kubectl proxy, for the live source's
 * unit tests: lists (`{kind: PodList, metadata: {resourceVersion}, items}` with items carrying no
 * kind, as the API server sends them), watch streams of newline-delimited events that the test
 * feeds, 404 Status answers for kinds not served, and a log of every request with its method.
 * The objects come from the simulator's own store (a scenario played to a moment), which holds
 * them in the API's shapes.
 */
import { readFileSync } from 'node:fs';
import { Session } from '../../../src/sim';
import type { KubeObject } from '../../../src/sim/api/objects';
import { toTimestamp } from '../../../src/sim/core/time';

export interface Request {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

const NOT_FOUND = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server could not find the requested resource',
  reason: 'NotFound',
  details: {},
  code: 404,
};

/** Objects of a played scenario by plural, as the API lists them. */
export function scenarioObjects(file: string, atMs: number): Map<string, KubeObject[]> {
  const s = Session.load(readFileSync(`public/scenarios/${file}`, 'utf8'), file, 1);
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  s.advanceTo(atMs);
  const out = new Map<string, KubeObject[]>();
  const add = (plural: string, kind: Parameters<typeof s.cluster.list>[0]) =>
    out.set(plural, structuredClone(s.cluster.list(kind)));
  add('pods', 'Pod');
  add('replicasets', 'ReplicaSet');
  add('deployments', 'Deployment');
  // The simulator records events apart from its store; served, each is a core/v1 Event.
  out.set(
    'events',
    s.cluster.eventRecords().map((e, i) => {
      const [kind, name] = e.object.split('/');
      const at = toTimestamp(Math.round(e.t * 1000));
      return {
        kind: 'Event',
        metadata: { name: `${name}.${i}`, namespace: 'default', creationTimestamp: at },
        involvedObject: { kind, name, namespace: 'default' },
        reason: e.reason,
        message: e.message,
        type: e.type,
        count: 1,
        firstTimestamp: at,
        lastTimestamp: at,
        source: { component: e.source ?? '' },
      } as KubeObject;
    }),
  );
  add('services', 'Service');
  add('endpointslices', 'EndpointSlice');
  add('horizontalpodautoscalers', 'HorizontalPodAutoscaler');
  return out;
}

export class FakeApiServer {
  readonly requests: Request[] = [];
  /** Plurals answered with 404 (a kind not served: no such CRD). */
  readonly notServed = new Set(['rollouts', 'virtualservices', 'destinationrules', 'httproutes']);
  private streams = new Map<string, ReadableStreamDefaultController<Uint8Array>[]>();
  maxOpenWatches = 0;

  /** Watches open now, over every kind. */
  get openWatches(): number {
    return [...this.streams.values()].reduce((n, l) => n + l.length, 0);
  }
  rv = 100;

  constructor(readonly objects: Map<string, KubeObject[]>) {}

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    this.requests.push({
      method,
      path: url.pathname + url.search,
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
    });
    const path = url.pathname.replace(/^\/k8s/, '');
    if (method !== 'GET') return Response.json({ kind: 'Scale' });
    if (path === '/api/v1/namespaces')
      return Response.json({
        kind: 'NamespaceList',
        items: [{ metadata: { name: 'default' } }, { metadata: { name: 'shop' } }],
      });
    const plural = path.split('/').at(-1) ?? '';
    if (this.notServed.has(plural)) return Response.json(NOT_FOUND, { status: 404 });
    if (url.searchParams.get('watch') === '1') return this.watch(plural, init?.signal ?? null);
    // A list's items carry no kind or apiVersion: the list says what they are.
    const items = (this.objects.get(plural) ?? []).map((o) => {
      const rest: Record<string, unknown> = { ...o };
      delete rest.kind;
      delete rest.apiVersion;
      return rest;
    });
    return Response.json({ kind: 'List', metadata: { resourceVersion: String(this.rv) }, items });
  };

  private watch(plural: string, signal: AbortSignal | null): Response {
    const list = this.streams.get(plural) ?? [];
    this.streams.set(plural, list);
    let mine: ReadableStreamDefaultController<Uint8Array> | null = null;
    const close = () => {
      const at = mine ? list.indexOf(mine) : -1;
      if (at >= 0) list.splice(at, 1);
      mine = null;
    };
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        mine = c;
        list.push(c);
        this.maxOpenWatches = Math.max(this.maxOpenWatches, this.openWatches);
        signal?.addEventListener('abort', () => {
          close();
        });
      },
      cancel: close,
    });
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  }

  /** Sends one watch event to every open watch of `plural`. */
  send(plural: string, type: string, object: unknown): void {
    const line = new TextEncoder().encode(`${JSON.stringify({ type, object })}\n`);
    for (const c of this.streams.get(plural) ?? []) c.enqueue(line);
  }

  /** Ends every open watch of `plural` (the proxy dropped it). */
  drop(plural: string): void {
    const list = this.streams.get(plural) ?? [];
    for (const c of list.splice(0)) c.close();
  }

  watching(plural: string): number {
    return this.streams.get(plural)?.length ?? 0;
  }

  writes(): Request[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }
}
