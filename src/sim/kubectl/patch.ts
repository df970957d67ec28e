/**
 * `kubectl patch` on plain objects: JSON merge patch (RFC 7386), strategic merge patch for the
 * list fields the simulator models (lists of objects keyed by `name`, or containerPort/port
 * for port lists, are merged per key, as the strategic-merge keys in k8s.io/api say), and JSON
 * patch (RFC 6902: add, replace, remove, test).
 */
import { clone } from '../core/clone';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function mergePatch(target: unknown, patch: unknown, strategic: boolean): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (strategic && Array.isArray(v) && Array.isArray(out[k]))
      out[k] = mergeList(out[k] as unknown[], v);
    else out[k] = mergePatch(out[k], v, strategic);
  }
  return out;
}

const MERGE_KEYS = ['name', 'containerPort', 'port', 'ip', 'type'];

function mergeList(target: unknown[], patch: unknown[]): unknown[] {
  const key = MERGE_KEYS.find((k) => patch.every((p) => isObject(p) && p[k] !== undefined));
  if (!key || !target.every((t) => isObject(t))) return clone(patch);
  const out = target.map((t) => clone(t)) as Record<string, unknown>[];
  for (const p of patch as Record<string, unknown>[]) {
    if (p.$patch === 'delete') {
      const i = out.findIndex((t) => t[key] === p[key]);
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    const i = out.findIndex((t) => t[key] === p[key]);
    if (i >= 0) out[i] = mergePatch(out[i], p, true) as Record<string, unknown>;
    else out.push(clone(p));
  }
  return out;
}

interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
}

/** RFC 6902; throws with the apiserver's wording on a bad operation. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target);
  for (const raw of ops as JsonPatchOp[]) {
    const parts = raw.path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop();
    if (last === undefined) {
      if (raw.op === 'replace' || raw.op === 'add') doc = clone(raw.value);
      continue;
    }
    let parent: unknown = doc;
    for (const p of parts) {
      parent = Array.isArray(parent) ? parent[Number(p)] : isObject(parent) ? parent[p] : undefined;
      if (parent === undefined)
        throw new Error(`doc is missing path: "${raw.path}": missing value`);
    }
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (raw.op === 'add') parent.splice(i, 0, clone(raw.value));
      else if (raw.op === 'replace') parent[i] = clone(raw.value);
      else if (raw.op === 'remove') parent.splice(i, 1);
      else if (raw.op === 'test' && JSON.stringify(parent[i]) !== JSON.stringify(raw.value))
        throw new Error('testing value failed');
    } else if (isObject(parent)) {
      if ((raw.op === 'replace' || raw.op === 'remove') && !(last in parent)) {
        throw new Error(`doc is missing key: ${raw.path}: missing value`);
      }
      if (raw.op === 'add' || raw.op === 'replace') parent[last] = clone(raw.value) as Json;
      else if (raw.op === 'remove') delete parent[last];
      else if (raw.op === 'test' && JSON.stringify(parent[last]) !== JSON.stringify(raw.value))
        throw new Error('testing value failed');
    } else throw new Error(`doc is missing path: "${raw.path}": missing value`);
    if (!['add', 'replace', 'remove', 'test'].includes(raw.op))
      throw new Error(`Unexpected kind: ${raw.op}`);
  }
  return doc;
}
