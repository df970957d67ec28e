/**
 * "Convert to apps/v1": rewrites Deployments and ReplicaSets of a retired apiVersion
 * (retiredVersions.ts) as apps/v1 objects that behave as the old ones did. The selector the old
 * version took from the template's labels is written out, and so are the defaults it would have
 * applied where the user left a field out; fields the user set are never changed.
 *
 * The edit is made on the `yaml` package's Document (comments, quoting and blank lines survive)
 * and only the documents that changed are printed again, with the source's indentation; every
 * other document is kept byte for byte. JSON documents stay JSON.
 */
import type { Document, Node } from 'yaml';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, YAMLMap } from 'yaml';
import { goQuote } from './fieldError';
import { retiredVersion, TARGET_API_VERSION } from './retiredVersions';

export interface Conversion {
  /** The converted text (the input itself when nothing was converted). */
  text: string;
  /** What changed, for people, one line each: `Deployment "httpd": apiVersion: apps/v1beta1 → apps/v1`. */
  changes: string[];
}

type Doc = Document.Parsed;

/** Converts every retired Deployment/ReplicaSet in a (multi-document) text, List items included. */
export function convertRetiredVersions(text: string): Conversion {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(docs)) return { text, changes: [] };
  const changes: string[] = [];
  let out = '';
  let cursor = 0;
  docs.forEach((doc, i) => {
    // A document the parser could not read is left for the Problems list to explain.
    if (doc.errors.length) return;
    const found: string[] = [];
    const start = i === 0 ? 0 : doc.range[0];
    const next = docs[i + 1];
    const end = next ? next.range[0] : text.length;
    let printed: string;
    try {
      for (const obj of objectsOf(doc)) convertObject(doc, obj, found);
      if (!found.length) return;
      printed = reprint(doc, text.slice(start, end), lineCounter);
    } catch {
      return; // too deep to print again: the document stays as it was, and so does its error
    }
    changes.push(...found);
    out += text.slice(cursor, start) + printed;
    cursor = end;
  });
  return changes.length ? { text: out + text.slice(cursor), changes } : { text, changes };
}

/** Whether the text holds a retired Deployment or ReplicaSet that convertRetiredVersions converts. */
export function hasRetiredVersion(text: string): boolean {
  // Every retired version ends in v1beta1 or v1beta2: most texts need no second parse.
  if (!/v1beta[12]/.test(text)) return false;
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return false;
  return docs.some(
    (doc) =>
      !doc.errors.length &&
      objectsOf(doc).some((o) =>
        retiredVersion(scalar(o.get('apiVersion', true)), scalar(o.get('kind', true))),
      ),
  );
}

/** The objects a document holds: itself, or a `v1 List`'s items. */
function objectsOf(doc: Doc): YAMLMap[] {
  const root = doc.contents;
  if (!isMap(root)) return [];
  if (scalar(root.get('apiVersion', true)) === 'v1' && scalar(root.get('kind', true)) === 'List') {
    const items = root.get('items', true);
    return isSeq(items) ? items.items.filter((it): it is YAMLMap => isMap(it)) : [];
  }
  return [root];
}

function scalar(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

const absent = (node: unknown): boolean =>
  node === undefined || node === null || (isScalar(node) && node.value === null);

/** `{run: httpd, tier: web}`: a label map as people read it in a change line. */
function labelText(labels: unknown): string {
  if (typeof labels !== 'object' || labels === null) return '{}';
  const parts = Object.entries(labels).map(([k, v]) => `${k}: ${String(v)}`);
  return `{${parts.join(', ')}}`;
}

/** The template's labels as plain data; undefined when they cannot be read (a bad alias). */
function labelsOf(doc: Doc, labels: YAMLMap): unknown {
  try {
    return labels.toJS(doc, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

function convertObject(doc: Doc, obj: YAMLMap, changes: string[]): void {
  const apiVersion = obj.get('apiVersion', true);
  const retired = retiredVersion(scalar(apiVersion), scalar(obj.get('kind', true)));
  if (!retired || !isScalar(apiVersion)) return;
  const meta = obj.get('metadata', true);
  const name = isMap(meta) ? scalar(meta.get('name', true)) : undefined;
  const note = (s: string) =>
    changes.push(`${retired.kind} ${goQuote(typeof name === 'string' ? name : '')}: ${s}`);

  apiVersion.value = TARGET_API_VERSION;
  note(`apiVersion: ${retired.apiVersion} → ${TARGET_API_VERSION}`);
  const spec = obj.get('spec', true);
  if (!isMap(spec)) return; // nothing more to keep; validation says what is missing

  const template = spec.getIn(['template', 'metadata', 'labels'], true);
  const labels = isMap(template) && template.items.length ? labelsOf(doc, template) : undefined;
  if (labels) {
    if (absent(spec.get('selector', true))) {
      insertBefore(spec, 'template', 'selector', doc.createNode({ matchLabels: labels }));
      const why = retired.labelsFromTemplate
        ? ''
        : ` (${retired.apiVersion} required it too; apps/v1 has no default)`;
      note(`spec.selector: added from the template's labels ${labelText(labels)}${why}`);
    }
    const own = isMap(meta) ? meta.get('labels', true) : undefined;
    if (
      retired.labelsFromTemplate &&
      isMap(meta) &&
      (absent(own) || (isMap(own) && !own.items.length))
    ) {
      meta.set('labels', doc.createNode(labels));
      note(`metadata.labels: added from the template's labels ${labelText(labels)}`);
    }
  }

  const strategyType = scalar(spec.getIn(['strategy', 'type'], true));
  const rolling =
    strategyType === undefined || strategyType === null || strategyType === 'RollingUpdate';
  for (const d of retired.defaults) {
    if (d.rollingUpdateOnly && !rolling) continue;
    const value = doc.createNode(d.value);
    value.comment = ` ${retired.apiVersion}'s default${d.meaning ? `: ${d.meaning}` : ''}`;
    if (!setMissing(spec, d.path, value)) continue;
    const why = d.meaning ? `: ${d.meaning}` : '';
    note(`spec.${d.path.join('.')}: ${d.value} (${retired.apiVersion}'s default${why})`);
  }

  for (const r of retired.removed) {
    if (spec.hasIn(r.path)) {
      spec.deleteIn(r.path);
      note(`spec.${r.path.join('.')}: removed (${r.why})`);
    }
  }
}

/**
 * Sets `path` under `spec` to `value` only where it is absent, making the maps on the way (new
 * top-level fields go before `template`, where people put them). False when the user set it,
 * or when something on the way is not a map (validation will say so).
 */
function setMissing(spec: YAMLMap, path: readonly string[], value: Node): boolean {
  let map = spec;
  // A comment inside `{ … }` would break the flow collection over several lines.
  let flow = Boolean(spec.flow);
  for (let i = 0; i < path.length; i++) {
    const key = path[i] ?? '';
    const last = i === path.length - 1;
    const child = map.get(key, true);
    if (!absent(child)) {
      if (last || !isMap(child)) return false;
      map = child;
      flow ||= Boolean(child.flow);
      continue;
    }
    if (flow) delete value.comment;
    const node = last ? value : new YAMLMap();
    if (child !== undefined) map.set(key, node);
    else if (map === spec) insertBefore(spec, 'template', key, node);
    else map.set(key, node);
    if (last) return true;
    map = node as YAMLMap;
  }
  return false;
}

function insertBefore(map: YAMLMap, before: string, key: string, value: Node): void {
  map.set(key, value);
  const pair = map.items.pop();
  if (!pair) return;
  const at = map.items.findIndex((p) => scalar(p.key) === before);
  map.items.splice(at < 0 ? map.items.length : at, 0, pair);
}

/**
 * A changed document printed again in its source's layout: the `---` line kept as written,
 * the indentation and sequence style measured from the source, and its trailing blank lines.
 */
function reprint(doc: Doc, source: string, lineCounter: LineCounter): string {
  const marker = /^---[^\n]*\n?/.exec(source)?.[0] ?? '';
  const trailing = /\s*$/.exec(source)?.[0] ?? '';
  let body: string;
  if (isMap(doc.contents) && doc.contents.flow) {
    body = JSON.stringify(doc.toJS(), null, 2); // a JSON document stays JSON
  } else {
    body = doc.toString({ ...layoutOf(doc, source, lineCounter), lineWidth: 0 });
    if (body.startsWith('---')) body = body.replace(/^---[^\n]*\n/, '');
    body = keepSourceLines(source, body);
  }
  const printed = marker + body.replace(/\s*$/, '') + trailing;
  // A file saved on Windows keeps its line ends.
  return source.includes('\r\n') ? printed.replace(/\r?\n/g, '\r\n') : printed;
}

/** The source's indentation and whether its block sequences are indented under their key. */
function layoutOf(
  doc: Doc,
  source: string,
  lineCounter: LineCounter,
): { indent: number; indentSeq: boolean; flowCollectionPadding: boolean } {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const col = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).col : undefined;
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = col(pair.key as Node);
        const v = pair.value as Node | null;
        const vc = col(v);
        if (k !== undefined && vc !== undefined && (isMap(v) || isSeq(v)) && !v.flow) {
          if (isMap(v) && indent === undefined && vc > k) indent = vc - k;
          if (isSeq(v) && indentSeq === undefined) indentSeq = vc > k;
        }
        walk(v);
      }
    } else if (isSeq(node)) node.items.forEach(walk);
  };
  walk(doc.contents);
  // `{ a: b }` or `{a: b}` for new flow lines: whichever the source writes more often.
  const bare = source.replace(/#.*$/gm, '');
  const count = (re: RegExp) => bare.match(re)?.length ?? 0;
  return {
    indent: indent ?? 2,
    indentSeq: indentSeq ?? true,
    flowCollectionPadding: count(/\{ /g) >= count(/\{[^\s}]/g),
  };
}

/**
 * The printer may space flow collections differently from the source (`[ { a: b } ]` for
 * `[{ a: b }]`): a printed line with the same indentation and the same text apart from the
 * spaces around brackets and commas is the source's line, so it is taken from the source, in order.
 */
function keepSourceLines(source: string, printed: string): string {
  const key = (l: string) => {
    const indent = /^\s*/.exec(l)?.[0] ?? '';
    return `${indent}${l.trim().replace(/\s*([[\]{},])\s*/g, '$1')}`;
  };
  const unused = new Map<string, string[]>();
  for (const l of source.split('\n')) {
    const k = key(l);
    unused.set(k, [...(unused.get(k) ?? []), l]);
  }
  return printed
    .split('\n')
    .map((l) => unused.get(key(l))?.shift() ?? l)
    .join('\n');
}
