/**
 * Problems → lines: each message parseScenario returns is placed on the line of the field it
 * names, so the editor can show it there. The messages are kubectl's and the API server's own
 * (parse.ts, fieldError.ts); this module only reads them back and finds what they point at:
 *
 * - YAML syntax errors carry their line (`yaml: line N: …`).
 * - `<Kind>[.<group>] "<name>" is invalid: <path>: <msg>` (or `[a, b, …]`): the object with that
 *   kind and name, then the node at each path; one problem per cause, each keeping the server's
 *   head, path and words. A field that is absent (`Required value`) goes to its nearest ancestor.
 * - `<Kind> in version "v" cannot be handled as a <Kind>: json: cannot unmarshal … Go struct
 *   field <Struct>.<path> …` and `strict decoding error: unknown field "<path>"`: that field.
 * - kubectl's RESTMapper error (`no matches for kind "K" in version "v"`): the object's apiVersion.
 * - kubectl's client-side checks (`apiVersion not set`, …): the document's first line.
 *
 * Objects are found in the order parse.ts visits them (documents, List items, a Scenario's inline
 * `apply` manifests), so when two have the same kind and name, successive messages go to
 * successive objects. Lines are 1-based in the whole text; null when a message names no place.
 */
import type { Document, Node, ParsedNode } from 'yaml';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { IgnoredItem } from './scenario';

export interface LocatedProblem {
  line: number | null;
  message: string;
}

/** One object parse.ts checks, with where it sits. */
interface Target {
  node: ParsedNode;
  apiVersion: unknown;
  kind: unknown;
  name: unknown;
  namespace: unknown;
  /** kubectl's getObjectKind finds fault with it (apiVersion or kind missing or malformed). */
  kindError: boolean;
}

/** Field error types as field.ErrorType prints them (apimachinery field/errors.go). */
const CAUSE_TYPES =
  'Required value|Invalid value|Unsupported value|Forbidden|Duplicate value|Too long|Too many|Not found|Internal error';
const PATH = String.raw`[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*|\[[^\]]*\])*`;
const CAUSE_START = new RegExp(`(?:^|, )(${PATH}): (?:${CAUSE_TYPES})`, 'g');

const GO_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const INVALID = new RegExp(`^(?:The )?([A-Za-z][\\w.]*) (${GO_STRING}) is invalid: ([\\s\\S]*)$`);
const DECODE = /^(?:error: )?(\w+) in version "[^"]*" cannot be handled as a \w+: ([\s\S]*)$/;
const MAPPING = new RegExp(
  `resource mapping not found for name: (${GO_STRING}) namespace: (${GO_STRING}) from ${GO_STRING}: ` +
    `no matches for kind (${GO_STRING}) in version (${GO_STRING})`,
);

/** A scenario text's documents and the objects in them, with a line for any offset. */
export class TextMap {
  readonly docs: Document.Parsed[];
  readonly targets: Target[] = [];
  private readonly lines = new LineCounter();
  /** How many messages each target has taken, to send repeats to the next same-named object. */
  private readonly claims = new Map<Target, number>();

  constructor(text: string) {
    const docs = parseAllDocuments(text, { lineCounter: this.lines, merge: true });
    this.docs = Array.isArray(docs) ? docs : [];
    for (const doc of this.docs) if (!doc.errors.length && doc.contents) this.visit(doc.contents);
  }

  /** 1-based line of a text offset. */
  lineAt(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  /** The line of the document's first node (after `---` and leading comments). */
  docLine(index: number): number | null {
    const doc = this.docs[index];
    if (!doc) return null;
    return this.lineAt(doc.contents?.range[0] ?? doc.range[0]);
  }

  /** Mirrors parse.ts's visit: Lists are unpacked, a Scenario's `apply` manifests follow it. */
  private visit(node: ParsedNode): void {
    const value = (key: string): unknown =>
      isMap(node) ? scalarOf(node.get(key, true)) : undefined;
    const meta = isMap(node) ? node.get('metadata', true) : undefined;
    const apiVersion = value('apiVersion');
    const kind = value('kind');
    const kindError =
      !isMap(node) ||
      typeof apiVersion !== 'string' ||
      apiVersion.split('/').length > 2 ||
      typeof kind !== 'string';
    this.targets.push({
      node,
      apiVersion,
      kind,
      name: isMap(meta) ? scalarOf(meta.get('name', true)) : undefined,
      namespace: isMap(meta) ? scalarOf(meta.get('namespace', true)) : undefined,
      kindError,
    });
    if (kindError || !isMap(node)) return;
    if (apiVersion === 'v1' && kind === 'List') {
      const items = node.get('items', true);
      if (isSeq(items)) for (const it of items.items) if (it) this.visit(it as ParsedNode);
    } else if (kind === 'Scenario') {
      const steps = node.getIn(['spec', 'steps'], true);
      if (isSeq(steps))
        for (const step of steps.items) {
          const manifest = isMap(step) ? step.get('apply', true) : undefined;
          if (isMap(manifest)) this.visit(manifest as ParsedNode);
        }
    }
  }

  /**
   * The next object (in visit order) that `match` accepts: one not yet claimed, preferring one
   * where `fits` holds; the first match when all are claimed.
   */
  claim(
    match: (t: Target) => boolean,
    fits: (t: Target) => boolean = () => true,
  ): Target | undefined {
    const all = this.targets.filter(match);
    const unclaimed = all.filter((t) => !this.claims.has(t));
    const pick = unclaimed.find(fits) ?? unclaimed[0] ?? all.find(fits) ?? all[0];
    if (pick) this.claims.set(pick, (this.claims.get(pick) ?? 0) + 1);
    return pick;
  }

  /** The line of the node at `path` under `root`, or of its nearest existing ancestor. */
  pathLine(
    root: Node,
    path: string,
    want?: (v: unknown) => boolean,
  ): { line: number; exact: boolean } {
    const found = resolve(root, parsePath(path), want);
    return { line: this.lineAt(found.offset), exact: found.exact };
  }
}

function scalarOf(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** `spec.template.spec.containers[0].image`, `metadata.annotations[a.b/c]` → segments. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\[([^\]]*)\]|\.?([^.[\]]+)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else if (m[2] !== undefined) out.push(m[2]);
  }
  return out;
}

/**
 * Walks `segments` from `root`. A `'*'` segment (an unindexed list in a decode error's path)
 * tries every item, taking the first where the rest resolves and `want` accepts the value.
 * Where a key is reached through a map, the key's own position is the place (its line is the
 * field's line even when the value is a block below it).
 */
function resolve(
  root: Node,
  segments: readonly (string | number)[],
  want?: (v: unknown) => boolean,
): { offset: number; exact: boolean } {
  let node: Node = root;
  let offset = root.range?.[0] ?? 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string | number;
    if (seg === '*' && isSeq(node)) {
      for (const item of node.items) {
        const sub = item ? resolve(item as Node, segments.slice(i + 1), want) : undefined;
        if (sub?.exact) return sub;
      }
      return { offset, exact: false };
    }
    if (isMap(node)) {
      const pair = node.items.find((p) => String(scalarOf(p.key)) === String(seg));
      if (!pair) return { offset, exact: false };
      offset = (pair.key as Node).range?.[0] ?? offset;
      if (!pair.value) return { offset, exact: i === segments.length - 1 };
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg] as Node;
      offset = node.range?.[0] ?? offset;
    } else return { offset, exact: false };
  }
  const exact =
    !want || want(isScalar(node) ? node.value : isSeq(node) ? [] : isMap(node) ? {} : null);
  return { offset, exact };
}

/** The causes of an aggregate (`[a, b]` or a single one), split where a field path starts. */
export function splitCauses(aggregate: string): string[] {
  const body = /^\[[\s\S]*\]$/.test(aggregate) ? aggregate.slice(1, -1) : aggregate;
  const starts: number[] = [];
  CAUSE_START.lastIndex = 0;
  for (let m = CAUSE_START.exec(body); m; m = CAUSE_START.exec(body)) {
    starts.push(m.index + (m[0].startsWith(', ') ? 2 : 0));
  }
  if (!starts.length || starts[0] !== 0) return [aggregate];
  return starts.map((s, i) =>
    body.slice(s, i + 1 < starts.length ? (starts[i + 1] ?? 0) - 2 : undefined),
  );
}

const goUnquote = (s: string): string => {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
};

/** encoding/json's name for a JSON value, as UnmarshalTypeError prints it. */
function jsonKindOf(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return v === null ? 'null' : 'object';
}

/** Every problem of a scenario text on the line of what it names. */
export function locateProblems(text: string, errors: readonly string[]): LocatedProblem[] {
  try {
    const map = new TextMap(text);
    return errors.flatMap((e) => locateOne(map, e));
  } catch {
    // A text too deep to walk: the messages still reach the person, without lines.
    return errors.map((message) => ({ line: null, message }));
  }
}

function locateOne(map: TextMap, message: string): LocatedProblem[] {
  const at = (line: number | null, m = message): LocatedProblem[] => [{ line, message: m }];
  const firstLine = (t: Target | undefined) => (t ? map.lineAt(t.node.range[0]) : null);

  const syntax = /error converting YAML to JSON: yaml: line (\d+): /.exec(message);
  if (syntax) return at(Number(syntax[1]));

  if (/error validating data: /.test(message)) return at(firstLine(map.claim((t) => t.kindError)));

  const mapping = MAPPING.exec(message);
  if (mapping) {
    const [name, namespace, kind, version] = mapping.slice(1).map((s) => goUnquote(s ?? ''));
    const t = map.claim(
      (c) => c.kind === kind && c.apiVersion === version && String(c.name ?? '') === name,
      (c) => String(c.namespace ?? '') === namespace,
    );
    return at(t ? map.pathLine(t.node, 'apiVersion').line : null);
  }

  const invalid = INVALID.exec(message);
  if (invalid) {
    const [, qualified = '', quoted = '""', aggregate = ''] = invalid;
    const kind = qualified.split('.')[0];
    const name = goUnquote(quoted);
    const causes = splitCauses(aggregate);
    const paths = causes.map((c) => /^([^:]*): /.exec(c)?.[1] ?? '');
    const t = map.claim(
      (c) => c.kind === kind && String(c.name ?? '') === name,
      (c) => paths.every((p) => map.pathLine(c.node, p).exact),
    );
    if (!t) return at(null);
    if (causes.length === 1) return at(map.pathLine(t.node, paths[0] ?? '').line);
    const head = message.slice(0, message.length - aggregate.length);
    return causes.map((c, i) => ({
      line: map.pathLine(t.node, paths[i] ?? '').line,
      message: head + c,
    }));
  }

  const decode = DECODE.exec(message);
  if (decode) {
    const [, kind, detail = ''] = decode;
    const head = message.slice(0, message.length - detail.length);
    const unmarshal =
      /cannot unmarshal (\w+)(?: number \S+)? into Go struct field \w+\.(\S+) of type/.exec(detail);
    if (unmarshal) {
      const [, jsonKind, field = ''] = unmarshal;
      // The decode path has no indices: every list on the way is searched for the bad value.
      const wildPath = (node: Node) => wildcardPath(node, field);
      const want = (v: unknown) => jsonKindOf(v) === jsonKind;
      const t = map.claim(
        (c) => c.kind === kind,
        (c) => map.pathLine(c.node, wildPath(c.node), want).exact,
      );
      return at(t ? map.pathLine(t.node, wildPath(t.node), want).line : null);
    }
    const unknown = [...detail.matchAll(/unknown field "([^"]*)"/g)].map((m) => m[1] ?? '');
    if (unknown.length) {
      const t = map.claim((c) => c.kind === kind);
      if (!t) return at(null);
      return unknown.map((f) => ({
        line: map.pathLine(t.node, f).line,
        message: `${head}strict decoding error: unknown field "${f}"`,
      }));
    }
    return at(firstLine(map.claim((c) => c.kind === kind)));
  }

  const scenarios = /found (\d+) Scenario documents/.exec(message);
  if (scenarios) return at(firstLine(map.targets.filter((t) => t.kind === 'Scenario')[1]));

  if (/admission webhook "validation\.istio\.io"/.test(message))
    return at(firstLine(map.claim((c) => c.kind === 'VirtualService')));

  return at(null);
}

/**
 * A decode error's dotted path (`spec.template.spec.containers.image`) with `[*]` after each
 * key whose value is a list in this object, so `resolve` searches the list's items.
 */
function wildcardPath(root: Node, dotted: string): string {
  const out: string[] = [];
  let nodes: Node[] = [root];
  for (const key of dotted.split('.')) {
    const next: Node[] = [];
    for (const n of nodes) {
      const v = isMap(n) ? (n.get(key, true) as Node | undefined) : undefined;
      if (v) next.push(v);
    }
    const list = next.find((n) => isSeq(n));
    out.push(list ? `${key}[*]` : key);
    nodes = list && isSeq(list) ? (list.items.filter(Boolean) as Node[]) : next;
  }
  return out.join('.');
}

/** The line of each ignored item: its document, then the node at its path in that document. */
export function locateIgnored(text: string, items: readonly IgnoredItem[]): (number | null)[] {
  if (!items.length) return [];
  try {
    const map = new TextMap(text);
    return items.map((item) => {
      const doc = map.docs[item.doc];
      if (!doc?.contents) return map.docLine(item.doc);
      return item.path ? map.pathLine(doc.contents, item.path).line : map.docLine(item.doc);
    });
  } catch {
    return items.map(() => null);
  }
}
