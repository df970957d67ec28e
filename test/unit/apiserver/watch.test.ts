import { describe, expect, it } from 'vitest';
import { answer, serveAt, TABLE_ACCEPT, WALL } from './serveFixture';
import type { WatchStart } from '../../../src/sim/apiserver/watch';
import type { ServeState } from '../../../src/sim/apiserver/serveState';

/** A decoded watch event; its object read loosely (tests look at a few fields). */
interface Obj {
  kind: string;
  message: string;
  metadata: { name: string; resourceVersion: string };
  status: { updatedReplicas: number };
  columnDefinitions: unknown[] | null;
  rows: unknown[];
}
type Ev = { type: string; object: Obj };

function open(state: ServeState, url: string, headers?: Record<string, string>): WatchStart {
  const a = answer(state, url, headers);
  if (!('watch' in a)) throw new Error(`not a watch: ${a.status} ${a.body}`);
  return a.watch;
}

const parse = (frames: string[]): Ev[] =>
  frames
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Ev);

describe('watch', () => {
  it('from a list resourceVersion, gets every later change and nothing before', () => {
    const state = serveAt('ramped', 10_000);
    const rv = state.view.store.resourceVersion;
    const w = open(state, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`);
    expect(w.initial).toEqual([]);
    state.session.advanceTo(30_000);
    const events = parse(w.stream.next(state.context(WALL)));
    const added = events.filter((e) => e.type === 'ADDED').map((e) => e.object.metadata.name);
    const deleted = events.filter((e) => e.type === 'DELETED').map((e) => e.object.metadata.name);
    expect(added).toHaveLength(3);
    expect(deleted).toHaveLength(3);
    const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(rvs.every((v, i) => v > rv && (i === 0 || v > (rvs[i - 1] ?? 0)))).toBe(true);
    expect(parse(w.stream.next(state.context(WALL)))).toEqual([]);
  });

  it('without a resourceVersion starts with the current objects as ADDED', () => {
    const state = serveAt('ramped', 10_000);
    const w = open(state, '/apis/apps/v1/namespaces/default/deployments?watch=1');
    expect(parse(w.initial).map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'web'],
    ]);
  });

  it('with sendInitialEvents (watch-list), ends the initial objects with a marked BOOKMARK', () => {
    const state = serveAt('ramped', 10_000);
    const w = open(
      state,
      '/api/v1/namespaces/default/pods?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan',
    );
    const events = parse(w.initial);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'BOOKMARK']);
    expect(events[3]?.object.metadata).toEqual({
      resourceVersion: String(state.view.store.resourceVersion),
      annotations: { 'k8s.io/initial-events-end': 'true' },
    });
  });

  it('says a resourceVersion older than its history is too old (410 in an ERROR event) and ends', () => {
    const state = serveAt('ramped', 10_000, 5);
    const rv = state.view.store.resourceVersion;
    state.session.advanceTo(30_000);
    const w = open(state, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`);
    const [e] = parse(w.initial);
    expect(e?.type).toBe('ERROR');
    expect(e?.object).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    expect(e?.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    expect(w.stream.done).toBe(true);
  });

  it('with a field selector, sends only that object (rollout status watches one Deployment)', () => {
    const state = serveAt('ramped', 10_000);
    const rv = state.view.store.resourceVersion;
    const w = open(
      state,
      `/apis/apps/v1/namespaces/default/deployments?watch=true&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dweb&resourceVersion=${rv}&timeoutSeconds=419`,
    );
    expect(w.timeoutMs).toBe(419_000);
    state.session.advanceTo(30_000);
    const events = parse(w.stream.next(state.context(WALL)));
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.type === 'MODIFIED' && e.object.metadata.name === 'web')).toBe(
      true,
    );
    expect(events.at(-1)?.object.status.updatedReplicas).toBe(3);
    // A minute later a bookmark carries the newest resourceVersion.
    const later = parse(w.stream.next(state.context(WALL + 60_000)));
    expect(later).toEqual([
      {
        type: 'BOOKMARK',
        object: {
          kind: 'Deployment',
          apiVersion: 'apps/v1',
          metadata: { resourceVersion: String(state.view.store.resourceVersion) },
        },
      },
    ]);
  });

  it('derives Endpoints changes from EndpointSlice changes (kubectl get endpoints -w)', () => {
    const state = serveAt('ramped', 10_000);
    const rv = state.view.store.resourceVersion;
    const w = open(state, `/api/v1/namespaces/default/endpoints?watch=true&resourceVersion=${rv}`);
    state.session.advanceTo(30_000);
    const events = parse(w.stream.next(state.context(WALL)));
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.type === 'MODIFIED' && e.object.kind === 'Endpoints')).toBe(true);
    expect(events.every((e) => e.object.metadata.name === 'web')).toBe(true);
  });

  it('asked for a Table, sends one-row Tables with the column definitions in the first only', () => {
    const state = serveAt('ramped', 10_000);
    const w = open(state, '/api/v1/namespaces/default/pods?watch=true', { accept: TABLE_ACCEPT });
    const events = parse(w.initial);
    expect(events).toHaveLength(3);
    expect(events[0]?.object.kind).toBe('Table');
    expect(events[0]?.object.columnDefinitions).toHaveLength(9);
    expect(events[1]?.object.columnDefinitions).toBeNull();
    expect(events.map((e) => e.object.rows.length)).toEqual([1, 1, 1]);
  });
});
