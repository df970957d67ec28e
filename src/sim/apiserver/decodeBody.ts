/**
 * The request body decoded as the API server decodes it: JSON (YAML for an apply patch), with
 * the decoder's errors as BadRequest. The simulator's own limits on input (input sizes, depth,
 * unknown-field names it cannot hold) are the scenario checker's (scenario/inputLimits.ts).
 */
import { parse } from 'yaml';
import { badRequest, type StatusAnswer } from './writeStatus';

export type Decoded = { value: unknown } | { error: StatusAnswer };

/**
 * encoding/json's complaint about text that is not JSON (the apiserver wraps it): `invalid
 * character 'k' looking for beginning of value`, or `unexpected end of JSON input`. Only the
 * first problem is placed as Go's scanner would; later ones are worded the same way.
 */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch {
    const first = text.trimStart()[0];
    if (first === undefined) return 'unexpected end of JSON input';
    if (!/[[{"\-0-9tfn]/.test(first))
      return `invalid character '${first}' looking for beginning of value`;
    return 'unexpected end of JSON input';
  }
}

/**
 * The decoder drops what JSON null stands for: a null field of a Go struct is its zero value,
 * which the server leaves out when it encodes (omitempty), so a stored object holds no nulls in
 * its maps (a rollback's template carries `creationTimestamp: null`).
 */
export function withoutNulls<T>(v: T): T {
  if (Array.isArray(v)) return v.map(withoutNulls) as T;
  if (!isRec(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out as T;
}

export function decodeJson(text: string, what: string): Decoded {
  if (!text.trim()) return { error: badRequest(`${what}: EOF`) };
  const problem = jsonError(text);
  if (problem) return { error: badRequest(`${what}: ${problem}`) };
  return { value: JSON.parse(text) as unknown };
}

export function decodeYaml(text: string, what: string): Decoded {
  try {
    return { value: parse(text, { maxAliasCount: 100 }) as unknown };
  } catch (e) {
    return { error: badRequest(`${what}: ${(e as Error).message}`) };
  }
}

export const isRec = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
