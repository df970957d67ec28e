import { describe, expect, it } from 'vitest';
import { get, serveAt } from './serveFixture';

const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('discovery', () => {
  const state = serveAt('ramped', 0);

  it('answers kubectl 1.32 the aggregated document, marked as such in its Content-Type', () => {
    const r = get(state, '/apis', { accept: AGGREGATED });
    expect(r.contentType).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const items = r.json.items as {
      metadata: { name: string };
      versions: { version: string; resources: Record<string, unknown>[] }[];
    }[];
    const apps = items.find((g) => g.metadata.name === 'apps');
    const deployments = apps?.versions[0]?.resources.find((x) => x.resource === 'deployments');
    expect(deployments).toMatchObject({
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        {
          subresource: 'scale',
          responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
        },
        { subresource: 'status' },
      ],
    });
    // Istio serves v1 and v1beta1; Node is served cluster-scoped (the engine's node-1…N).
    expect(
      items.find((g) => g.metadata.name === 'networking.istio.io')?.versions.map((v) => v.version),
    ).toEqual(['v1', 'v1beta1']);
    const core = get(state, '/api', { accept: AGGREGATED }).json.items as {
      versions: { resources: { resource: string; scope: string }[] }[];
    }[];
    expect(core[0]?.versions[0]?.resources.find((x) => x.resource === 'nodes')?.scope).toBe(
      'Cluster',
    );
  });

  it('serves legacy discovery to clients that ask for plain JSON', () => {
    expect(get(state, '/api').json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const list = get(state, '/apis/apps/v1').json;
    expect(list.groupVersion).toBe('apps/v1');
    expect(list.resources).toContainEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  });

  it('says what it is in /version', () => {
    expect(get(state, '/version').json.gitVersion).toBe('v1.32.0-rolloutlab');
    expect(get(state, '/readyz').body).toBe('ok');
  });
});
