/**
 * Parsing of the value kinds Kubernetes and the scenario format use: int-or-percent
 * (maxSurge "25%"), CPU and memory quantities ("500m", "8Gi") and Go-style durations ("1m30s").
 */

export type IntOrPercent = number | string;

const PERCENT = /^[0-9]+%$/;

/** True when `v` is a percent string the API server accepts ('[0-9]+%'). */
export function isValidPercent(v: string): boolean {
  return PERCENT.test(v);
}

/**
 * intstr.GetScaledValueFromIntOrPercent: a percent of `total`, rounded up or down; an int as is.
 * Integer arithmetic (pct*total then divide) as k8s-semantics.md §17 asks, to avoid float surprises.
 * Returns undefined for a malformed string (the caller reports the validation error).
 */
export function scaledValue(
  v: IntOrPercent | undefined | null,
  total: number,
  roundUp: boolean,
): number | undefined {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (!isValidPercent(v)) {
    // intstr also accepts a plain integer string ("3") when it is not a percent? No: a string
    // without '%' is an error in GetScaledValueFromIntOrPercent ("invalid value for IntOrString").
    return undefined;
  }
  const pct = Number.parseInt(v.slice(0, -1), 10);
  const prod = pct * total;
  return roundUp ? Math.ceil(prod / 100) : Math.floor(prod / 100);
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
const DURATION_WHOLE = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A Go-style duration ("500ms", "30s", "1m30s") or a plain number of seconds → milliseconds.
 * Returns undefined when the value is neither.
 */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v * 1000) : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s === '0') return 0;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (!DURATION_WHOLE.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(DURATION_PART)) {
    total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 0);
  }
  return Math.round(total);
}

/** Milliseconds → the shortest Go-style duration string ("1m30s", "500ms", "0s"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

/** A CPU quantity ("2", "500m", 0.5) → millicores; undefined when malformed. */
export function parseCpu(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v * 1000) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.round(m[2] === 'm' ? n : n * 1000);
}

const MEMORY_SUFFIX: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A memory quantity ("128Mi", "1G", 1048576) → bytes; undefined when malformed. */
export function parseMemory(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(v.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (MEMORY_SUFFIX[m[2] ?? ''] ?? 1));
}
