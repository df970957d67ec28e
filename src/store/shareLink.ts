/**
 * A custom scenario in a link: its text, deflate-raw compressed (CompressionStream) and
 * base64url, in the URL FRAGMENT (`#s=1.…`). Browsers never send the fragment to a server, so
 * the scenario travels from one browser to another with no server seeing it; the query keeps
 * the state it always had (`?t=…&a=…`, url.ts).
 *
 * Size limit: a link carries at most SHARE_LINK_MAX_CHARS characters in all. Browsers take far
 * more (Chrome 2 MB, Firefox about 1 MB, Safari about 80 000), but a link lives in chat
 * messages: Microsoft Teams refuses messages over about 28 KB and Slack cuts them at 40 000
 * characters, and longer URLs wrap into unreadable walls in email. 16 000 characters fit all of
 * them with room for the message around it, and hold about 12 KB of compressed text: some
 * 30 KB of YAML (measured: the catalog's largest file, 4.5 KB, makes a 1,807-character
 * fragment; the smallest, 1.5 KB, an 891-character one). Past it the app says so and offers the file.
 *
 * A link is untrusted input: reading checks the characters, stops inflating at
 * MAX_INFLATED_BYTES (a small link must not become a huge text), and requires UTF-8; every
 * failure is a sentence for the person, never an exception for the page. The text it gives is
 * only ever loaded as a scenario (parsed as data by the simulator), never run or shown as HTML.
 */
import { readBounded } from './readBounded';

export const SHARE_LINK_MAX_CHARS = 16_000;
/** Links read may be longer than we write (hand-made ones), within reason. */
export const MAX_FRAGMENT_CHARS = 2 * SHARE_LINK_MAX_CHARS;
/** What a fragment may inflate to: far above any link we make, far below a problem. */
export const MAX_INFLATED_BYTES = 1_000_000;

/** Marks the format; `.` is not base64url, so a later format can change the mark. */
const MARK = '1.';
const PARAM = 's';

export type ReadLink =
  { kind: 'none' } | { kind: 'scenario'; text: string } | { kind: 'broken'; message: string };

class Unreadable extends Error {}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1)
    throw new Unreadable('it holds characters a link of ours never has');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function through(t: CompressionStream | DecompressionStream, bytes: Uint8Array) {
  const w = t.writable.getWriter();
  w.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  w.close().catch(() => undefined);
  return t.readable as ReadableStream<Uint8Array>;
}

/** `#s=1.…` for a scenario text (the fragment, with its `#`). */
export async function scenarioFragment(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const packed = await readBounded(
    through(new CompressionStream('deflate-raw'), bytes),
    Infinity,
    (m) => new Unreadable(m),
  );
  return `#${PARAM}=${MARK}${toBase64Url(packed)}`;
}

/** The fragment's `s` value, if it has one (`#s=…`, possibly among other `&`-separated parts). */
function fragmentValue(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part.startsWith(`${PARAM}=`)) return part.slice(PARAM.length + 1);
  }
  return null;
}

/** Whether a location hash carries a scenario (without reading it). */
export function hasScenarioFragment(hash: string): boolean {
  return fragmentValue(hash) !== null;
}

/** Reads a location hash; never throws. */
export async function readScenarioFragment(hash: string): Promise<ReadLink> {
  const value = fragmentValue(hash);
  if (value === null) return { kind: 'none' };
  try {
    if (value.length > MAX_FRAGMENT_CHARS)
      throw new Unreadable(`it is ${value.length} characters long, more than a link of ours`);
    if (!value.startsWith(MARK)) throw new Unreadable('it does not start as a link of ours does');
    let bytes: Uint8Array;
    try {
      bytes = await readBounded(
        through(new DecompressionStream('deflate-raw'), fromBase64Url(value.slice(MARK.length))),
        MAX_INFLATED_BYTES,
        (m) => new Unreadable(m),
      );
    } catch (e) {
      if (e instanceof Unreadable) throw e;
      throw new Unreadable('its compressed data is cut short or altered');
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Unreadable('it does not unpack to text');
    }
    if (!text.trim()) throw new Unreadable('it holds an empty scenario');
    return { kind: 'scenario', text };
  } catch (e) {
    const why = e instanceof Unreadable ? e.message : 'it could not be read';
    return {
      kind: 'broken',
      message: `error: the link's scenario (#${PARAM}=…) could not be opened: ${why}. Part of the link may be missing; ask for the whole link, or for the file. Nothing you had open was changed.`,
    };
  }
}

export type ShareLink = { ok: true; url: string } | { ok: false; length: number; message: string };

/**
 * The link for a page address (`origin + path`, the query of its state) and, for a custom
 * scenario, its text in the fragment; or why it cannot be a link.
 */
export async function shareLink(
  base: string,
  query: string,
  text: string | null,
): Promise<ShareLink> {
  const url = `${base}${query}${text === null ? '' : await scenarioFragment(text)}`;
  if (url.length <= SHARE_LINK_MAX_CHARS) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    message: `This scenario is too big for a link: it would be ${url.length.toLocaleString('en-US')} characters long, and chat apps cut links past ${SHARE_LINK_MAX_CHARS.toLocaleString('en-US')}. Share the file instead.`,
  };
}
