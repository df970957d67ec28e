/**
 * The resources the simulated API server serves, read from the one table of facts
 * (api/kinds.ts): every kind marked `simulated`, under its group, each version it serves and its
 * plural. Kinds kubectl knows that the simulator does not serve are left out, so kubectl says
 * the server has no such resource type, as it would for a missing CRD.
 */
import { KINDS, RESOURCE_KINDS, type KindFacts, type ResourceKind } from '../api/kinds';

export interface ServedResource {
  kind: ResourceKind;
  facts: KindFacts;
}

/** Served kinds in discovery order (kinds.ts order). */
export const SERVED: readonly ServedResource[] = RESOURCE_KINDS.filter(
  (k) => KINDS[k].simulated,
).map((kind) => ({ kind, facts: KINDS[kind] }));

/** Groups in discovery order, each with its versions (preferred first). */
export function servedGroups(): { group: string; versions: string[] }[] {
  const out: { group: string; versions: string[] }[] = [];
  for (const r of SERVED) {
    let g = out.find((x) => x.group === r.facts.group);
    if (!g) {
      g = { group: r.facts.group, versions: [] };
      out.push(g);
    }
    for (const v of r.facts.versions) if (!g.versions.includes(v)) g.versions.push(v);
  }
  return out;
}

/** The resources of one group version, in discovery order. */
export function resourcesOf(group: string, version: string): ServedResource[] {
  return SERVED.filter(
    (r) => r.facts.group === group && r.facts.versions.some((v) => v === version),
  );
}

/** The kind a URL's group, version and plural name, if served. */
export function resolveResource(
  group: string,
  version: string,
  plural: string,
): ServedResource | undefined {
  return resourcesOf(group, version).find((r) => r.facts.plural === plural);
}

/** Verbs of a served resource (what discovery lists and `kubectl api-resources -o wide` prints). */
export const RESOURCE_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const;

/** The verbs of a kind served for reading only (KindFacts.readOnly). */
export const READ_VERBS = ['get', 'list', 'watch'] as const;

/** A served resource's verbs. */
export function verbsOf(f: KindFacts): string[] {
  return f.readOnly ? [...READ_VERBS] : [...RESOURCE_VERBS];
}

/** The verbs of the status and scale subresources. */
export const SUBRESOURCE_VERBS = ['get', 'patch', 'update'] as const;

/** `apps/v1` or `v1` for a group and version. */
export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** The groups whose types are built in (their lists carry no kind on items); the rest are CRDs. */
export function isBuiltIn(group: string): boolean {
  return (
    group === '' || group === 'apps' || group === 'autoscaling' || group === 'discovery.k8s.io'
  );
}
