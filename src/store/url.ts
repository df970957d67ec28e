/**
 * The address bar ↔ what is on screen, as pure functions: `?scenario=ID&speed=2&t=42.5&a=…`.
 * `a` holds the person's actions (kubectl lines, traffic and start-time changes with their
 * simulated times in whole ms) as compact tuples `[ms since the previous action, kind, value]`,
 * JSON, deflate-raw compressed (CompressionStream) and base64url, after a `1.` version mark:
 * twenty slider edits take about 250 characters instead of 2 500. Links from before (`a` as
 * base64url JSON of `[ms, kind, value]`, absolute times) still open. A link is untrusted input:
 * every field is checked, decompression stops at a size limit, and a broken parameter is
 * dropped with a message instead of failing the page.
 */
import type { UserAction } from '../worker/protocol';
import type { TrafficSpec } from '../sim/scenario/scenario';
import { readBounded } from './readBounded';

export interface LinkState {
  scenario: string | null;
  /** Simulated seconds per wall second; null = not in the link. */
  speed: number | null;
  /** Simulated seconds; null = not in the link. */
  t: number | null;
  actions: UserAction[];
}

export interface DecodedLink extends LinkState {
  /** One readable sentence per parameter that was not valid (and was ignored). */
  problems: string[];
}

export const LINK_LIMITS = {
  maxActions: 200,
  maxString: 500,
  /** Simulated ms; restoring replays everything up to here, so keep it modest. */
  maxTimeMs: 3_600_000,
  maxStartTimeMs: 600_000,
  maxRps: 20_000,
  maxClients: 100_000,
  minSpeed: 0.25,
  maxSpeed: 100,
  /** Characters of the encoded `a` parameter we are willing to decode. */
  maxEncoded: 200_000,
  /** Bytes a compressed `a` may inflate to (a small link must not become a huge one). */
  maxInflated: 400_000,
  /** Characters of a text applied from the editor (manifests are longer than a command line). */
  maxAppliedText: 100_000,
} as const;

/** Marks the compressed format; `.` is not in base64url, so old links never start with it. */
const COMPRESSED = '1.';

const SCENARIO_ID = /^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/;

type Tuple =
  | [number, 'k', string]
  | [number, 't', Record<string, unknown>]
  | [number, 's', number]
  | [number, 'i', 1]
  | [number, 'a', { text: string; file: string; edit?: { line: string; original: string } }];

/** Raised while checking a decoded value; the message names what is wrong. */
class Invalid extends Error {}

// --- encoding -------------------------------------------------------------------------------

function toBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Invalid('it is not base64url text');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  let bin: string;
  try {
    bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new Invalid('it is not base64url text');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Invalid('it does not decode to UTF-8 text');
  }
}

function fromBase64Url(s: string): string {
  return utf8(base64UrlToBytes(s));
}

/** Whether this browser can write (and read) the compressed format. */
export function canCompress(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

/** Bytes through a (de)compression stream; a failure to write shows up when reading. */
function through(
  transform: CompressionStream | DecompressionStream,
  bytes: Uint8Array,
): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable as ReadableStream<Uint8Array>;
}

async function deflate(text: string): Promise<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return readBounded(
    through(new CompressionStream('deflate-raw'), bytes),
    Infinity,
    (m) => new Invalid(m),
  );
}

/** Inflates at most LINK_LIMITS.maxInflated bytes; more, or broken data, is Invalid. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  if (!canCompress()) throw new Invalid('this browser cannot read compressed links');
  try {
    return await readBounded(
      through(new DecompressionStream('deflate-raw'), bytes),
      LINK_LIMITS.maxInflated,
      (m) => new Invalid(m),
    );
  } catch (e) {
    if (e instanceof Invalid) throw e;
    throw new Invalid('it is not compressed data');
  }
}

/** Shortest decimal text for simulated seconds (ms precision). */
function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

function toTuple(a: UserAction, t = a.t): Tuple {
  if (a.kind === 'kubectl') return [t, 'k', a.line];
  if (a.kind === 'traffic') return [t, 't', { ...a.patch }];
  if (a.kind === 'interrupt') return [t, 'i', 1];
  if (a.kind === 'applyText')
    return [t, 'a', { text: a.text, file: a.file, ...(a.edit ? { edit: { ...a.edit } } : {}) }];
  return [t, 's', a.ms];
}

/** The query string (with "?") for a state; defaults (speed 1, t 0, no actions) are left out. */
export async function encodeLink(state: LinkState): Promise<string> {
  const p = new URLSearchParams();
  if (state.scenario) p.set('scenario', state.scenario);
  if (state.speed !== null && state.speed !== 1) p.set('speed', String(state.speed));
  if (state.t !== null && state.t > 0) p.set('t', seconds(state.t * 1000));
  if (state.actions.length) p.set('a', await encodeActions(state.actions));
  const q = p.toString();
  return q ? `?${q}` : '';
}

/**
 * The compact form of the actions (whole ms, each time relative to the previous action), or
 * the older uncompressed form where the browser has no CompressionStream.
 */
export async function encodeActions(actions: readonly UserAction[]): Promise<string> {
  const sorted = [...actions].sort((a, b) => a.t - b.t);
  if (!canCompress()) return encodeActionsUncompressed(sorted);
  let prev = 0;
  const tuples = sorted.map((a) => {
    const t = Math.round(a.t);
    const tuple = toTuple(a, t - prev);
    prev = t;
    return tuple;
  });
  return COMPRESSED + bytesToBase64Url(await deflate(JSON.stringify(tuples)));
}

/** The format links had before the compact one (absolute times); still read. */
export function encodeActionsUncompressed(actions: readonly UserAction[]): string {
  return toBase64Url(JSON.stringify(actions.map((a) => toTuple(a, Math.round(a.t)))));
}

// --- decoding -------------------------------------------------------------------------------

function finite(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Invalid(`${what} must be a number, not ${describe(v)}`);
  if (v < min || v > max) throw new Invalid(`${what} must be between ${min} and ${max}, not ${v}`);
  return v;
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new Invalid(`${what} must be text, not ${describe(v)}`);
  if (v.length > LINK_LIMITS.maxString)
    throw new Invalid(`${what} is longer than ${LINK_LIMITS.maxString} characters`);
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function trafficPatch(v: unknown, where: string): Partial<TrafficSpec> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Invalid(`${where} must be an object, not ${describe(v)}`);
  const out: Partial<TrafficSpec> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (k === 'target') out.target = text(val, `${where}.target`);
    else if (k === 'rps') out.rps = finite(val, `${where}.rps`, 0, LINK_LIMITS.maxRps);
    else if (k === 'clients') {
      const n = finite(val, `${where}.clients`, 1, LINK_LIMITS.maxClients);
      if (!Number.isInteger(n)) throw new Invalid(`${where}.clients must be a whole number`);
      out.clients = n;
    } else throw new Invalid(`${where} has an unknown field "${k.slice(0, 40)}"`);
  }
  return out;
}

/** An editor's Apply or a `kubectl edit` save: texts within their own limit, nothing else. */
function appliedText(t: number, v: unknown, where: string): UserAction {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Invalid(`${where} must be an object, not ${describe(v)}`);
  const o = v as Record<string, unknown>;
  const long = (x: unknown, what: string): string => {
    if (typeof x !== 'string') throw new Invalid(`${what} must be text, not ${describe(x)}`);
    if (x.length > LINK_LIMITS.maxAppliedText)
      throw new Invalid(`${what} is longer than ${LINK_LIMITS.maxAppliedText} characters`);
    return x;
  };
  const text = long(o.text, `${where}.text`);
  const file = long(o.file, `${where}.file`);
  if (o.edit === undefined) return { t, kind: 'applyText', text, file };
  const e = o.edit as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null || Array.isArray(e))
    throw new Invalid(`${where}.edit must be an object, not ${describe(e)}`);
  const edit = {
    line: long(e.line, `${where}.edit.line`),
    original: long(e.original, `${where}.edit.original`),
  };
  return { t, kind: 'applyText', text, file, edit };
}

function action(v: unknown, i: number, base = 0): UserAction {
  const where = `action ${i + 1}`;
  if (!Array.isArray(v) || v.length !== 3)
    throw new Invalid(`${where} must be a list [time, kind, value]`);
  const [rawT, kind, value] = v as unknown[];
  // Whole ms: what the app records; an older link's fractions round to the nearest.
  const t = Math.round(base + finite(rawT, `${where}'s time`, 0, LINK_LIMITS.maxTimeMs - base));
  if (kind === 'k') return { t, kind: 'kubectl', line: text(value, `${where}'s command`) };
  if (kind === 't') return { t, kind: 'traffic', patch: trafficPatch(value, `${where}'s traffic`) };
  if (kind === 'i') return { t, kind: 'interrupt' };
  if (kind === 'a') return appliedText(t, value, `${where}'s applied text`);
  if (kind === 's')
    return {
      t,
      kind: 'startTime',
      ms: finite(value, `${where}'s start time`, 0, LINK_LIMITS.maxStartTimeMs),
    };
  throw new Invalid(`${where} has an unknown kind ${describe(kind)}`);
}

/** The actions of an `a` parameter, or an Invalid error saying why not. */
export async function decodeActions(encoded: string): Promise<UserAction[]> {
  if (encoded.length > LINK_LIMITS.maxEncoded) throw new Invalid('it is too long');
  const compressed = encoded.startsWith(COMPRESSED);
  const json = compressed
    ? utf8(await inflate(base64UrlToBytes(encoded.slice(COMPRESSED.length))))
    : fromBase64Url(encoded);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Invalid('it is not JSON');
  }
  if (!Array.isArray(raw))
    throw new Invalid(`it must hold a list of actions, not ${describe(raw)}`);
  if (raw.length > LINK_LIMITS.maxActions)
    throw new Invalid(
      `it has ${raw.length} actions; at most ${LINK_LIMITS.maxActions} are allowed`,
    );
  if (!compressed) return raw.map((v, i) => action(v, i)).sort((a, b) => a.t - b.t);
  let prev = 0;
  return raw.map((v, i) => {
    const a = action(v, i, prev);
    prev = a.t;
    return a;
  });
}

async function param(
  p: URLSearchParams,
  name: string,
  problems: string[],
  read: (v: string) => unknown,
) {
  const v = p.get(name);
  if (v === null) return null;
  try {
    return await read(v);
  } catch (e) {
    // Anything unexpected is still the link's fault, never a reason to stop the page.
    const why = e instanceof Invalid ? e.message : 'it could not be read';
    problems.push(`error: the link's "${name}" parameter is not valid: ${why}`);
    return null;
  }
}

function number(v: string, what: string, min: number, max: number): number {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(v))
    throw new Invalid(`${what} must be a number, not ${describe(v)}`);
  return finite(Number(v), what, min, max);
}

/** Reads a query string ("?scenario=…" or a URLSearchParams); never throws (or rejects). */
export async function decodeLink(search: string | URLSearchParams): Promise<DecodedLink> {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: string[] = [];
  const scenario = (await param(p, 'scenario', problems, (v) => {
    if (!SCENARIO_ID.test(v)) throw new Invalid(`${describe(v)} is not a scenario name`);
    return v;
  })) as string | null;
  const speed = (await param(p, 'speed', problems, (v) =>
    number(v, 'the speed', LINK_LIMITS.minSpeed, LINK_LIMITS.maxSpeed),
  )) as number | null;
  const t = (await param(p, 't', problems, (v) =>
    number(v, 'the time', 0, LINK_LIMITS.maxTimeMs / 1000),
  )) as number | null;
  const actions = ((await param(p, 'a', problems, decodeActions)) as UserAction[] | null) ?? [];
  return { scenario, speed, t, actions, problems };
}

// --- history entries ------------------------------------------------------------------------

/**
 * Each history entry the app makes says which scenario it belongs to (history.state), so the
 * address-bar writer never puts one scenario's state into another's entry while a new choice
 * (a pick, Back, Forward) is still loading.
 */
export interface EntryState {
  rolloutLabScenario: string;
}

export function entryState(scenario: string): EntryState {
  return { rolloutLabScenario: scenario };
}

/** The scenario an entry belongs to, or null for an entry the app did not mark. */
export function entryScenario(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const v = (state as Partial<EntryState>).rolloutLabScenario;
  return typeof v === 'string' ? v : null;
}
