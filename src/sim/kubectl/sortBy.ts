/**
 * `kubectl get --sort-by=<jsonpath>` (kubectl pkg/cmd/get/sorter.go): the objects ordered by one
 * field of their served form. Strings compare in natural order (sortorder.NaturalLess: digit
 * runs as numbers), numbers as numbers; an object without the field sorts first; equal keys
 * keep the API server's order.
 */
import { asServed } from './print/served';
import type { KubeObject } from '../api/objects';

const PATH_ERROR =
  "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

/** get.go RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedPath(raw: string): { path: string[]; expr: string } | { error: string } {
  const m = /^\{?\.?([^{}]*?)\}?$/.exec(raw.trim());
  if (!m || raw.trim() === '' || (m[1] ?? '') === '') return { error: PATH_ERROR };
  const body = m[1] ?? '';
  const path = body.split(/\.|\[(\d+)\]/).filter((p): p is string => p !== undefined && p !== '');
  return { path, expr: `{.${body}}` };
}

function field(obj: unknown, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** sortorder.NaturalLess as a comparator. */
function natural(a: string, b: string): number {
  const chunk = /(\d+|\D+)/g;
  const xs = a.match(chunk) ?? [];
  const ys = b.match(chunk) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] ?? '';
    const y = ys[i] ?? '';
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return xs.length - ys.length;
}

function compare(a: unknown, b: unknown): number {
  const missingA = a === undefined || a === null || a === '';
  const missingB = b === undefined || b === null || b === '';
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return natural(String(a), String(b));
}

/** The objects sorted by the field, or kubectl's error when no object has it. */
export function sortObjects<T extends KubeObject>(
  objects: readonly T[],
  raw: string,
): { sorted: T[] } | { error: string } {
  const p = relaxedPath(raw);
  if ('error' in p) return p;
  const keyed = objects.map((o) => ({ o, key: field(asServed(o), p.path) }));
  if (objects.length > 0 && keyed.every((k) => k.key === undefined)) {
    return { error: `error: couldn't find any field with path "${p.expr}" in the list of objects` };
  }
  return { sorted: keyed.sort((x, y) => compare(x.key, y.key)).map((k) => k.o) };
}
