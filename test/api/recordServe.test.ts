/**
 * Record and replay through the real API (issue 12 item 4): `sim serve` plays the catalog's
 * ramped lesson at 10×; this test lists and watches its namespace over HTTP as live mode does
 * (list, then watch from the list's resourceVersion; served JSON, newline-delimited watch
 * events), records what it sees, and replays the recording in a Session. The replay's end
 * equals the server's: the same Deployment and Service, the same ReplicaSets (names from the
 * pod template's hash, replicas) and pods per ReplicaSet. Wall time × speed is the recording's
 * clock, so step times carry the network's jitter (tens of ms × 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/serveProcess';
import { recordingToScenario } from '../../src/sim/live/recording';
import { cleanManifest, keyOf } from '../../src/sim/live/recordedObjects';
import { parseScenario } from '../../src/sim/scenario/parse';
import { Session } from '../../src/sim/session/session';
import type { Observation, ObservedObject } from '../../src/sim/live/observation';
import type { KubeObject } from '../../src/sim/api/objects';
import { podState } from '../unit/live/replayCompare';
import { served } from '../unit/live/observeSession';
import { apiShape } from '../../src/sim/api/apiShape';

const SPEED = 10;
/** ramped.yaml plays 60 s; its own step sets the new image at 15 s. */
const PLAYED_MS = 60_000;

const KINDS = [
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    path: '/apis/apps/v1/namespaces/default/deployments',
  },
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    path: '/apis/apps/v1/namespaces/default/replicasets',
  },
  { kind: 'Pod', apiVersion: 'v1', path: '/api/v1/namespaces/default/pods' },
  { kind: 'Service', apiVersion: 'v1', path: '/api/v1/namespaces/default/services' },
  {
    kind: 'EndpointSlice',
    apiVersion: 'discovery.k8s.io/v1',
    path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
  },
] as const;

let srv: ServeProcess;
const abort = new AbortController();
let obs: Observation;
/** What the server holds, as the watches left it. */
const mirror = new Map<string, ObservedObject>();

/** Streams a watch's events into the observation until the test aborts it. */
async function watch(k: (typeof KINDS)[number], rv: string, t0: number): Promise<void> {
  const url = `http://127.0.0.1:${srv.port}${k.path}?watch=1&resourceVersion=${rv}`;
  const r = await fetch(url, { signal: abort.signal });
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (!line.trim()) continue;
        const e = JSON.parse(line) as { type: string; object: ObservedObject };
        if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') continue;
        const object = { ...e.object, apiVersion: k.apiVersion, kind: k.kind };
        obs.changes.push({ atMs: (Date.now() - t0) * SPEED, type: e.type, object });
        if (e.type === 'DELETED') mirror.delete(keyOf(object));
        else mirror.set(keyOf(object), object);
      }
    }
  } catch (e) {
    if (!abort.signal.aborted) throw e;
  }
}

beforeAll(async () => {
  srv = await startServe('public/scenarios/ramped.yaml', { speed: SPEED });
  const t0 = Date.now();
  obs = {
    server: `http://127.0.0.1:${srv.port}`,
    namespace: 'default',
    startedAt: new Date(t0).toISOString(),
    initial: [],
    changes: [],
  };
  const lists = await Promise.all(
    KINDS.map(async (k) => {
      const r = await fetch(`http://127.0.0.1:${srv.port}${k.path}`);
      return {
        k,
        body: (await r.json()) as {
          metadata: { resourceVersion: string };
          items: ObservedObject[];
        },
      };
    }),
  );
  for (const { k, body } of lists)
    for (const item of body.items) {
      // List items carry no kind or apiVersion (the list's kind says them).
      const o = { ...item, apiVersion: k.apiVersion, kind: k.kind };
      obs.initial.push(o);
      mirror.set(keyOf(o), o);
    }
  const watches = lists.map(({ k, body }) => watch(k, body.metadata.resourceVersion, t0));
  // Until the lesson has played and settled, in wall time.
  await new Promise((r) => setTimeout(r, (PLAYED_MS + 5_000) / SPEED));
  abort.abort();
  await Promise.all(watches);
}, 30_000);

afterAll(async () => {
  expect(await srv?.stop()).toBe(0);
});

/** ReplicaSet name → replicas and its pods by state. */
function replicaSetsOf(list: (kind: string) => KubeObject[]) {
  const out: Record<string, { replicas: number | undefined; pods: Record<string, number> }> = {};
  for (const rs of list('ReplicaSet'))
    out[rs.metadata?.name ?? ''] = {
      replicas: (rs as { spec?: { replicas?: number } }).spec?.replicas,
      pods: {},
    };
  for (const p of list('Pod')) {
    const rs = out[p.metadata?.ownerReferences?.[0]?.name ?? ''];
    if (rs) rs.pods[podState(p)] = (rs.pods[podState(p)] ?? 0) + 1;
  }
  return out;
}

describe('When live mode records sim serve and the recording is replayed', () => {
  it("makes a scenario with the person's step at the time it was seen", () => {
    const { text } = recordingToScenario(obs);
    const parsed = parseScenario(text, 'recorded.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.ignored).toEqual([]);
    expect(parsed.scenario.manifests.map((m) => `${m.kind}/${m.metadata?.name}`)).toEqual([
      'Deployment/web',
      'Service/web',
    ]);
    const steps = parsed.scenario.steps.map((s) => (s.kind === 'kubectl' ? s.command : s.kind));
    expect(steps).toEqual(['set image deployment/web web=nginx:1.27']);
    // At 15 s of the server's clock, as this process saw it: a watch event waits for the
    // server's next 50 ms tick and for this (busy) process, each wall ms counting 10.
    expect(parsed.scenario.steps[0]!.at).toBeGreaterThan(12_000);
    expect(parsed.scenario.steps[0]!.at).toBeLessThan(25_000);
  });

  it('replays to the same Deployment, Service, ReplicaSets and pods as the server ended with', () => {
    const { text } = recordingToScenario(obs);
    const s = Session.load(text, 'recorded.yaml');
    if ('errors' in s) throw new Error(s.errors.join('\n'));
    s.advanceTo(s.scenario.duration);
    const servedList = (kind: string) =>
      [...mirror.values()].filter((o) => o.kind === kind) as unknown as KubeObject[];
    expect(replicaSetsOf((k) => s.cluster.list(k as never))).toEqual(replicaSetsOf(servedList));
    for (const kind of ['Deployment', 'Service'] as const) {
      // As the server serves them: without the zero values a Go struct omits.
      const replayed = s.cluster
        .list(kind)
        .map((o) => cleanManifest(apiShape(served(kind, o), kind)));
      expect(replayed).toEqual(
        servedList(kind).map((o) => cleanManifest(o as unknown as ObservedObject)),
      );
    }
    expect(Object.values(replicaSetsOf(servedList)).map((r) => r.pods)).toContainEqual({
      Ready: 3,
    });
  });
});
