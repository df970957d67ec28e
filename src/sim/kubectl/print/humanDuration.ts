/**
 * The ages kubectl prints (AGE columns, describe's event Age, "2 (15s ago)"): apimachinery
 * pkg/util/duration.HumanDuration, about 2–3 significant figures.
 */
import { fromTimestamp } from '../../core/time';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** duration.HumanDuration for a duration in milliseconds. */
export function humanDuration(ms: number): string {
  // Go truncates toward zero (int(d.Seconds())); up to 1 s in the future counts as "now" to
  // tolerate clock skew between machines.
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 2 * MINUTE) return `${seconds}s`;
  const minutes = Math.trunc(seconds / MINUTE);
  if (minutes < 10) {
    const s = seconds % MINUTE;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.trunc(seconds / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * A stored timestamp as a client reads it back from the API server: metav1.Time is serialized
 * as RFC 3339 to the whole second (apimachinery meta/v1/time.go MarshalJSON), so the
 * milliseconds the simulation keeps for its own ordering are cut off. Undefined when absent.
 */
export function servedMs(timestamp: string | undefined | null): number | undefined {
  const t = fromTimestamp(timestamp);
  return t === undefined ? undefined : Math.floor(t / 1000) * 1000;
}

/**
 * translateTimestampSince (printers.go, describe.go): the age of an RFC 3339 timestamp at
 * `nowMs`, or `<unknown>` for a missing (Go zero) time. A metav1.Time has whole seconds as
 * served; `micro` keeps the fraction of a metav1.MicroTime (an Event's eventTime, which
 * translateMicroTimestampSince reads).
 */
export function since(timestamp: string | undefined | null, nowMs: number, micro = false): string {
  const t = micro ? fromTimestamp(timestamp) : servedMs(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t);
}
