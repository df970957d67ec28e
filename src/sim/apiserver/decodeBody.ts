/**
 * The request body decoded as the API server decodes it: JSON (YAML for an apply patch), with
 * the decoder's errors as BadRequest. The simulator's own limits on input (input sizes, depth,
 * unknown-field names it cannot hold) are the scenario checker's (scenario/inputLimits.ts).
 */
import { parse } from 'yaml';
import { badRequest, type StatusAnswer } from './writeStatus';

export type Decoded = { value: unknown } | { error: StatusAnswer };

/** encoding/json's complaint about text that is not JSON (the apiserver wraps it). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
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
