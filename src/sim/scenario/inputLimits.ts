/**
 * Hostile input (issue 11 item 9): what a scenario file may not be, checked before the real parse
 * so that no file — huge, deeply nested, an alias bomb, a map of a million keys — can keep the
 * worker busy for more than a moment. parseScenario calls `inputLimitErrors` first and stops at
 * its errors; a file within every limit goes on to be parsed and validated as before.
 *
 * Why a text scan comes first: the yaml library (2.x) is fast on manifests but not on
 * adversarial shapes. Measured in Node (see the hostile tests' report): 400 nested flow
 * brackets overflow its recursive composer, 100 000 overflow into an out-of-memory abort of the
 * whole process; its duplicate-key check is quadratic (10 000 keys in one mapping take seconds,
 * 50 000 take minutes); a flow sequence of 100 000 items takes over a second. So the scan bounds
 * depth, entries per collection, entries in all and documents, in one linear pass, from the text.
 *
 * Where Kubernetes has a word for the problem the message uses it, in kubectl's framing
 * (`error: error parsing <file>: error converting YAML to JSON: ...`, measured with kubectl 1.32):
 * go-yaml's `yaml: exceeded max depth of N` and `yaml: document contains excessive aliasing`,
 * encoding/json's `json: unsupported value: NaN` (JSON has no NaN or ±Inf, so sigs.k8s.io/yaml's
 * YAML→JSON conversion fails on `.nan` and `.inf`), and the API server's strict decoding error for
 * a `__proto__` key. The size limits are the simulator's own and say so.
 */
import { parseAllDocuments } from 'yaml';
import { isRec } from './specReader';
import { invalidMessage } from './fieldError';
import { resolveScenario, SCENARIO_API_VERSION, SCENARIO_KIND } from './resolveScenario';
import { scenarioLimitErrors } from './simulationLimits';

export const INPUT_LIMITS = {
  /** etcd's default request size limit (--max-request-bytes, 1.5 MiB): no object can be bigger. */
  fileBytes: 1_572_864,
  documents: 500,
  /** go-yaml allows 10 000; the yaml library's recursive composer overflows near 400. */
  depth: 64,
  /** Items of one mapping or sequence. */
  entries: 2_000,
  /** Lines and flow items in the whole file. */
  totalEntries: 50_000,
  /** Values after aliases are expanded (a document read as JSON). */
  expandedNodes: 200_000,
  /** One string: the API server's limit on all of an object's annotations together (256 KiB). */
  stringBytes: 262_144,
} as const;

/**
 * `__proto__` would become a prototype, not a key, in any JS code that copies objects with
 * `out[k] = v`. The API server knows no field of that name, so it is an unknown field there.
 */
const PROTO_KEY = '__proto__';

/** Everything in `text` that is over a limit; [] when the file may be parsed. */
export function inputLimitErrors(text: string, fileName: string): string[] {
  const bytes = utf8Length(text, INPUT_LIMITS.fileBytes);
  if (bytes > INPUT_LIMITS.fileBytes) {
    return [
      `error: error reading "${fileName}": the file is ${bytes} bytes; the simulator reads files ` +
        `up to ${INPUT_LIMITS.fileBytes} bytes (1.5 MiB, etcd's request size limit)`,
    ];
  }
  const scanned = scanText(text);
  if (scanned) return [`${converting(fileName)}${scanned}`];
  return valueErrors(text, fileName);
}

const converting = (fileName: string) =>
  `error: error parsing ${fileName}: error converting YAML to JSON: `;

/** UTF-8 length of `s`, counted only as far as needed to pass `cap`. */
function utf8Length(s: string, cap: number): number {
  if (s.length * 3 <= cap) return s.length; // every UTF-16 unit is at most 3 bytes
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * One linear pass over the text: documents, nesting depth (block indentation levels, `- `
 * markers and flow brackets), entries per collection and in all. It reads YAML loosely — quoted
 * strings, comments and block scalars are skipped so that text inside them counts for nothing —
 * and errs on the generous side: the limits are far above what a manifest needs.
 */
function scanText(text: string): string | null {
  const lines = text.split('\n');
  let documents = 0;
  let sawContent = false;
  let total = 0;
  /** Block collections open at this point: their indentation and entries so far. */
  let blocks: { indent: number; entries: number }[] = [];
  /** Flow collections open: entries so far in each. */
  let flows: number[] = [];
  /** Inside a block scalar (`|`, `>`): lines indented more than this belong to it. */
  let scalarIndent: number | null = null;
  /** Inside a quoted string that spans lines. */
  let quote: '"' | "'" | null = null;

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const at = `yaml: line ${n + 1}: `;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (scalarIndent !== null) {
      if (body === '' || indent > scalarIndent) continue;
      scalarIndent = null;
    }
    if (quote === null && (line.startsWith('---') || line.startsWith('...'))) {
      if (sawContent) documents++;
      sawContent = line.startsWith('---') && line.slice(3).trim() !== '';
      blocks = [];
      flows = [];
      if (documents >= INPUT_LIMITS.documents)
        return `the file holds more than ${INPUT_LIMITS.documents} documents; the simulator reads at most ${INPUT_LIMITS.documents}`;
      continue;
    }
    if (quote === null && (body === '' || body.startsWith('#'))) continue;
    // A string longer than the limit on one line: the yaml library takes long to read it.
    // (Not a line of minified JSON: that is a whole document on one line.)
    if (line.length > INPUT_LIMITS.stringBytes && !/^[[{]/.test(body)) return tooLong(at, line);
    sawContent = true;
    if (quote === null && flows.length === 0) {
      while (blocks.length && (blocks.at(-1)?.indent ?? 0) > indent) blocks.pop();
      const top = blocks.at(-1);
      if (!top || top.indent < indent) blocks.push({ indent, entries: 1 });
      else if (++top.entries > INPUT_LIMITS.entries) return tooMany(at);
      // `- - - x` opens a sequence per marker on one line.
      let dashes = 0;
      while (body.startsWith('- ', dashes * 2)) dashes++;
      if (blocks.length + dashes > INPUT_LIMITS.depth) return tooDeep(at);
    }
    if (++total > INPUT_LIMITS.totalEntries) return tooManyInAll(at);
    // Characters: quotes, comments, flow brackets and commas.
    let prev = ' ';
    for (let i = indent; i < line.length; i++) {
      const ch = line[i];
      if (quote === '"') {
        if (ch === '\\') i++;
        else if (ch === '"') quote = null;
      } else if (quote === "'") {
        if (ch === "'" && line[i + 1] === "'") i++;
        else if (ch === "'") quote = null;
      } else if ((ch === '"' || ch === "'") && /[\s[{,:-]/.test(prev)) quote = ch;
      else if (ch === '#' && /\s/.test(prev)) break;
      else if (ch === '[' || ch === '{') {
        flows.push(1);
        if (blocks.length + flows.length > INPUT_LIMITS.depth) return tooDeep(at);
      } else if ((ch === ']' || ch === '}') && flows.length) flows.pop();
      else if (ch === ',' && flows.length) {
        const last = flows.length - 1;
        flows[last] = (flows[last] ?? 0) + 1;
        if ((flows[last] ?? 0) > INPUT_LIMITS.entries) return tooMany(at);
        if (++total > INPUT_LIMITS.totalEntries) return tooManyInAll(at);
      }
      prev = ch ?? ' ';
    }
    if (quote === null && flows.length === 0 && /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(body))
      scalarIndent = indent;
  }
  return null;
}

const tooLong = (at: string, line: string) =>
  `${at}a line of ${utf8Length(line, Infinity)} bytes; the simulator reads strings up to ${INPUT_LIMITS.stringBytes} bytes`;
const tooDeep = (at: string) => `${at}exceeded max depth of ${INPUT_LIMITS.depth}`;
const tooMany = (at: string) =>
  `${at}a mapping or sequence has more than ${INPUT_LIMITS.entries} entries; the simulator reads at most ${INPUT_LIMITS.entries}`;
const tooManyInAll = (at: string) =>
  `${at}the file has more than ${INPUT_LIMITS.totalEntries} lines and items; the simulator reads at most ${INPUT_LIMITS.totalEntries}`;

/**
 * The documents as the API server would receive them: aliases expanded (bounded), no NaN or
 * ±Inf, no `__proto__` key, no string over the limit. Documents with syntax errors are left to
 * parseScenario, which reports them in full.
 */
function valueErrors(text: string, fileName: string): string[] {
  const errors: string[] = [];
  for (const doc of parseAllDocuments(text, { merge: true })) {
    if (doc.errors.length) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // The yaml library's "Excessive alias count ..." is go-yaml's "excessive aliasing";
      // other conversion errors (an alias before its anchor) parseScenario words itself.
      if (e instanceof Error && /alias count/i.test(e.message))
        errors.push(`${converting(fileName)}yaml: document contains excessive aliasing`);
      continue;
    }
    const problem = walk(value);
    if (problem) errors.push(describe(problem, value, fileName));
    else errors.push(...scenarioErrors(value));
  }
  return errors;
}

type Problem =
  | { k: 'number'; value: number }
  | { k: 'proto'; path: string }
  | { k: 'string'; path: string; length: number }
  | { k: 'aliases' }
  | { k: 'depth' };

/** The first problem in one document's value, walked with an explicit stack (no recursion). */
function walk(root: unknown): Problem | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: root, path: '', depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > INPUT_LIMITS.expandedNodes) return { k: 'aliases' };
    if (depth > INPUT_LIMITS.depth) return { k: 'depth' };
    if (typeof v === 'number' && !Number.isFinite(v)) return { k: 'number', value: v };
    if (typeof v === 'string' && v.length > INPUT_LIMITS.stringBytes / 4) {
      const length = utf8Length(v, INPUT_LIMITS.stringBytes);
      if (length > INPUT_LIMITS.stringBytes) return { k: 'string', path, length };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] ?? '';
        const sub = path ? `${path}.${key}` : key;
        if (key === PROTO_KEY) return { k: 'proto', path: sub };
        stack.push({ v: (v as Record<string, unknown>)[key], path: sub, depth: depth + 1 });
      }
    }
  }
  return null;
}

function describe(p: Problem, doc: unknown, fileName: string): string {
  switch (p.k) {
    case 'number':
      // strconv.FormatFloat(f, 'g', -1, 64), as encoding/json's UnsupportedValueError prints it.
      return `${converting(fileName)}json: unsupported value: ${Number.isNaN(p.value) ? 'NaN' : p.value > 0 ? '+Inf' : '-Inf'}`;
    case 'aliases':
      return `${converting(fileName)}yaml: document contains excessive aliasing`;
    case 'depth':
      return `${converting(fileName)}yaml: exceeded max depth of ${INPUT_LIMITS.depth}`;
    case 'proto':
      return strictDecoding(doc, fileName, p.path);
    case 'string':
      return (
        `error: error validating "${fileName}": ${p.path}: a string of ${p.length} bytes; ` +
        `the simulator reads strings up to ${INPUT_LIMITS.stringBytes} bytes`
      );
  }
}

/**
 * The API server's answer to an unknown field under kubectl's default --validate=strict
 * (apiserver handlers/rest.go transformDecodeError + the strict decoder's message).
 */
function strictDecoding(doc: unknown, fileName: string, path: string): string {
  const kind = isRec(doc) && typeof doc.kind === 'string' ? doc.kind : 'Object';
  const apiVersion = isRec(doc) && typeof doc.apiVersion === 'string' ? doc.apiVersion : 'v1';
  const version = apiVersion.split('/').pop() ?? 'v1';
  return (
    `Error from server (BadRequest): error when creating "${fileName}": ${kind} in version ` +
    `"${version}" cannot be handled as a ${kind}: strict decoding error: unknown field "${path}"`
  );
}

/** A Scenario document whose own numbers (nodes, clients, rate, duration) are beyond the simulator. */
function scenarioErrors(doc: unknown): string[] {
  if (!isRec(doc) || doc.apiVersion !== SCENARIO_API_VERSION || doc.kind !== SCENARIO_KIND)
    return [];
  // Manifests inside steps are parseScenario's to check; only the numbers matter here.
  const { scenario } = resolveScenario(doc, () => ({ errors: [] }));
  const errs = scenario ? scenarioLimitErrors(scenario) : [];
  return errs.length ? [invalidMessage('Scenario.rolloutlab.dev', scenario?.name ?? '', errs)] : [];
}
