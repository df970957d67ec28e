/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch, patch.go) for the kinds
 * the simulator serves: maps merge key by key (`null` deletes), lists follow the field's
 * `patchStrategy`/`patchMergeKey` from k8s.io/api's Go tags — merged item by item on their key
 * (containers by `name`, container ports by `containerPort`, Service ports by `port`, env by
 * `name`, …), merged as sets for primitive lists with the merge strategy (finalizers), and
 * replaced whole otherwise. The directives kubectl sends are honoured: `$patch: replace|delete`
 * (on a map and on a list item), `$retainKeys`, `$deleteFromPrimitiveList/<field>` and
 * `$setElementOrder/<field>` (which `kubectl set image` and `apply` send).
 */
import { clone } from '../core/clone';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list field's strategy: merged on a key, merged as a set of values, or (absent) replaced. */
type ListStrategy = { key: string } | 'set';

/** Lists of PodSpec (core/v1 types.go tags), relative to the pod spec. */
const POD_SPEC_LISTS: Record<string, ListStrategy> = {
  containers: { key: 'name' },
  initContainers: { key: 'name' },
  ephemeralContainers: { key: 'name' },
  volumes: { key: 'name' },
  imagePullSecrets: { key: 'name' },
  hostAliases: { key: 'ip' },
  topologySpreadConstraints: { key: 'topologyKey' },
  resourceClaims: { key: 'name' },
  schedulingGates: { key: 'name' },
};

/** Lists of Container, relative to a container. */
const CONTAINER_LISTS: Record<string, ListStrategy> = {
  ports: { key: 'containerPort' },
  env: { key: 'name' },
  volumeMounts: { key: 'mountPath' },
  volumeDevices: { key: 'devicePath' },
};

/** Lists anywhere else, by path from the object's root. */
const ROOT_LISTS: Record<string, ListStrategy> = {
  'metadata.finalizers': 'set',
  'metadata.ownerReferences': { key: 'uid' },
  'spec.template.metadata.finalizers': 'set',
  'status.conditions': { key: 'type' },
};

/** Lists of the kinds' specs, by kind. */
const KIND_LISTS: Record<string, Record<string, ListStrategy>> = {
  Service: { 'spec.ports': { key: 'port' } },
};

/** Where the pod spec sits in each kind. */
const POD_SPEC_AT: Record<string, string> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
};

function strategyAt(kind: string, path: readonly string[]): ListStrategy | undefined {
  const dotted = path.join('.');
  const own = KIND_LISTS[kind]?.[dotted] ?? ROOT_LISTS[dotted];
  if (own) return own;
  const podSpec = POD_SPEC_AT[kind];
  if (!podSpec || !dotted.startsWith(`${podSpec}.`)) return undefined;
  const rest = dotted.slice(podSpec.length + 1).split('.');
  if (rest.length === 1) return POD_SPEC_LISTS[rest[0] ?? ''];
  const [list, field] = rest;
  if (rest.length === 2 && (list === 'containers' || list === 'initContainers'))
    return CONTAINER_LISTS[field ?? ''];
  return undefined;
}

/** What the API server answers for a patch it cannot apply (BadRequest's message). */
export class PatchError extends Error {}

/** Go's `%v` of a map, as the merge-key error prints it: `map[image:x]`. */
function goMap(v: Rec): string {
  const parts = Object.keys(v)
    .sort()
    .map((k) => `${k}:${isRec(v[k]) ? goMap(v[k] as Rec) : String(v[k])}`);
  return `map[${parts.join(' ')}]`;
}

/** The patch without its directives, for a value that is added whole. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isRec(x) && x.$patch !== undefined)).map(plain);
  if (!isRec(v)) return clone(v);
  const out: Rec = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x !== null) out[k] = plain(x);
  }
  return out;
}

/** `target` (an object of `kind`) with the strategic merge patch `patch` applied. */
export function strategicMerge(kind: string, target: unknown, patch: unknown): unknown {
  if (!isRec(patch))
    throw new PatchError(
      'json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  return mergeMap(kind, isRec(target) ? target : undefined, patch, []) ?? {};
}

function mergeMap(
  kind: string,
  target: Rec | undefined,
  patch: Rec,
  path: string[],
): Rec | undefined {
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return plain(patch) as Rec;
  if (patch.$patch !== undefined && patch.$patch !== 'merge')
    throw new PatchError(`Unknown patch type: ${String(patch.$patch)} in map: ${goMap(patch)}`);
  const out: Rec = target ? clone(target) : {};
  const retain = patch.$retainKeys;
  if (Array.isArray(retain))
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  const orders: [string, unknown[]][] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v]);
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const list = out[field];
      if (Array.isArray(list) && Array.isArray(v)) out[field] = list.filter((x) => !v.includes(x));
      continue;
    }
    if (k.startsWith('$')) continue;
    const at = [...path, k];
    if (v === null) delete out[k];
    else if (isRec(v)) {
      const merged = mergeMap(kind, isRec(out[k]) ? (out[k] as Rec) : undefined, v, at);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else if (Array.isArray(v)) out[k] = mergeList(kind, out[k], v, at);
    else out[k] = v;
  }
  for (const [field, order] of orders) {
    const list = out[field];
    if (Array.isArray(list)) out[field] = reorder(list, order, strategyAt(kind, [...path, field]));
  }
  return out;
}

function mergeList(kind: string, target: unknown, patch: unknown[], path: string[]): unknown[] {
  // `$patch: replace` as an item: the list becomes the patch's other items.
  if (patch.some((p) => isRec(p) && p.$patch === 'replace')) return plain(patch) as unknown[];
  const strategy = strategyAt(kind, path);
  const live = Array.isArray(target) ? target : [];
  if (!strategy) return plain(patch) as unknown[];
  if (strategy === 'set') {
    const out = clone(live);
    for (const p of patch) if (!out.some((x) => x === p)) out.push(clone(p));
    return out;
  }
  const { key } = strategy;
  let out = live.map((x) => clone(x));
  for (const p of patch) {
    if (!isRec(p) || p[key] === undefined) {
      throw new PatchError(
        `map: ${isRec(p) ? goMap(p) : String(p)} does not contain declared merge key: ${key}`,
      );
    }
    const i = out.findIndex((x) => isRec(x) && x[key] === p[key]);
    if (p.$patch === 'delete') {
      out = out.filter((x) => !(isRec(x) && x[key] === p[key]));
      continue;
    }
    const merged = mergeMap(kind, i >= 0 ? (out[i] as Rec) : undefined, p, path);
    if (i >= 0) {
      if (merged === undefined) out.splice(i, 1);
      else out[i] = merged;
    } else if (merged !== undefined) out.push(merged);
  }
  return out;
}

/**
 * `$setElementOrder`: the listed items first, in the listed order; items the server has and
 * the order does not name keep their relative order after them.
 */
function reorder(list: unknown[], order: unknown[], strategy: ListStrategy | undefined): unknown[] {
  const keyOf = (x: unknown): unknown =>
    strategy && strategy !== 'set' && isRec(x) ? x[strategy.key] : x;
  const wanted = order.map(keyOf);
  const listed = wanted.map((w) => list.find((x) => keyOf(x) === w)).filter((x) => x !== undefined);
  const rest = list.filter((x) => !wanted.includes(keyOf(x)));
  return [...listed, ...rest];
}
