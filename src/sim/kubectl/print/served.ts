/**
 * An object as the API server serializes it: metav1.Time is RFC 3339 to the second
 * ("2026-01-01T00:00:10Z"); the store keeps milliseconds for the simulation's own timing. The
 * fields are those of the kind's Go struct (api/apiShape.ts).
 */
import { apiShape } from '../../api/apiShape';

const MILLI_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function asServed<T>(doc: T): T {
  return JSON.parse(JSON.stringify(apiShape(doc)), (_k, v: unknown) =>
    typeof v === 'string' && MILLI_TIMESTAMP.test(v) ? `${v.slice(0, 19)}Z` : v,
  ) as T;
}
