/**
 * Command-line flags as spf13/pflag parses them for cobra: interspersed with arguments,
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands
 * (`-wR`), `--` ending flags, and pflag's own error texts (pflag flag.go, errors.go).
 */

export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringSlice' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value used when the flag is given without one (`--dry-run`); bools use "true". */
  noOptDefVal?: string;
  /** pflag MarkDeprecated message. */
  deprecated?: string;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  args: string[];
  /** Deprecation notices pflag writes to stderr. */
  warnings: string[];
  /** `-h`/`--help` was given. */
  help: boolean;
}

export type FlagsResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string };

/** strconv.ParseInt(s, 0, 64) as pflag's int flags use it (base prefixes, underscores). */
export function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m || /__|_$|^[+-]?_/.test(s)) return undefined;
  const body = (m[2] ?? '').replace(/_/g, '');
  let v: number;
  if (/^0[xX]/.test(body)) v = Number.parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) v = Number.parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) v = Number.parseInt(body.slice(2), 8);
  else if (body.length > 1 && body.startsWith('0')) v = Number.parseInt(body.slice(1), 8);
  else v = Number.parseInt(body, 10);
  if (Number.isNaN(v)) return undefined;
  return m[1] === '-' ? -v : v;
}

const BOOLS: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** time.ParseDuration → milliseconds, or Go's error text. */
export function parseGoDuration(s: string): { ms: number } | { error: string } {
  const quoted = JSON.stringify(s);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ms: 0 };
  if (rest === '') return { error: `time: invalid duration ${quoted}` };
  let ns = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest);
    const digits = (num?.[1] ?? '') + (num?.[2] ?? '');
    if (digits === '' || digits === '.') return { error: `time: invalid duration ${quoted}` };
    rest = rest.slice(digits.length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return { error: `time: missing unit in duration ${quoted}` };
    const scale = UNIT_NS[unit];
    if (scale === undefined)
      return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    ns += Number(digits) * scale;
    rest = rest.slice(unit.length);
  }
  return { ms: Math.round((sign * ns) / 1e6) };
}

function convert(
  spec: FlagSpec,
  value: string,
  prev: FlagValue | undefined,
): FlagValue | { cause: string } {
  switch (spec.type) {
    case 'bool': {
      const b = BOOLS[value];
      return b === undefined
        ? { cause: `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax` }
        : b;
    }
    case 'int': {
      const n = parseGoInt(value);
      return n === undefined
        ? { cause: `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax` }
        : n;
    }
    case 'duration': {
      const d = parseGoDuration(value);
      return 'error' in d ? { cause: d.error } : d.ms;
    }
    case 'stringSlice':
      // StringSlice reads CSV; repeated flags append.
      return [...((prev as string[] | undefined) ?? []), ...(value === '' ? [] : value.split(','))];
    case 'stringArray':
      return [...((prev as string[] | undefined) ?? []), value];
    default:
      return value;
  }
}

function invalid(spec: FlagSpec, value: string, cause: string): string {
  const name = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(name)} flag: ${cause}`;
}

/** Parses `words` against `specs`; the error strings are pflag's, without kubectl's decoration. */
export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): FlagsResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short ?? '', s]));
  const flags: ParsedFlags = { values: new Map(), args: [], warnings: [], help: false };
  const set = (spec: FlagSpec, value: string): string | undefined => {
    const v = convert(spec, value, flags.values.get(spec.name));
    if (typeof v === 'object' && !Array.isArray(v)) return invalid(spec, value, v.cause);
    flags.values.set(spec.name, v);
    if (spec.deprecated)
      flags.warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}\n`);
    return undefined;
  };
  const optional = (spec: FlagSpec) =>
    spec.noOptDefVal ?? (spec.type === 'bool' ? 'true' : undefined);

  for (let i = 0; i < words.length; i++) {
    const s = words[i] ?? '';
    if (s.length < 2 || !s.startsWith('-')) {
      flags.args.push(s);
      continue;
    }
    if (s === '--') {
      flags.args.push(...words.slice(i + 1));
      break;
    }
    if (s.startsWith('--')) {
      const body = s.slice(2);
      if (body === '' || body.startsWith('-') || body.startsWith('='))
        return { ok: false, error: `bad flag syntax: ${s}` };
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) {
        if (name === 'help') {
          // pflag stops at --help (ErrHelp); cobra then prints help and exits 0.
          flags.help = true;
          return { ok: true, flags };
        }
        return { ok: false, error: `unknown flag: --${name}` };
      }
      let value: string;
      const opt = optional(spec);
      if (eq >= 0) value = body.slice(eq + 1);
      else if (opt !== undefined) value = opt;
      else if (i + 1 < words.length) value = words[++i] ?? '';
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const err = set(spec, value);
      if (err) return { ok: false, error: err };
      continue;
    }
    // One or more shorthands: -w, -wR, -oyaml, -o=yaml, -o yaml.
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts.charAt(0);
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') {
          flags.help = true;
          return { ok: true, flags };
        }
        return { ok: false, error: `unknown shorthand flag: '${c}' in ${s}` };
      }
      let value: string;
      const opt = optional(spec);
      if (shorts.length > 2 && shorts.charAt(1) === '=') {
        value = shorts.slice(2);
        shorts = '';
      } else if (opt !== undefined) {
        value = opt;
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        value = shorts.slice(1);
        shorts = '';
      } else if (i + 1 < words.length) {
        value = words[++i] ?? '';
        shorts = '';
      } else {
        return { ok: false, error: `flag needs an argument: '${c}' in ${s}` };
      }
      const err = set(spec, value);
      if (err) return { ok: false, error: err };
    }
  }
  return { ok: true, flags };
}

/** Typed accessors with the flag's default. */
export function flagString(f: ParsedFlags, name: string, def = ''): string {
  const v = f.values.get(name);
  return typeof v === 'string' ? v : def;
}
export function flagBool(f: ParsedFlags, name: string, def = false): boolean {
  const v = f.values.get(name);
  return typeof v === 'boolean' ? v : def;
}
export function flagInt(f: ParsedFlags, name: string, def: number): number {
  const v = f.values.get(name);
  return typeof v === 'number' ? v : def;
}
export function flagList(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : [];
}
