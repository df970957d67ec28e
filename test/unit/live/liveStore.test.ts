/**
 * The page's copy of what live mode observed (what "Save recording as scenario" records): the
 * banner's refresh every second and one after each switch flip may overlap, and the copy must
 * still hold each change once, in order.
 */
import { describe, expect, it } from 'vitest';
import { createLiveApi } from '../../../src/worker/live/liveApi';
import { createLiveStore } from '../../../src/store/live/liveStore';
import { FakeApiServer, scenarioObjects } from './fakeApiServer';

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('The observation copy on the page', () => {
  it('holds every change once when refreshes overlap', async () => {
    const objects = scenarioObjects('ramped.yaml', 10_000);
    const server = new FakeApiServer(objects);
    const api = createLiveApi({
      server: 'http://127.0.0.1:8002/k8s',
      fetch: server.fetch,
      clock: {
        now: () => Date.UTC(2026, 5, 1),
        sleep: (_ms, signal) =>
          new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error()))),
      },
    });
    const store = createLiveStore(api);
    await settle();
    await store.getState().refresh();
    const pods = objects.get('pods') ?? [];
    server.send('pods', 'DELETED', pods[0]);
    await settle();
    await Promise.all([store.getState().refresh(), store.getState().setWriting(true)]);
    server.send('pods', 'DELETED', pods[1]);
    await settle();
    await Promise.all([store.getState().refresh(), store.getState().refresh()]);
    const o = store.getState().getObservation();
    expect(o?.changes.map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual([
      `DELETED ${pods[0]?.metadata?.name}`,
      `DELETED ${pods[1]?.metadata?.name}`,
    ]);
    expect(o?.initial.length).toBeGreaterThan(pods.length);
    expect(store.getState().status?.writing).toBe(true);
  });

  it('keeps the objects of a kind first listed after the copy began (a recording starts from them)', async () => {
    const objects = scenarioObjects('ramped.yaml', 10_000);
    const server = new FakeApiServer(objects);
    // Services are polled, so their first list may come after the page's first copy and after
    // the first watched change: hold it until then.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const fetch: typeof server.fetch = async (input, init) => {
      if (String(input).includes('/services')) await held;
      return server.fetch(input, init);
    };
    const api = createLiveApi({
      server: 'http://127.0.0.1:8002/k8s',
      fetch,
      clock: {
        now: () => Date.UTC(2026, 5, 1),
        sleep: (_ms, signal) =>
          new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error()))),
      },
    });
    // The page gets copies from the worker (structured clone), never the worker's own arrays.
    const store = createLiveStore({
      ...api,
      observation: async (...args) => structuredClone(await api.observation(...args)),
    });
    await settle();
    await store.getState().refresh();
    const pods = objects.get('pods') ?? [];
    server.send('pods', 'DELETED', pods[0]);
    await settle();
    await store.getState().refresh();
    release();
    await settle();
    await store.getState().refresh();
    const o = store.getState().getObservation();
    expect(o?.initial.filter((x) => x.kind === 'Service').map((x) => x.metadata.name)).toEqual([
      'web',
    ]);
    expect(o?.initial).toEqual((await api.observation(0)).initial);
    expect(o?.changes).toHaveLength(1);
  });
});
