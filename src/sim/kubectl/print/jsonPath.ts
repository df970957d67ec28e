/**
 * The part of client-go's JSONPath (k8s.io/client-go/util/jsonpath) that `-o custom-columns`
 * and `--sort-by` use: one `{…}` expression of fields (`.a.b`, `['a.b']`, `a\.b`), indexes
 * (`[0]`, `[-1]`, `[1:3]`), wildcards (`[*]`, `.*`), recursive descent (`..name`) and equality
 * filters (`[?(@.type=="Ready")]`), evaluated with AllowMissingKeys as the custom-columns printer
 * sets it, and values written as fmt.Sprint writes them (`map[a:b]`, `[x y]`).
 */

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive'; name: string }
  | { kind: 'index'; start?: number; end?: number; single: boolean }
  | { kind: 'filter'; path: string[]; op: '==' | '!='; value: string | number | boolean }
  | { kind: 'exists'; path: string[] };

export type JsonPath = Step[];

/** Parses `{.a.b}` (braces required, as RelaxedJSONPathExpression produces them). */
export function parseJsonPath(expr: string): JsonPath | { error: string } {
  const m = /^\{(.*)\}$/s.exec(expr);
  if (!m) return { error: `unrecognized character in action: U+007B '{'` };
  const body = m[1] ?? '';
  const steps: Step[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '.' && body[i + 1] === '.') {
      i += 2;
      const name = readName(body, i);
      i = name.end;
      steps.push({ kind: 'recursive', name: name.text });
    } else if (c === '.') {
      i++;
      if (body[i] === '*') {
        i++;
        steps.push({ kind: 'wildcard' });
        continue;
      }
      const name = readName(body, i);
      i = name.end;
      if (name.text !== '') steps.push({ kind: 'field', name: name.text });
    } else if (c === '[') {
      const close = matchingBracket(body, i);
      if (close < 0) return { error: `unclosed array expect ]` };
      const inner = body.slice(i + 1, close);
      const step = parseBracket(inner);
      if ('error' in step) return step;
      steps.push(step);
      i = close + 1;
    } else {
      const name = readName(body, i);
      if (name.end === i)
        return { error: `unrecognized character in action: ${describe(c ?? '')}` };
      i = name.end;
      steps.push({ kind: 'field', name: name.text });
    }
  }
  return steps;
}

function describe(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}

/** A field name up to `.` or `[` (a backslash escapes the next character). */
function readName(s: string, from: number): { text: string; end: number } {
  let text = '';
  let i = from;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\\' && i + 1 < s.length) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '.' || c === '[') break;
    text += c;
    i++;
  }
  return { text, end: i };
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string): Step | { error: string } {
  const t = inner.trim();
  if (t === '*') return { kind: 'wildcard' };
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(t);
  if (quoted) return { kind: 'field', name: quoted[1] ?? quoted[2] ?? '' };
  const filter = /^\?\(\s*@((?:\.[^=!<> ]+)+)\s*(?:(==|!=)\s*(.+?))?\s*\)$/.exec(t);
  if (filter) {
    const path = (filter[1] ?? '').split('.').filter((p) => p !== '');
    if (!filter[2]) return { kind: 'exists', path };
    return { kind: 'filter', path, op: filter[2] as '==' | '!=', value: literal(filter[3] ?? '') };
  }
  const slice = /^(-?\d*)\s*(?::\s*(-?\d*))?$/.exec(t);
  if (slice && t !== '') {
    const single = !t.includes(':');
    return {
      kind: 'index',
      single,
      ...(slice[1] ? { start: Number(slice[1]) } : {}),
      ...(slice[2] ? { end: Number(slice[2]) } : {}),
    };
  }
  return { error: `invalid array index ${t}` };
}

function literal(s: string): string | number | boolean {
  const q = /^'(.*)'$|^"(.*)"$/.exec(s);
  if (q) return q[1] ?? q[2] ?? '';
  if (s === 'true' || s === 'false') return s === 'true';
  const n = Number(s);
  return Number.isNaN(n) ? s : n;
}

/** Every value the path reaches, in document order (missing keys give nothing). */
export function evalJsonPath(path: JsonPath, root: unknown): unknown[] {
  let cur: unknown[] = [root];
  for (const step of path) {
    const next: unknown[] = [];
    for (const v of cur) next.push(...apply(step, v));
    cur = next;
  }
  return cur;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function apply(step: Step, v: unknown): unknown[] {
  switch (step.kind) {
    case 'field':
      return isObj(v) && step.name in v && v[step.name] !== undefined ? [v[step.name]] : [];
    case 'wildcard':
      if (Array.isArray(v)) return v;
      // jsonpath evalWildcard walks a map's keys in sorted order.
      return isObj(v)
        ? Object.keys(v)
            .sort()
            .map((k) => v[k])
        : [];
    case 'recursive':
      return recursive(v, step.name);
    case 'index': {
      if (!Array.isArray(v)) return [];
      const len = v.length;
      const norm = (n: number) => (n < 0 ? n + len : n);
      const start = norm(step.start ?? 0);
      if (step.single) return start >= 0 && start < len ? [v[start]] : [];
      const end = Math.min(len, norm(step.end ?? len));
      return v.slice(Math.max(0, start), Math.max(0, end));
    }
    case 'filter':
    case 'exists': {
      const items = Array.isArray(v) ? v : [];
      return items.filter((item) => {
        let x: unknown = item;
        for (const p of step.path) x = isObj(x) ? x[p] : undefined;
        if (step.kind === 'exists') return x !== undefined;
        const eq = x === step.value;
        return step.op === '==' ? eq : !eq;
      });
    }
  }
}

function recursive(v: unknown, name: string): unknown[] {
  const out: unknown[] = [];
  const walk = (x: unknown): void => {
    if (isObj(x)) {
      if (name in x) out.push(x[name]);
      for (const k of Object.keys(x).sort()) walk(x[k]);
    } else if (Array.isArray(x)) x.forEach(walk);
  };
  walk(v);
  return out;
}

/** fmt.Sprint of a value decoded from JSON into interface{}. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goNumber(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const m = v as Record<string, unknown>;
  // fmt prints map keys sorted.
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${goSprint(m[k])}`)
    .join(' ')}]`;
}

/** %v of an int64 (whole numbers) or a float64 (%g: an exponent below -4 or from 21 digits). */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n);
  const [mant = '', exp = '0'] = n.toExponential().split('e');
  const x = Number(exp);
  if (x < -4 || x >= 21)
    return `${mant}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  return String(n);
}
