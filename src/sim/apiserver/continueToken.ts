/**
 * The `continue` token of a chunked list, shaped as etcd3's storage makes it
 * (storage/etcd3 continue.go): base64 of `{"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}`,
 * where KEY is the last name served (namespace/name across namespaces). btoa is not part of the
 * pure core's library, hence the small codec.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes through encodeURIComponent's %XX escapes (no TextEncoder in the core's lib). */
function utf8(s: string): number[] {
  const out: number[] = [];
  const esc = encodeURIComponent(s);
  for (let i = 0; i < esc.length; i++) {
    if (esc.charAt(i) === '%') {
      out.push(parseInt(esc.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(esc.charCodeAt(i));
  }
  return out;
}

function fromUtf8(bytes: number[]): string {
  return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
}

function base64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

function unbase64(s: string): number[] | undefined {
  const clean = s.replace(/=+$/, '');
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return out;
}

export interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

export function encodeContinue(t: ContinueToken): string {
  return base64(utf8(JSON.stringify(t)));
}

export function decodeContinue(s: string): ContinueToken | undefined {
  const bytes = unbase64(s);
  if (!bytes) return undefined;
  try {
    const t = JSON.parse(fromUtf8(bytes)) as ContinueToken;
    return typeof t.start === 'string' && typeof t.rv === 'number' ? t : undefined;
  } catch {
    return undefined;
  }
}
