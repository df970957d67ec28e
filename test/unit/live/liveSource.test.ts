/**
 * Live mode's source against an API server's answers (FakeApiServer: the shapes the API server
 * and kubectl proxy send, objects from the simulator's own store): the frame shows what the
 * server lists and watches, at most four watches stay open, a dropped watch reopens, 410 lists
 * again, a kind not served is named in the server's words, and nothing is written while the
 * page is read-only.
 */
import { describe, expect, it } from 'vitest';
import { createLiveApi } from '../../../src/worker/live/liveApi';
import type { LiveApi } from '../../../src/worker/live/liveProtocol';
import { applyFrame, noViewKeys, type FrameData } from '../../../src/store/applyFrame';
import { FakeApiServer, scenarioObjects } from './fakeApiServer';

const SERVER = 'http://127.0.0.1:8002/k8s';

/** Lets pending promises (fetches, stream reads) run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

function start(server: FakeApiServer): { api: LiveApi; clock: { wall: number } } {
  const clock = { wall: Date.UTC(2026, 5, 1, 12, 0, 0) };
  const api = createLiveApi({
    server: SERVER,
    fetch: server.fetch,
    clock: {
      now: () => clock.wall,
      // Polls and retries wait forever here: the tests drive them explicitly.
      sleep: (_ms, signal) =>
        new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error()))),
    },
  });
  return { api, clock };
}

const EMPTY: FrameData = {
  frame: null,
  epoch: 0,
  viewKeys: noViewKeys(),
  pods: new Map(),
  events: [],
  commands: [],
  history: [],
};

/** What the store holds after the next pull (every list whole), as the stage reads it. */
async function pulled(api: LiveApi, prev: FrameData = EMPTY): Promise<FrameData> {
  const packet = await api.pull();
  if (!packet) throw new Error('live mode always has a frame');
  return applyFrame(prev, packet);
}

describe('Live mode over an API server', () => {
  it('draws the ReplicaSets and pods the server lists, and follows its watch', async () => {
    const objects = scenarioObjects('ramped.yaml', 40_000);
    const server = new FakeApiServer(objects);
    const { api, clock } = start(server);
    // Asked before anything is listed: a frame, but no chart point of an empty cluster.
    expect((await api.pull())?.points).toEqual([]);
    await settle();
    const first = await pulled(api);
    // The charts start from the cluster as listed, never from an empty one.
    expect(first.history[0]?.readyByImage).toEqual({ 'nginx:1.27': 3 });
    const rs = first.frame?.replicaSets ?? [];
    expect(rs.map((r) => [r.name, r.pods.length]).sort()).toEqual(
      (objects.get('replicasets') ?? [])
        .map((r) => {
          const name = r.metadata?.name ?? '';
          const pods = (objects.get('pods') ?? []).filter(
            (p) => p.metadata?.ownerReferences?.[0]?.name === name,
          ).length;
          return [name, pods];
        })
        .sort(),
    );
    expect(rs.length).toBeGreaterThan(1);
    // Events listed are in the log, oldest first.
    expect(first.events.length).toBe((objects.get('events') ?? []).length);
    expect(first.events.map((e) => e.reason)).toContain('ScalingReplicaSet');
    // The controller's latest action is its own latest event; what it waits for, the same
    // arithmetic as the simulator's over the objects served.
    const web = first.frame?.deployments.find((d) => d.name === 'web');
    const scaled = first.events.filter((e) => e.reason === 'ScalingReplicaSet').at(-1);
    expect(web?.decision?.text).toBe(scaled?.message);
    expect(web?.waiting).toMatchObject({
      state: 'complete',
      text: 'rollout complete: 3 of 3 pods updated and available',
    });

    // A pod deleted through the watch leaves the stage.
    const gone = objects.get('pods')?.[0];
    clock.wall += 1500;
    server.send('pods', 'DELETED', gone);
    await settle();
    const next = await pulled(api, first);
    expect(first.pods.has(gone?.metadata?.name ?? '')).toBe(true);
    expect(next.pods.has(gone?.metadata?.name ?? '')).toBe(false);
    expect(next.frame?.t).toBe(1500);
    // No request is invented.
    expect(next.frame?.requests).toEqual([]);

    const o = await api.observation();
    expect(o.server).toBe(SERVER);
    expect(o.initial.find((x) => x.metadata.name === gone?.metadata?.name)?.kind).toBe('Pod');
    expect(o.changes).toEqual([expect.objectContaining({ atMs: 1500, type: 'DELETED' })]);
  });

  it('keeps at most four watches open and polls the rest one at a time', async () => {
    const server = new FakeApiServer(scenarioObjects('ramped.yaml', 10_000));
    start(server);
    await settle();
    expect(server.maxOpenWatches).toBe(4);
    expect(['pods', 'replicasets', 'deployments', 'events'].map((p) => server.watching(p))).toEqual(
      [1, 1, 1, 1],
    );
    const polled = server.requests.filter((r) => /services\b|endpointslices/.test(r.path));
    expect(polled.every((r) => !r.path.includes('watch'))).toBe(true);
  });

  it('reopens a dropped watch from the last resourceVersion, and lists again on 410 Gone', async () => {
    const server = new FakeApiServer(scenarioObjects('ramped.yaml', 10_000));
    start(server);
    await settle();
    const lists = () => server.requests.filter((r) => r.path.endsWith('/pods')).length;
    const before = lists();
    server.send('pods', 'BOOKMARK', { kind: 'Pod', metadata: { resourceVersion: '250' } });
    await settle();
    server.drop('pods');
    await settle();
    expect(server.watching('pods')).toBe(1);
    expect(server.requests.at(-1)?.path).toContain('resourceVersion=250');
    expect(lists()).toBe(before);
    server.send('pods', 'ERROR', {
      kind: 'Status',
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 250 (300)',
    });
    await settle();
    expect(lists()).toBe(before + 1);
    expect(server.watching('pods')).toBe(1);
  });

  it('names a kind the server does not serve in its words, and still draws the rest', async () => {
    const server = new FakeApiServer(scenarioObjects('ramped.yaml', 10_000));
    const { api } = start(server);
    await settle();
    const status = await api.liveStatus();
    expect(status.problems).toEqual([]);
    expect(status.notServed).toContain(
      'Argo Rollouts are not served here: the server could not find the requested resource',
    );
    expect(status.listed).toBe(true);
    expect(status.namespaces).toEqual(['default', 'shop']);
    expect((await pulled(api)).pods.size).toBeGreaterThan(0);
  });

  it('sends nothing that writes while read-only; with writing on, a slider is the PATCH kubectl sends', async () => {
    const server = new FakeApiServer(scenarioObjects('ramped.yaml', 10_000));
    const { api } = start(server);
    await settle();
    const refused = await api.exec('scale deployment/web --replicas=3');
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toMatch(/read-only/);
    await api.exec(`patch deployment web -p '{"spec":{"minReadySeconds":5}}'`);
    await api.exec('set image deployment/web web=nginx:1.27');
    expect(server.writes()).toEqual([]);

    await api.setWriting(true);
    const ok = await api.exec('scale deployment/web --replicas=3');
    expect(ok).toMatchObject({ exitCode: 0, output: 'deployment.apps/web scaled\n' });
    expect(server.writes()).toEqual([
      {
        method: 'PATCH',
        path: '/k8s/apis/apps/v1/namespaces/default/deployments/web/scale',
        contentType: 'application/merge-patch+json',
        body: '{"spec":{"replicas":3}}',
      },
    ]);
    await api.setWriting(false);
    await api.exec('scale deployment/web --replicas=4');
    expect(server.writes()).toHaveLength(1);
  });

  it('starts over in another namespace', async () => {
    const server = new FakeApiServer(scenarioObjects('ramped.yaml', 10_000));
    const { api } = start(server);
    await settle();
    await api.setNamespace('shop');
    await settle();
    expect(server.requests.some((r) => r.path.includes('/namespaces/shop/pods?watch=1'))).toBe(
      true,
    );
    expect(server.watching('pods')).toBe(1);
    expect((await api.liveStatus()).namespace).toBe('shop');
    expect((await api.observation()).namespace).toBe('shop');
  });

  it('says in the words it got that the server cannot be reached or refuses, and still gives frames', async () => {
    const clock = { wall: Date.UTC(2026, 5, 1, 12, 0, 0) };
    const sleep = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((_r, reject) =>
        signal.addEventListener('abort', () => reject(new Error())),
      );
    const down = createLiveApi({
      server: SERVER,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      clock: { now: () => clock.wall, sleep },
    });
    const forbidden = createLiveApi({
      server: SERVER,
      fetch: async () =>
        Response.json(
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message:
              'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "default"',
            reason: 'Forbidden',
            code: 403,
          },
          { status: 403 },
        ),
      clock: { now: () => clock.wall, sleep },
    });
    await settle();
    expect((await down.liveStatus()).problems).toContain(
      'Pods: Unable to connect to the server: Failed to fetch',
    );
    expect((await forbidden.liveStatus()).problems).toContain(
      'Pods: pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    const frame = await pulled(down);
    expect(frame.frame?.replicaSets).toEqual([]);
  });
});
