/** Which kind a resource URL names, and whether it is a built-in kind or a custom resource. */
import type { Kind } from '../api/objects';
import { KINDS, RESOURCE_KINDS, type KindFacts } from '../api/kinds';
import type { ResourcePath } from './types';

/** The stored kind a path names (group, a served version and plural), or undefined. */
export function kindOfPath(path: ResourcePath): Kind | undefined {
  const kind = RESOURCE_KINDS.find((k) => {
    const f = KINDS[k];
    return f.plural === path.resource && f.group === path.group && f.simulated;
  });
  if (!kind || kind === 'Endpoints' || kind === 'Namespace') return undefined;
  return (KINDS[kind].versions as readonly string[]).includes(path.version) ? kind : undefined;
}

/** A path of a kind served read-only (Node, Namespace): every write on it is refused. */
export function isReadOnlyPath(path: ResourcePath): boolean {
  return RESOURCE_KINDS.some((k) => {
    const f: KindFacts = KINDS[k];
    return f.plural === path.resource && f.group === path.group && f.readOnly === true;
  });
}

/** The API groups Kubernetes itself serves; the others come from CRDs (Argo, Istio, Gateway API). */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'autoscaling', 'discovery.k8s.io', 'policy', 'batch']);

/** A custom resource: no strategic merge patch (apiextensions-apiserver refuses it with 415). */
export function isCustomResource(kind: Kind): boolean {
  return !BUILT_IN_GROUPS.has(KINDS[kind].group);
}
