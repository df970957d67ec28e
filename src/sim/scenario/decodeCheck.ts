/**
 * The API server decodes a manifest into Go structs before it validates anything, so a field of
 * the wrong JSON type (`replicas: "3"`) fails with encoding/json's UnmarshalTypeError, wrapped by
 * the apiserver's transformDecodeError (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go):
 *
 *   Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string
 *   into Go struct field DeploymentSpec.spec.replicas of type int32
 *
 * Only the fields the simulator reads are checked, walking the object in document order and
 * reporting the first mismatch, as the decoder does.
 */

/** [Go struct that declares the field, Go type]. Keys: JSON path, `[]` = each item, `{}` = each map value. */
export type Rule = readonly [struct: string, goType: string];

/** One kind's checked fields (decodeRules.ts), with every prefix of their paths. */
export interface DecodeSchema {
  rules: Readonly<Record<string, Rule>>;
  /** Every prefix of a rule path, so the walk only descends where a rule may lie. */
  prefixes: ReadonlySet<string>;
}

export function decodeSchema(rules: Record<string, Rule>): DecodeSchema {
  const prefixes = new Set<string>();
  for (const path of Object.keys(rules)) {
    for (let i = 1; i <= path.length; i++) {
      const ch = path[i];
      if (i === path.length || ch === '.' || ch === '[' || ch === '{')
        prefixes.add(path.slice(0, i));
    }
  }
  return { rules, prefixes };
}

/** encoding/json's name for the JSON value that did not fit. */
function jsonKind(v: unknown, goType: string): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') {
    // An int field given 1.5: the literal fails strconv.ParseInt, so Value carries it.
    return /^int|intstr/.test(goType) && !Number.isInteger(v) ? `number ${v}` : 'number';
  }
  return 'object';
}

function fits(v: unknown, goType: string): boolean {
  if (v === null || v === undefined) return true; // null decodes to the zero value
  if (goType === 'int32' || goType === 'int64') return typeof v === 'number' && Number.isInteger(v);
  if (goType === 'intstr')
    return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
  if (goType === 'string') return typeof v === 'string';
  if (goType === 'bool') return typeof v === 'boolean';
  if (goType.startsWith('[]')) return Array.isArray(v);
  return typeof v === 'object' && !Array.isArray(v);
}

/**
 * The decode error for `obj` as the API server words it, or undefined when every field `schema`
 * checks has the right JSON type. `version` is the version part of the apiVersion ("v1").
 */
export function decodeError(
  obj: unknown,
  schema: DecodeSchema,
  kind: string,
  version: string,
): string | undefined {
  const { rules, prefixes } = schema;
  const walk = (v: unknown, pattern: string): string | undefined => {
    const rule = pattern ? rules[pattern] : undefined;
    if (rule && !fits(v, rule[1])) {
      const [struct, goType] = rule;
      const field = pattern.replace(/\[\]|\{\}/g, '');
      // intstr.IntOrString unmarshals its int half into an int32.
      const type = goType === 'intstr' ? 'int32' : goType;
      return `json: cannot unmarshal ${jsonKind(v, goType)} into Go struct field ${struct}.${field} of type ${type}`;
    }
    if (Array.isArray(v)) {
      const next = `${pattern}[]`;
      if (!prefixes.has(next)) return undefined;
      for (const item of v) {
        const err = walk(item, next);
        if (err) return err;
      }
    } else if (typeof v === 'object' && v !== null) {
      const isMap = rule?.[1].startsWith('map[');
      for (const [k, item] of Object.entries(v)) {
        const next = isMap ? `${pattern}{}` : pattern ? `${pattern}.${k}` : k;
        if (!prefixes.has(next)) continue;
        const err = walk(item, next);
        if (err) return err;
      }
    }
    return undefined;
  };
  const err = walk(obj, '');
  return err && `${kind} in version "${version}" cannot be handled as a ${kind}: ${err}`;
}
