/**
 * An object as `sim serve` sends it: `apiVersion` and `kind` first, and every timestamp the
 * simulation wrote (metadata.creationTimestamp, conditions' times, events' first and last
 * seen, annotations kubectl stamps such as restartedAt) mapped to the wall-clock instant at
 * which it happened (servedClock.ts), in whole seconds as metav1.Time serializes.
 */
import { apiVersionOf, KINDS, type ResourceKind } from '../api/kinds';
import { apiShape } from '../api/apiShape';
import { servedTimestamp, type ServedClock } from './servedClock';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function mapTimes(v: unknown, clock: ServedClock, nowWall: number): unknown {
  if (typeof v === 'string') return TIMESTAMP.test(v) ? servedTimestamp(clock, v, nowWall) : v;
  if (Array.isArray(v)) return v.map((x) => mapTimes(x, clock, nowWall));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = mapTimes(x, clock, nowWall);
    return out;
  }
  return v;
}

/** The served form of a stored (or derived) object of `kind` at wall instant `nowWall`. */
export function servedObject(
  kind: ResourceKind,
  obj: object,
  clock: ServedClock,
  nowWall: number,
  version?: string,
): Record<string, unknown> {
  // The fields of the kind's Go struct (omitempty zero values out, struct zero values in).
  const mapped = mapTimes(apiShape(obj, kind), clock, nowWall) as Record<string, unknown>;
  const { apiVersion: _a, kind: _k, ...rest } = mapped;
  void _a;
  void _k;
  const { group, versions } = KINDS[kind];
  const apiVersion =
    version !== undefined && versions.some((v) => v === version)
      ? group
        ? `${group}/${version}`
        : version
      : apiVersionOf(kind);
  return { apiVersion, kind, ...rest };
}
