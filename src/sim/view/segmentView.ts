/**
 * Traffic rules in words, for the stage: a VirtualService route's `match` as a person reads it
 * (`user-agent ~ .*(iPhone|Android).*`, `cookie ~ group=beta`, `default`) and a client
 * segment's headers as a short name ("mobile", "cookie group=beta"). Pure.
 */
import type { TrafficSegment } from '../scenario/scenario';

export interface SegmentView {
  /** Position in `traffic.segments`: also the segment's colour (RequestSample.segment). */
  index: number;
  /** Short words for the headers: "mobile", "cookie user=beta". */
  label: string;
  /** Share of clients (0..1). */
  share: number;
  headers: Record<string, string>;
}

type Match = Record<string, unknown>;
type StringMatch = { exact?: string; prefix?: string; regex?: string };

/**
 * `^(.*?;)?(user=beta)(;.*)?$`, the usual way to match one cookie, and `.*user=beta.*` read
 * as the pair they look for.
 */
const COOKIE_REGEXES = [
  /^\^?\(\.\*\?;\)\?\((.+?)\)\(;\.\*\)\?\$?$/,
  /^\^?\.\*\(?([\w.-]+=[\w.-]+)\)?\.\*\$?$/,
];

function cookiePair(regex: string): string | undefined {
  for (const re of COOKIE_REGEXES) {
    const m = re.exec(regex)?.[1];
    if (m) return m;
  }
  return undefined;
}

function condition(name: string, m: StringMatch, negate: boolean): string {
  const not = negate ? 'not ' : '';
  if (m.exact !== undefined) return `${name} ${negate ? '≠' : '='} ${m.exact}`;
  if (m.prefix !== undefined) return `${name} ${not}starts with ${m.prefix}`;
  if (m.regex !== undefined) {
    const cookie = name === 'cookie' ? cookiePair(m.regex) : undefined;
    return `${name} ${negate ? '!~' : '~'} ${cookie ?? m.regex}`;
  }
  return negate ? `no ${name}` : `has ${name}`;
}

/** One match block: its conditions joined by "and"; blocks of a route are alternatives. */
function blockText(m: Match): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries((m.headers ?? {}) as Record<string, StringMatch>))
    parts.push(condition(k.toLowerCase(), v, false));
  for (const [k, v] of Object.entries((m.withoutHeaders ?? {}) as Record<string, StringMatch>))
    parts.push(condition(k.toLowerCase(), v, true));
  return parts.join(' and ');
}

/** A route's `match` list in words; no list (or only empty blocks) matches every request. */
export function matchText(match: readonly Match[] | undefined): string {
  const blocks = (match ?? []).map(blockText);
  if (!blocks.length || blocks.some((b) => b === '')) return 'default';
  return blocks.join(' or ');
}

const DEVICES: [RegExp, string, 'mobile' | 'desktop'][] = [
  [/iPhone/, 'iPhone', 'mobile'],
  [/iPad/, 'iPad', 'mobile'],
  [/Android/, 'Android', 'mobile'],
  [/Mobile/i, 'mobile', 'mobile'],
  [/Windows/, 'Windows', 'desktop'],
  [/Macintosh|Mac OS X/, 'Mac', 'desktop'],
  [/CrOS/, 'ChromeOS', 'desktop'],
  [/X11|Linux/, 'Linux', 'desktop'],
];

/** A cookie's telling pair: the first that is not a session or id token. */
function cookieLabel(value: string): string {
  const pairs = value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  const telling = pairs.find((p) => !/^(session|sess|sid|token|[a-z_]*id)=/i.test(p));
  return `cookie ${telling ?? pairs[0] ?? ''}`.trim();
}

function headerWords(headers: Record<string, string>, device: boolean): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const k = name.toLowerCase();
    if (k === 'user-agent') {
      const d = DEVICES.find(([re]) => re.test(value));
      parts.push(!d ? value : device && d[1] !== d[2] ? `${d[2]} · ${d[1]}` : d[2]);
    } else if (k === 'cookie') parts.push(cookieLabel(value));
    else parts.push(`${k}: ${value}`);
  }
  return parts.join(', ') || 'no headers';
}

/**
 * Short words for a segment's headers, for its place in the clients column: "mobile",
 * "cookie group=beta". Two segments that would read the same name their devices
 * ("mobile · iPhone", "mobile · Android").
 */
export function segmentLabel(headers: Record<string, string>): string {
  return headerWords(headers, false);
}

export function segmentViews(segments: readonly TrafficSegment[]): SegmentView[] {
  const plain = segments.map((s) => headerWords(s.headers, false));
  return segments.map((s, index) => ({
    index,
    label:
      plain.indexOf(plain[index] ?? '') !== plain.lastIndexOf(plain[index] ?? '')
        ? headerWords(s.headers, true)
        : (plain[index] ?? ''),
    share: s.share,
    headers: { ...s.headers },
  }));
}
