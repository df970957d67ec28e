/**
 * What to offer at the cursor in a YAML text: the kinds (and their apiVersions) the simulator
 * serves after `kind:` / `apiVersion:`, and at a key's place the fields the simulator models
 * under the keys above it (read from indentation, as YAML nests). Plain text in, plain options
 * out, so it is tested without an editor; completionSource.ts hands it to CodeMirror.
 */
import { splitKey, type EditorSchema, type SchemaNode } from './schema';

export interface Offer {
  label: string;
  detail?: string;
  /** What is inserted (defaults to the label). */
  apply?: string;
}

export interface Offers {
  /** Where the word being completed starts (offset in the text). */
  from: number;
  options: Offer[];
}

const ITEMS = '[]';
const KEY_LINE = /^( *)(- +)?(?:([A-Za-z_$][\w.$/-]*|"[^"]*"|'[^']*'):(?:\s|$))?/;

interface Line {
  text: string;
  from: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let from = 0;
  for (const t of text.split('\n')) {
    out.push({ text: t, from });
    from += t.length + 1;
  }
  return out;
}

const isSeparator = (l: string) => /^---(\s|$)/.test(l);
const isBlank = (l: string) => /^\s*(#.*)?$/.test(l);

/** The top-level `apiVersion` and `kind` of the document around line `at`. */
function documentType(lines: Line[], at: number): { apiVersion?: string; kind?: string } {
  let start = at;
  while (start > 0 && !isSeparator(lines[start]?.text ?? '')) start--;
  let end = at;
  while (end < lines.length - 1 && !isSeparator(lines[end + 1]?.text ?? '')) end++;
  const found: { apiVersion?: string; kind?: string } = {};
  for (let i = start; i <= end; i++) {
    const m = /^(apiVersion|kind):\s*["']?([^\s"'#]+)/.exec(lines[i]?.text ?? '');
    if (m?.[1] === 'apiVersion' && m[2]) found.apiVersion = m[2];
    if (m?.[1] === 'kind' && m[2]) found.kind = m[2];
  }
  return found;
}

/** The keys (and list items) above a key written at column `col` on line `at`. */
function pathAbove(lines: Line[], at: number, col: number, dashCol: number | null): string[] {
  const path: string[] = [];
  let want = col;
  // Inside a list item, the list's key may sit at the dash's own column (`containers:\n- name`).
  let sameColumnParent = false;
  if (dashCol !== null) {
    path.unshift(ITEMS);
    want = dashCol;
    sameColumnParent = true;
  }
  for (let i = at - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? '';
    if (isSeparator(text)) break;
    if (isBlank(text)) continue;
    const m = KEY_LINE.exec(text);
    if (!m) continue;
    const ind = m[1]?.length ?? 0;
    const dash = m[2];
    const keyCol = ind + (dash?.length ?? 0);
    const key = m[3]?.replace(/^["']|["']$/g, '');
    if (dash && keyCol === want && !sameColumnParent) {
      // The first key of the list item we are in.
      path.unshift(ITEMS);
      want = ind;
      sameColumnParent = true;
      continue;
    }
    const parent = keyCol < want || (sameColumnParent && !dash && keyCol === want);
    if (!parent || key === undefined) continue;
    path.unshift(key);
    if (dash) {
      path.unshift(ITEMS);
      want = ind;
      sameColumnParent = true;
    } else {
      want = keyCol;
      sameColumnParent = false;
    }
    if (want === 0 && !sameColumnParent) break;
  }
  return path;
}

function nodeAt(root: SchemaNode | undefined, path: string[]): SchemaNode | undefined {
  let n = root;
  for (const step of path) n = step === ITEMS ? n?.items : n?.fields?.[step];
  return n;
}

export function completionsAt(text: string, pos: number, schema: EditorSchema): Offers | null {
  const lines = linesOf(text.slice(0, pos));
  const at = lines.length - 1;
  const prefix = lines[at]?.text ?? '';
  const lineFrom = lines[at]?.from ?? 0;
  const keys = Object.keys(schema).map((k) => ({ key: k, ...splitKey(k) }));
  const all = linesOf(text);
  const doc = documentType(all, at);

  const kindValue = /^kind:\s*(\w*)$/.exec(prefix);
  if (kindValue) {
    const word = kindValue[1] ?? '';
    const seen = new Set<string>();
    const options = keys
      .filter((k) => !doc.apiVersion || k.apiVersion === doc.apiVersion || !word)
      .filter((k) => !seen.has(k.kind) && seen.add(k.kind))
      .map((k) => ({ label: k.kind, detail: k.apiVersion }));
    return { from: pos - word.length, options };
  }
  const versionValue = /^apiVersion:\s*([\w./-]*)$/.exec(prefix);
  if (versionValue) {
    const word = versionValue[1] ?? '';
    const matching = keys.filter((k) => !doc.kind || k.kind === doc.kind);
    const versions = [...new Set((matching.length ? matching : keys).map((k) => k.apiVersion))];
    return {
      from: pos - word.length,
      options: versions.map((v) => ({ label: v, detail: doc.kind ?? '' })),
    };
  }
  const keyPlace = /^( *)(- +)?([A-Za-z_$][\w$]*)?$/.exec(prefix);
  if (!keyPlace) return null;
  const ind = keyPlace[1]?.length ?? 0;
  const dash = keyPlace[2];
  const col = ind + (dash?.length ?? 0);
  const path = pathAbove(all, at, col, dash ? ind : null);
  const root = doc.apiVersion && doc.kind ? schema[`${doc.apiVersion} ${doc.kind}`] : undefined;
  const top = path.length === 0 && col === 0;
  const node =
    top && !root
      ? { fields: { apiVersion: {}, kind: {}, metadata: {}, spec: {} } }
      : nodeAt(root, path);
  const fields = Object.keys(node?.fields ?? {});
  if (!fields.length) return null;
  return {
    from: lineFrom + col,
    options: fields.map((f) => ({
      label: f,
      apply: `${f}: `,
      detail: path.filter((p) => p !== ITEMS).join('.'),
    })),
  };
}
