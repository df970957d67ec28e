/**
 * An object in the shape the API server serializes it: a built-in kind goes through its Go
 * struct, so zero values of `omitempty` fields are left out (DeploymentSpec minReadySeconds 0,
 * paused false; DeploymentStatus and ReplicaSetStatus counts of 0 except a ReplicaSet's
 * `replicas`), and struct fields without `omitempty` appear even when empty (a pod template's
 * `metadata.creationTimestamp: null`, a container's `resources: {}`) — what `kubectl get -o
 * yaml` shows against a real cluster, and what kubectl's own typed round trip prints (`set
 * image --dry-run=client -o yaml`). Followed: k8s.io/api apps/v1 and core/v1 types.go json
 * tags. The simulation keeps its own shape; this is applied where objects leave the API server.
 */

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function omitZero(r: unknown, keys: readonly string[]): void {
  if (!isRec(r)) return;
  for (const k of keys) if (r[k] === 0 || r[k] === false || r[k] === '') delete r[k];
}

/** core/v1 Container: `resources` is a struct without omitempty. */
function shapePodSpec(spec: unknown): void {
  if (!isRec(spec)) return;
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isRec(c) && c.resources === undefined) c.resources = {};
  }
}

/** PodTemplateSpec: ObjectMeta's creationTimestamp (a struct) is written as null when unset. */
function shapeTemplate(template: unknown): void {
  if (!isRec(template)) return;
  if (!isRec(template.metadata)) template.metadata = {};
  const meta = template.metadata as Rec;
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  shapePodSpec(template.spec);
}

const DEPLOYMENT_STATUS = [
  'observedGeneration',
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'terminatingReplicas',
  'collisionCount',
];
const REPLICASET_STATUS = [
  'fullyLabeledReplicas',
  'readyReplicas',
  'availableReplicas',
  'terminatingReplicas',
  'observedGeneration',
];

/** A copy of `obj` as served (objects of other kinds, and lists' items, likewise). */
export function apiShape<T>(obj: T, kind?: string): T {
  const copy = JSON.parse(JSON.stringify(obj)) as unknown;
  shapeInPlace(copy, kind);
  return copy as T;
}

function shapeInPlace(o: unknown, kind?: string): void {
  if (!isRec(o)) return;
  if (Array.isArray(o.items)) for (const item of o.items) shapeInPlace(item);
  switch (kind ?? o.kind) {
    case 'Deployment':
      omitZero(o.spec, ['minReadySeconds', 'paused']);
      if (isRec(o.spec)) shapeTemplate(o.spec.template);
      omitZero(o.status, DEPLOYMENT_STATUS);
      return;
    case 'ReplicaSet':
      omitZero(o.spec, ['minReadySeconds']);
      if (isRec(o.spec)) shapeTemplate(o.spec.template);
      omitZero(o.status, REPLICASET_STATUS);
      return;
    case 'Pod':
      shapePodSpec(o.spec);
      return;
  }
}
