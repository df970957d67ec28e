/**
 * Aggregated discovery (apidiscovery.k8s.io/v2, GA in 1.30): kubectl 1.32 asks `/api` and `/apis`
 * for an APIGroupDiscoveryList first (Accept `application/json;g=apidiscovery.k8s.io;v=v2;
 * as=APIGroupDiscoveryList,…`) and reads every group, version and resource from the two answers.
 * client-go's discovery client decides by the answer's Content-Type, so it must say
 * `…;as=APIGroupDiscoveryList`. staging/src/k8s.io/api/apidiscovery/v2/types.go.
 */
import type { ApiResponse } from './types';
import {
  verbsOf,
  SUBRESOURCE_VERBS,
  resourcesOf,
  servedGroups,
  type ServedResource,
} from './resources';

export const AGGREGATED_CONTENT_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether the Accept header asks for the v2 aggregated document. */
export function wantsAggregated(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((m) => {
    const params = m.split(';').map((p) => p.trim());
    return (
      params.includes('g=apidiscovery.k8s.io') &&
      params.includes('v=v2') &&
      params.includes('as=APIGroupDiscoveryList')
    );
  });
}

function resourceDiscovery(r: ServedResource, group: string, version: string) {
  const f = r.facts;
  const subresources: Record<string, unknown>[] = [];
  if (f.scalable)
    subresources.push({
      subresource: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: [...SUBRESOURCE_VERBS],
    });
  if (f.statusSubresource)
    subresources.push({
      subresource: 'status',
      responseKind: { group, version, kind: r.kind },
      verbs: [...SUBRESOURCE_VERBS],
    });
  return {
    resource: f.plural,
    responseKind: { group, version, kind: r.kind },
    scope: f.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: f.singular,
    verbs: verbsOf(f),
    ...(f.shortNames.length ? { shortNames: [...f.shortNames] } : {}),
    ...(f.categories.length ? { categories: [...f.categories] } : {}),
    ...(subresources.length ? { subresources } : {}),
  };
}

/** The APIGroupDiscoveryList of `/api` (core only) or `/apis` (every named group). */
export function aggregatedDiscovery(prefix: 'api' | 'apis'): ApiResponse {
  const groups = servedGroups().filter((g) => (prefix === 'api') === (g.group === ''));
  const items = groups.map((g) => ({
    metadata: { ...(g.group ? { name: g.group } : {}), creationTimestamp: null },
    versions: g.versions.map((version) => ({
      version,
      resources: resourcesOf(g.group, version).map((r) => resourceDiscovery(r, g.group, version)),
      freshness: 'Current',
    })),
  }));
  return {
    status: 200,
    contentType: AGGREGATED_CONTENT_TYPE,
    body: JSON.stringify({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
      items,
    }),
  };
}
