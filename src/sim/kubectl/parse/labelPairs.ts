/**
 * `KEY=VALUE` / `KEY-` arguments of label, annotate and set image: cmdutil.GetResourcesAndPairs,
 * cmdutil.ParsePairs and label.go parseLabels, with their error texts.
 */

/** Resources first, then pairs; a resource after a pair is an error. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes('=') && !a.startsWith('=')) || (a.endsWith('-') && a !== '-');
    if (isPair) pairs.push(a);
    else if (pairs.length > 0)
      return { error: `all resources must be specified before ${pairType} changes: ${a}` };
    else resources.push(a);
  }
  return { resources, pairs };
}

export interface Pairs {
  set: { key: string; value: string }[];
  remove: string[];
}

/** Later duplicates replace earlier ones (Go map), keeping first-seen order. */
function upsert(list: { key: string; value: string }[], key: string, value: string): void {
  const at = list.findIndex((p) => p.key === key);
  if (at >= 0) list[at] = { key, value };
  else list.push({ key, value });
}

/** cmdutil.ParsePairs: annotations and images. */
export function parsePairs(
  pairs: readonly string[],
  pairType: string,
  supportRemove: boolean,
): Pairs | { error: string } {
  const out: Pairs = { set: [], remove: [] };
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) upsert(out.set, p.slice(0, eq), p.slice(eq + 1));
    else if (supportRemove && p.endsWith('-') && p !== '-') out.remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) return { error: `invalid ${pairType} format: ${invalid.join(', ')}` };
  return out;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** validation.IsValidLabelValue messages. */
function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(v)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must " +
        "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used " +
        "for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs;
}

/** label.go parseLabels. */
export function parseLabels(specs: readonly string[]): Pairs | { error: string } {
  const out: Pairs = { set: [], remove: [] };
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { error: `invalid label spec: ${spec}` };
      const [key = '', value = ''] = parts;
      const errs = labelValueErrors(value);
      if (errs.length)
        return { error: `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}` };
      upsert(out.set, key, value);
    } else if (spec.endsWith('-')) {
      out.remove.push(spec.slice(0, -1));
    } else {
      return { error: `unknown label spec: ${spec}` };
    }
  }
  if (out.remove.some((k) => out.set.some((p) => p.key === k))) {
    return { error: 'can not both modify and remove a label in the same command' };
  }
  return out;
}
