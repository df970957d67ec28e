/**
 * `kubectl get -o yaml` as kubectl writes it: cli-runtime's YAMLPrinter calls sigs.k8s.io/yaml
 * Marshal, which encodes the object to JSON and re-encodes that with go-yaml v2
 * (JSONToYAML: yaml.Unmarshal then yaml.Marshal). So: map keys in go-yaml's sort order
 * (sorter.go keyList.Less), sequences under a key not indented (an "indentless" sequence in
 * mapping context), strings that would resolve to another type double-quoted (encode.go
 * stringv + resolve.go, YAML 1.1: `"yes"`, `"y"`, `"123"`, `"2026-01-01T00:00:00Z"`), multi-line
 * strings as literal blocks, and plain or quoted scalars folded at a space once the line passes
 * column 80 (emitterc.go best_width, yaml_emitter_write_plain_scalar). Followed here:
 * go-yaml v2.4.0 emitterc.go (analyze_scalar, select_scalar_style, write_*_scalar).
 */

const BEST_WIDTH = 80;

/** The object as YAML text, ending in a newline (what `kubectl get -o yaml` prints). */
export function goYaml(value: unknown): string {
  const out: string[] = [];
  // The document root: a mapping at indent 0 (yaml.v2 writes no `---` for one document).
  if (isMap(value)) {
    if (Object.keys(value).length === 0) return '{}\n';
    writeMapping(out, value, 0);
  } else if (Array.isArray(value)) {
    if (value.length === 0) return '[]\n';
    writeSequence(out, value, 0);
  } else {
    out.push(scalar(value, 0, 0, false));
    out.push('\n');
  }
  return out.join('');
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Lines of a block mapping whose keys start at column `indent`; the first at the cursor. */
function writeMapping(out: string[], map: Record<string, unknown>, indent: number): void {
  const keys = Object.keys(map).filter((k) => map[k] !== undefined);
  keys.sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
  keys.forEach((k, i) => {
    if (i > 0) out.push(' '.repeat(indent));
    const key = scalar(k, indent, indent, true);
    out.push(key, ':');
    writeValue(out, map[k], indent, indent + key.length + 1);
  });
}

/** A sequence's items: `- ` at column `indent`; the first at the cursor. */
function writeSequence(out: string[], seq: readonly unknown[], indent: number): void {
  seq.forEach((item, i) => {
    if (i > 0) out.push(' '.repeat(indent));
    out.push('-');
    const inner = indent + 2;
    if (isMap(item) && Object.keys(item).length > 0) {
      out.push(' ');
      writeMapping(out, item, inner);
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(' ');
      writeSequence(out, item, inner);
    } else {
      out.push(' ', flowOrScalar(item, inner, inner + 0), '\n');
    }
  });
}

/** A mapping value after `key:` (the cursor at `column`). */
function writeValue(out: string[], v: unknown, indent: number, column: number): void {
  if (isMap(v) && Object.keys(v).length > 0) {
    out.push('\n', ' '.repeat(indent + 2));
    writeMapping(out, v, indent + 2);
  } else if (Array.isArray(v) && v.length > 0) {
    // An indentless sequence: its dashes at the key's column.
    out.push('\n', ' '.repeat(indent));
    writeSequence(out, v, indent);
  } else {
    out.push(' ', flowOrScalar(v, indent + 2, column + 1), '\n');
  }
}

function flowOrScalar(v: unknown, indent: number, column: number): string {
  if (isMap(v)) return '{}';
  if (Array.isArray(v)) return '[]';
  return scalar(v, indent, column, false);
}

/** One scalar; `indent` is where folded or literal lines continue, `column` where it starts. */
function scalar(v: unknown, indent: number, column: number, simpleKey: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goFloat(v);
  const s = String(v);
  const a = analyze(s);
  let style: 'plain' | 'single' | 'double' | 'literal';
  if (s.includes('\n')) style = 'literal';
  else style = resolvesToString(s) ? 'plain' : 'double';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (s.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  switch (style) {
    case 'plain':
      return folded(s, indent, column, false, !simpleKey);
    case 'single':
      return `'${folded(s.replace(/'/g, "''"), indent, column + 1, true, !simpleKey)}'`;
    case 'double':
      return doubleQuoted(s, indent, column, !simpleKey);
    case 'literal':
      return literal(s, indent);
  }
}

/**
 * Plain and single-quoted scalars: a space becomes a line break (and the indent) when the line
 * is already past column 80 and the next character is not a space (write_plain_scalar).
 */
function folded(
  s: string,
  indent: number,
  startColumn: number,
  quoted: boolean,
  allowBreaks: boolean,
): string {
  let column = startColumn;
  let out = '';
  let spaces = false;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === ' ') {
      const inner = !quoted || (i > 0 && i < chars.length - 1);
      if (allowBreaks && !spaces && column > BEST_WIDTH && inner && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      out += c;
      column++;
      spaces = false;
    }
  }
  return out;
}

/** write_double_quoted_scalar: escapes, and the same folding at spaces. */
function doubleQuoted(
  s: string,
  indent: number,
  startColumn: number,
  allowBreaks: boolean,
): string {
  let out = '"';
  let column = startColumn + 1;
  let spaces = false;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const cp = c.codePointAt(0) ?? 0;
    const esc = escapeFor(c, cp);
    if (esc !== undefined) {
      out += esc;
      column += esc.length;
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          column++;
        }
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      out += c;
      column++;
      spaces = false;
    }
  }
  return `${out}"`;
}

const NAMED_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/** The escape write_double_quoted_scalar writes for a character, if any. */
function escapeFor(c: string, cp: number): string | undefined {
  if (isPrintable(cp) && cp !== 0xfeff && !isBreak(cp) && c !== '"' && c !== '\\') return undefined;
  const named = NAMED_ESCAPES[cp];
  if (named !== undefined) return `\\${named}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** A literal block (`|`, `|-`, `|+`) whose lines sit at `indent`. */
function literal(s: string, indent: number): string {
  let hints = '';
  if (s.startsWith(' ') || s.startsWith('\n')) hints += '2';
  if (!s.endsWith('\n')) hints += '-';
  else if (s.length === 1 || s.endsWith('\n\n')) hints += '+';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const lines = body
    .split('\n')
    .map((l) => (l === '' ? '' : `${' '.repeat(indent)}${l}`))
    .join('\n');
  return `|${hints}\n${lines}`;
}

// yaml_emitter.go is_printable (UTF-8 form: tab and other C0 controls are not printable).
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function isBreak(cp: number): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, for the block context (flow_level 0). */
function analyze(s: string): Analysis {
  if (s.length === 0)
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  const chars = [...s];
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWhitespace =
      next === undefined || next === ' ' || next === '\t' || isBreak(next.codePointAt(0) ?? 0);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace)
        blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) blockIndicators = true;
    else if (c === '#' && precededByWhitespace) blockIndicators = true;
    const cp = c.codePointAt(0) ?? 0;
    if (!isPrintable(cp)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === ' ' || c === '\t' || isBreak(cp);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

const RESOLVE_MAP = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF'],
  ...['+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<'],
]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// resolve.go allowedTimestampFormats: RFC 3339 with short fields, space separated, date only.
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)| \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|[1-9][0-9]*|0[bB][01]+)$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** encode.go stringv: may the string be written plain (it reads back as a string)? */
function resolvesToString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return false;
  if (BASE60_FLOAT.test(s)) return false;
  const hint = s[0] ?? '';
  if (hint === '.') return !/^\.[0-9]/.test(s) || Number.isNaN(Number(s));
  if (!/[-+0-9]/.test(hint)) return true;
  if (TIMESTAMP.test(s)) return false;
  const plain = s.replace(/_/g, '');
  if (GO_INT.test(plain)) return false;
  if (YAML_FLOAT.test(plain)) return false;
  if (/^-0b[01]+$/.test(plain)) return false;
  return true;
}

/**
 * go-yaml's numbers: a JSON integer decodes as an int and prints as one; any other number is a
 * float64 printed with strconv.FormatFloat(f, 'g', -1, 64), which switches to an exponent
 * (two digits at least) when it is below -4 or at least 6 (ftoa.go: eprec = 6 for the shortest).
 */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '+.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mant = '', exp = '0'] = n.toExponential().split('e');
  const x = Number(exp);
  if (x < -4 || x >= 6)
    return `${mant}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  return String(n);
}

/** go-yaml v2 sorter.go keyList.Less for string keys: letters before others, digit runs by value. */
export function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] ?? '';
    const bc = br[i] ?? '';
    if (ac === bc) continue;
    const al = /\p{L}/u.test(ac);
    const bl = /\p{L}/u.test(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && /\d/.test(ar[j] ?? ''); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && /\d/.test(ar[ai] ?? ''); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && /\d/.test(br[bi] ?? ''); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return ar.length < br.length;
}
