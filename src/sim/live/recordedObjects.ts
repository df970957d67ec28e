/**
 * Which recorded objects a person owns (they become the scenario's manifests and steps) and
 * which the cluster's controllers make (ReplicaSets and Pods of a workload, EndpointSlices,
 * Events, AnalysisRuns: the simulator makes them again), and a person's object cleaned of what
 * the API server and the controllers wrote into it, as `kubectl get -o yaml | kubectl neat`.
 */
import { kindFacts } from '../api/kinds';
import { clone } from '../core/clone';
import { neat } from '../scenario/neat';
import type { Rec } from '../scenario/specReader';
import { isRec } from '../scenario/specReader';
import type { ObservedObject } from './observation';

export const keyOf = (o: ObservedObject): string => `${o.kind}/${o.metadata.name}`;

/** Why an object is not a person's manifest, or null when it is one. */
export type Made =
  | { by: 'owner'; owner: string } // a controller made it for an owner in the recording
  | { by: 'foreign'; owner: string } // something the recording does not hold made it
  | { by: 'controller' } // a kind only controllers create (EndpointSlice, Event, AnalysisRun)
  | { by: 'unknown' } // a kind the simulator does not model
  | null;

/** Owner references a controller set (k8s.io/apimachinery metav1.GetControllerOf). */
function controllerOf(o: ObservedObject): string | undefined {
  const refs = o.metadata.ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  const ref = refs.find((r) => isRec(r) && r.controller === true) ?? refs[0];
  return isRec(ref) ? `${String(ref.kind)}/${String(ref.name)}` : undefined;
}

/** Classifies `o` against every object of the recording (`seen`: `Kind/name` keys). */
export function madeBy(o: ObservedObject, seen: ReadonlySet<string>): Made {
  const facts = kindFacts(o.kind);
  if (!facts) return { by: 'unknown' };
  if (!facts.fromManifests) return { by: 'controller' };
  const owner = controllerOf(o);
  if (owner === undefined) return null;
  return seen.has(owner) ? { by: 'owner', owner } : { by: 'foreign', owner };
}

/**
 * Annotations controllers write on a person's objects: the Deployment controller's revision
 * bookkeeping (pkg/controller/deployment/util/deployment_util.go) and Argo Rollouts' (the
 * Rollout's revision, the `managed-by-rollouts` mark on the Services it switches).
 */
const CONTROLLER_ANNOTATION =
  /^(deployment\.kubernetes\.io|(rollout|argo-rollouts)\.argoproj\.io)\//;
/** Argo Rollouts adds this key to the selectors of the Services it manages. */
const ROLLOUT_SELECTOR = 'rollouts-pod-template-hash';

/**
 * The manifest a person would have applied: neat's cleaning (status, uid, resourceVersion,
 * defaults, …), no namespace (the simulator has one), no controller annotations, and for a
 * Service a Rollout manages, its selector as the person wrote it.
 */
export function cleanManifest(o: ObservedObject): Rec {
  const obj = clone(neat(o as Rec).obj);
  const meta = isRec(obj.metadata) ? obj.metadata : {};
  delete meta.namespace;
  delete meta.ownerReferences;
  if (isRec(meta.annotations)) {
    for (const k of Object.keys(meta.annotations))
      if (CONTROLLER_ANNOTATION.test(k)) delete meta.annotations[k];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  const spec = isRec(obj.spec) ? obj.spec : undefined;
  if (obj.kind === 'Service' && spec && isRec(spec.selector))
    delete spec.selector[ROLLOUT_SELECTOR];
  return obj;
}

/** JSON with sorted keys: equal for equal values, whatever order the server wrote them in. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    isRec(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : (x as unknown),
  );
}

/** What a person changes in an object: its labels, annotations and spec (never its status). */
export function intentOf(manifest: Rec): string {
  const meta = isRec(manifest.metadata) ? manifest.metadata : {};
  const rest = Object.fromEntries(
    Object.entries(manifest).filter(
      ([k]) => !['apiVersion', 'kind', 'metadata', 'status'].includes(k),
    ),
  );
  return canonical({ labels: meta.labels, annotations: meta.annotations, rest });
}

/** A pod template as compared across a Deployment and its ReplicaSets (without the hash label). */
export function templateKey(template: unknown): string {
  if (!isRec(template)) return '';
  const t = clone(template);
  const meta = isRec(t.metadata) ? t.metadata : undefined;
  if (meta && isRec(meta.labels)) {
    delete meta.labels['pod-template-hash'];
    delete meta.labels[ROLLOUT_SELECTOR];
  }
  if (meta) delete meta.creationTimestamp;
  return canonical(t);
}
