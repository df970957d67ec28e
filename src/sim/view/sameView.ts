/**
 * Whether two views hold the same data. Views are plain structured-cloneable values (objects,
 * arrays, strings, numbers, booleans, null), so equal fields in any order is equality. This is
 * the one place where change is detected: the frame builder sends a view only when it is not the
 * same as the one it sent last, and everything after the worker boundary trusts that.
 */
export function sameView(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameView(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!(k in y) || !sameView(x[k], y[k])) return false;
  return true;
}
