/**
 * `kubectl get -o json` as kubectl writes it: cli-runtime printers/json.go JSONPrinter calls
 * json.MarshalIndent(obj, "", "    ") on the unstructured object, so Go's encoding/json rules
 * apply: map keys sorted byte-wise, four-space indent, `<`, `>`, `&`, U+2028 and U+2029
 * escaped as \u003c … (HTMLEscape is on by default), empty maps and lists as `{}` and `[]`.
 */
export function goJson(value: unknown): string {
  return `${encode(value, '')}\n`;
}

function encode(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + encode(x, inner)).join(',\n')}\n${indent}]`;
  }
  const map = v as Record<string, unknown>;
  const keys = Object.keys(map)
    .filter((k) => map[k] !== undefined)
    .sort(byteOrder);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${quote(k)}: ${encode(map[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** Go sorts map keys as UTF-8 byte strings: the order of code points (not UTF-16 units). */
function byteOrder(a: string, b: string): number {
  const ac = [...a];
  const bc = [...b];
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const x = ac[i]?.codePointAt(0) ?? 0;
    const y = bc[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return ac.length - bc.length;
}

/** encoding/json's string encoder (encode.go appendString with escapeHTML). */
function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (cp < 0x20 || c === '<' || c === '>' || c === '&' || cp === 0x2028 || cp === 0x2029)
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** encoding/json floatEncoder: 'f' format, or 'e' below 1e-6 and from 1e21 (exponent cleaned). */
function goNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // e-09 → e-9, as encode.go trims the exponent's leading zero.
    return n.toExponential().replace(/e([-+])0*(\d)/, 'e$1$2');
  }
  return String(n);
}
