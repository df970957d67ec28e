/**
 * The address bar ↔ what is on screen, as pure functions: `?scenario=ID&speed=2&t=42.5&a=…`.
 * `a` holds the person's actions (kubectl lines, traffic and start-time changes with their
 * simulated times) as base64url JSON of compact tuples. A link is untrusted input: every field
 * is checked, and a broken parameter is dropped with a message instead of failing the page.
 */
import type { UserAction } from '../worker/protocol';
import type { TrafficSpec } from '../sim/scenario/scenario';

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
} as const;

const SCENARIO_ID = /^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/;

type Tuple =
  | [number, 'k', string]
  | [number, 't', Record<string, unknown>]
  | [number, 's', number]
  | [number, 'i', 1];

/** Raised while checking a decoded value; the message names what is wrong. */
class Invalid extends Error {}

// --- encoding -------------------------------------------------------------------------------

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Invalid('it is not base64url text');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  let bin: string;
  try {
    bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new Invalid('it is not base64url text');
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Invalid('it does not decode to UTF-8 text');
  }
}

/** Shortest decimal text for simulated seconds (ms precision). */
function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

function toTuple(a: UserAction): Tuple {
  if (a.kind === 'kubectl') return [a.t, 'k', a.line];
  if (a.kind === 'traffic') return [a.t, 't', { ...a.patch }];
  if (a.kind === 'interrupt') return [a.t, 'i', 1];
  return [a.t, 's', a.ms];
}

/** The query string (with "?") for a state; defaults (speed 1, t 0, no actions) are left out. */
export function encodeLink(state: LinkState): string {
  const p = new URLSearchParams();
  if (state.scenario) p.set('scenario', state.scenario);
  if (state.speed !== null && state.speed !== 1) p.set('speed', String(state.speed));
  if (state.t !== null && state.t > 0) p.set('t', seconds(state.t * 1000));
  if (state.actions.length) p.set('a', encodeActions(state.actions));
  const q = p.toString();
  return q ? `?${q}` : '';
}

export function encodeActions(actions: readonly UserAction[]): string {
  return toBase64Url(JSON.stringify(actions.map(toTuple)));
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

function action(v: unknown, i: number): UserAction {
  const where = `action ${i + 1}`;
  if (!Array.isArray(v) || v.length !== 3)
    throw new Invalid(`${where} must be a list [time, kind, value]`);
  const [rawT, kind, value] = v as unknown[];
  const t = finite(rawT, `${where}'s time`, 0, LINK_LIMITS.maxTimeMs);
  if (kind === 'k') return { t, kind: 'kubectl', line: text(value, `${where}'s command`) };
  if (kind === 't') return { t, kind: 'traffic', patch: trafficPatch(value, `${where}'s traffic`) };
  if (kind === 'i') return { t, kind: 'interrupt' };
  if (kind === 's')
    return {
      t,
      kind: 'startTime',
      ms: finite(value, `${where}'s start time`, 0, LINK_LIMITS.maxStartTimeMs),
    };
  throw new Invalid(`${where} has an unknown kind ${describe(kind)}`);
}

/** The actions of an `a` parameter, or an Invalid error saying why not. */
export function decodeActions(encoded: string): UserAction[] {
  if (encoded.length > LINK_LIMITS.maxEncoded) throw new Invalid('it is too long');
  const json = fromBase64Url(encoded);
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
  return raw.map(action).sort((a, b) => a.t - b.t);
}

function param(p: URLSearchParams, name: string, problems: string[], read: (v: string) => unknown) {
  const v = p.get(name);
  if (v === null) return null;
  try {
    return read(v);
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

/** Reads a query string ("?scenario=…" or a URLSearchParams); never throws. */
export function decodeLink(search: string | URLSearchParams): DecodedLink {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: string[] = [];
  const scenario = param(p, 'scenario', problems, (v) => {
    if (!SCENARIO_ID.test(v)) throw new Invalid(`${describe(v)} is not a scenario name`);
    return v;
  }) as string | null;
  const speed = param(p, 'speed', problems, (v) =>
    number(v, 'the speed', LINK_LIMITS.minSpeed, LINK_LIMITS.maxSpeed),
  ) as number | null;
  const t = param(p, 't', problems, (v) =>
    number(v, 'the time', 0, LINK_LIMITS.maxTimeMs / 1000),
  ) as number | null;
  const actions = (param(p, 'a', problems, decodeActions) as UserAction[] | null) ?? [];
  return { scenario, speed, t, actions, problems };
}
