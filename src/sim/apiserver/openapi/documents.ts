/**
 * The OpenAPI v3 documents of the served group-versions, read from the trimmed data
 * (`v3.json`, made by scripts/openapi-data.mjs; sources in README.md here). The data stores each
 * large repeated subtree once (`{"$shared": i}`); a document is expanded on demand, so nothing is
 * held between requests and the JSON is only ever loaded by the CLI's server (the browser bundle
 * never imports this module).
 */
import data from './v3.json';

/** An OpenAPI document as plain JSON. */
export type OpenApiDocument = Record<string, unknown>;

interface V3Data {
  hashes: Record<string, string>;
  docs: Record<string, unknown>;
  $shared: unknown[];
}

const stored = data as unknown as V3Data;

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === '$shared')
    return expand(stored.$shared[obj.$shared as number]);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = expand(obj[k]);
  return out;
}

/**
 * The group-version keys of `/openapi/v3` (`api/v1`, `apis/apps/v1`, …), in the order the data
 * lists them.
 */
export function openapiGroupVersions(): string[] {
  return Object.keys(stored.docs);
}

/**
 * The ETag of a group-version's document as kube-openapi computes it (handler3 computeETag:
 * upper-case hex SHA-512 of the JSON served), computed when the data was made.
 */
export function openapiHash(gv: string): string | undefined {
  return Object.hasOwn(stored.hashes, gv) ? stored.hashes[gv] : undefined;
}

/** The v3 document of one group-version, or undefined when it is not served. */
export function openapiV3Document(gv: string): OpenApiDocument | undefined {
  if (!Object.hasOwn(stored.docs, gv)) return undefined;
  return expand(stored.docs[gv]) as OpenApiDocument;
}
