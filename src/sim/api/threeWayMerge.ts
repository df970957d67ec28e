/**
 * The merge `kubectl apply` performs on an existing object: fields the last applied manifest had
 * and the new one drops are removed, fields the new manifest sets replace the live ones, and
 * everything else (set by the server or by other writers: a Service's clusterIP, replicas an HPA
 * or `kubectl scale` chose) stays as it is live. Lists whose items all carry a `name` merge item
 * by item as strategic merge patch does for containers, ports and env (patchMergeKey "name");
 * other lists are replaced. kubectl computes this as a three-way patch
 * (apply/patcher.go → strategicpatch.CreateThreeWayMergePatch); applying that patch to the live
 * object gives this result.
 */
import { clone } from '../core/clone';

type Json = Record<string, unknown>;

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const isNamedList = (v: unknown): v is Json[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isMap(x) && typeof x.name === 'string');

function byName(list: unknown): Map<string, Json> {
  return new Map(isNamedList(list) ? list.map((x) => [x.name as string, x]) : []);
}

/** `live` with the change from `original` (last applied) to `modified` (the new manifest). */
export function threeWayMerge(live: unknown, original: unknown, modified: unknown): unknown {
  if (isMap(modified) && isMap(live)) {
    const out: Json = { ...live };
    const orig = isMap(original) ? original : {};
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    for (const [k, v] of Object.entries(modified)) out[k] = threeWayMerge(live[k], orig[k], v);
    return out;
  }
  if (isNamedList(modified) && isNamedList(live)) {
    const liveItems = byName(live);
    const origItems = byName(original);
    const merged = modified.map((m) =>
      threeWayMerge(liveItems.get(m.name as string), origItems.get(m.name as string), m),
    );
    const kept = modified.map((m) => m.name);
    // Items another writer added stay; items the last manifest had and this one drops go.
    for (const l of live)
      if (!kept.includes(l.name) && !origItems.has(l.name as string)) merged.push(l);
    return merged;
  }
  return clone(modified);
}
