/**
 * Legacy discovery (what kubectl falls back to, and what `kubectl api-versions` reads): `/api`
 * (APIVersions), `/apis` (APIGroupList), `/api/v1` and `/apis/GROUP/VERSION` (APIResourceList
 * with each resource's verbs, short names, categories, singular name, and its `status` and
 * `scale` subresources — scale as autoscaling/v1 Scale). apimachinery
 * pkg/apis/meta/v1/types.go (APIResource) and apiserver endpoints/discovery.
 */
import type { ApiResponse } from './types';
import {
  verbsOf,
  SUBRESOURCE_VERBS,
  groupVersion,
  resourcesOf,
  servedGroups,
  type ServedResource,
} from './resources';
import { noResource, statusAnswer } from './status';

function json(body: unknown): ApiResponse {
  return { status: 200, contentType: 'application/json', body: JSON.stringify(body) };
}

/** `/api`: the core group's versions. */
export function apiVersions(serverAddress: string): ApiResponse {
  return json({
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  });
}

function groupEntry(group: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: groupVersion(group, v), version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

/** `/apis`: every named group, preferred version first. */
export function apiGroupList(): ApiResponse {
  return json({
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: servedGroups()
      .filter((g) => g.group !== '')
      .map((g) => groupEntry(g.group, g.versions)),
  });
}

/** `/apis/GROUP`: one APIGroup. */
export function apiGroup(group: string): ApiResponse {
  const g = servedGroups().find((x) => x.group === group && group !== '');
  if (!g) return statusAnswer(noResource());
  return json({ kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g.group, g.versions) });
}

/** One resource and its subresources as APIResources. */
function apiResources(r: ServedResource): Record<string, unknown>[] {
  const f = r.facts;
  const out: Record<string, unknown>[] = [
    {
      name: f.plural,
      singularName: f.singular,
      namespaced: f.namespaced,
      kind: r.kind,
      verbs: verbsOf(f),
      ...(f.shortNames.length ? { shortNames: [...f.shortNames] } : {}),
      ...(f.categories.length ? { categories: [...f.categories] } : {}),
    },
  ];
  if (f.scalable)
    out.push({
      name: `${f.plural}/scale`,
      singularName: '',
      namespaced: f.namespaced,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: [...SUBRESOURCE_VERBS],
    });
  if (f.statusSubresource)
    out.push({
      name: `${f.plural}/status`,
      singularName: '',
      namespaced: f.namespaced,
      kind: r.kind,
      verbs: [...SUBRESOURCE_VERBS],
    });
  return out;
}

/** `/api/v1`, `/apis/GROUP/VERSION`: the APIResourceList. */
export function apiResourceList(group: string, version: string): ApiResponse {
  const rs = resourcesOf(group, version);
  if (!rs.length) return statusAnswer(noResource());
  return json({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources: rs.flatMap(apiResources),
  });
}
