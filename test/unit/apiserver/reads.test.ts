import { describe, expect, it } from 'vitest';
import { get, serveAt, TABLE_ACCEPT, WALL } from './serveFixture';

type Meta = { name: string; resourceVersion: string; creationTimestamp: string };
type List = {
  metadata: { resourceVersion: string; continue?: string };
  items: { metadata: Meta }[];
};

describe('reads', () => {
  // ramped at 30 s: the rollout is over, three new pods, every step's events recorded.
  const state = serveAt('ramped', 30_000);
  const pods = '/api/v1/namespaces/default/pods';

  it('lists in name order with the list resourceVersion, and pages with limit and continue', () => {
    const all = get(state, pods).json as unknown as List;
    const names = all.items.map((p) => p.metadata.name);
    expect(names).toEqual([...names].sort());
    expect(Number(all.metadata.resourceVersion)).toBe(state.view.store.resourceVersion);
    const first = get(state, `${pods}?limit=2`).json as unknown as List;
    expect(first.items.map((p) => p.metadata.name)).toEqual(names.slice(0, 2));
    const rest = get(
      state,
      `${pods}?limit=2&continue=${encodeURIComponent(first.metadata.continue ?? '')}`,
    ).json as unknown as List;
    expect(rest.items.map((p) => p.metadata.name)).toEqual(names.slice(2));
    expect(rest.metadata.continue).toBeUndefined();
  });

  it('lists in name order (etcd key order), not in creation order', () => {
    const fleet = serveAt('big-fleet', 20_000);
    const names = (get(fleet, pods).json as unknown as List).items.map((p) => p.metadata.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort());
    const created = fleet.view.store.list('Pod').map((p) => p.metadata?.name);
    expect(created).not.toEqual(names);
  });

  it('filters by label and field selectors, and words a bad field as the API server does', () => {
    const one =
      (get(state, `${pods}?limit=1`).json as unknown as List).items[0]?.metadata.name ?? '';
    const byName = get(state, `${pods}?fieldSelector=metadata.name%3D${one}`)
      .json as unknown as List;
    expect(byName.items.map((p) => p.metadata.name)).toEqual([one]);
    expect((get(state, `${pods}?labelSelector=app%3Dother`).json as unknown as List).items).toEqual(
      [],
    );
    const bad = get(state, `${pods}?fieldSelector=spec.colour%3Dred`);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe(
      'Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.colour=red": field label not supported: spec.colour',
    );
  });

  it('finds the events describe asks for, by the involved object and its uid', () => {
    const web = get(state, '/apis/apps/v1/namespaces/default/deployments/web').json as {
      metadata: { uid: string };
    };
    const q = `involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Deployment,involvedObject.uid=${web.metadata.uid}`;
    const events = get(
      state,
      `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent(q)}`,
    ).json as unknown as { items: { reason: string }[] };
    expect(events.items.length).toBeGreaterThan(3);
    expect(events.items.every((e) => e.reason === 'ScalingReplicaSet')).toBe(true);
  });

  it('applies the list resourceVersion rules', () => {
    const rv = state.view.store.resourceVersion;
    expect(get(state, `${pods}?resourceVersion=${rv}&resourceVersionMatch=Exact`).status).toBe(200);
    expect(
      get(state, `${pods}?resourceVersion=${rv - 1}&resourceVersionMatch=NotOlderThan`).status,
    ).toBe(200);
    expect(get(state, `${pods}?resourceVersion=${rv - 1}&resourceVersionMatch=Exact`).status).toBe(
      410,
    );
    expect(get(state, `${pods}?resourceVersion=${rv + 5}`).json.message).toBe(
      `Timeout: Too large resource version: ${rv + 5}, current: ${rv}`,
    );
    expect(get(state, `${pods}?resourceVersionMatch=Exact`).json.message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
  });

  it('serves a custom resource in each version its CRD serves, items with their apiVersion', () => {
    const mesh = serveAt('canary-istio-weights', 5_000);
    for (const version of ['v1', 'v1beta1']) {
      const list = get(
        mesh,
        `/apis/networking.istio.io/${version}/namespaces/default/virtualservices`,
      ).json as unknown as { apiVersion: string; items: { apiVersion: string; kind: string }[] };
      expect(list.apiVersion).toBe(`networking.istio.io/${version}`);
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((i) => i.apiVersion === `networking.istio.io/${version}`)).toBe(true);
    }
  });

  it('answers NotFound in the API server words', () => {
    const r = get(state, '/apis/apps/v1/namespaces/default/deployments/nope');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    });
  });

  it('serves a Table with the console printers columns, wide ones at priority 1, and wall-clock ages', () => {
    const t = get(state, '/apis/apps/v1/namespaces/default/deployments', { accept: TABLE_ACCEPT })
      .json as {
      columnDefinitions: { name: string; priority: number; type: string }[];
      rows: { cells: unknown[]; object: { kind: string; metadata: Meta } }[];
    };
    expect(t.columnDefinitions.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Up-to-date', 0],
      ['Available', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
      ['Selector', 1],
    ]);
    expect(t.rows[0]?.cells).toEqual(['web', '3/3', 3, 3, '30s', 'web', 'nginx:1.27', 'app=web']);
    expect(t.rows[0]?.object.kind).toBe('PartialObjectMetadata');
    // Paused at 30 s: created at 0 s, served 30 s before the request's wall second.
    expect(Date.parse(t.rows[0]?.object.metadata.creationTimestamp ?? '')).toBe(
      WALL - 250 - 30_000,
    );
  });
});
