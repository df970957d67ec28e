/**
 * Scaling events and proportional scaling: sync.go isScalingEvent and scale() (§6). Runs when
 * the Deployment is paused or its replicas changed; never creates a ReplicaSet.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ScaleOp } from './util';
import {
  compareByCreationTimestamp,
  filterActiveReplicaSets,
  findNewReplicaSet,
  findOldReplicaSets,
  getDesiredReplicasAnnotation,
  getProportion,
  getReplicaCountForReplicaSets,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  planScaleReplicaSet,
  planScaleReplicaSetAndRecordEvent,
  rsReplicas,
  specReplicas,
} from './util';

/**
 * isScalingEvent (§3.1 step 7): some active RS (new or old) carries a desired-replicas
 * annotation that differs from spec.replicas.
 */
export function isScalingEvent(d: Deployment, rsList: readonly ReplicaSet[]): boolean {
  const newRS = findNewReplicaSet(d, rsList);
  const { allOldRSs } = findOldReplicaSets(d, rsList);
  for (const rs of filterActiveReplicaSets([...allOldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== specReplicas(d)) return true;
  }
  return false;
}

/** ReplicaSetsBySizeNewer (scale up): larger first, newer first on ties. */
function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (rsReplicas(a) === rsReplicas(b)) return compareByCreationTimestamp(b, a);
  return rsReplicas(b) - rsReplicas(a);
}

/** ReplicaSetsBySizeOlder (scale down): larger first, older first on ties. */
function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (rsReplicas(a) === rsReplicas(b)) return compareByCreationTimestamp(a, b);
  return rsReplicas(b) - rsReplicas(a);
}

/**
 * scale(): the RS writes of one scaling sync, in the order Go makes them. Entries with
 * sizeChanged false are annotation-only writes (desired/max refreshed, no event); RSs that need
 * neither are left out, as Go skips their update.
 */
export function scale(
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
): ScaleOp[] {
  const R = specReplicas(d);
  // FindActiveOrLatest sorts the caller's oldRSs newest first; Go keeps using that order below.
  const olds = [...oldRSs].sort((a, b) => compareByCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...olds, newRS]);

  // At most one active RS: it (or, with none active, the newest RS) takes all replicas.
  if (newRS === undefined && olds.length === 0) return [];
  const target =
    active.length === 0 ? (newRS ?? olds[0]) : active.length === 1 ? active[0] : undefined;
  if (target) {
    const op = planScaleReplicaSetAndRecordEvent(target, R, d);
    return op ? [op] : [];
  }

  // A saturated new RS (adopted mid-rollout): old RSs go straight to 0.
  if (isSaturated(d, newRS)) {
    return filterActiveReplicaSets(olds).flatMap(
      (rs) => planScaleReplicaSetAndRecordEvent(rs, 0, d) ?? [],
    );
  }

  // Recreate with several active RSs: nothing proportional happens.
  if (!isRollingUpdate(d)) return [];

  const allowed = R > 0 ? R + maxSurge(d) : 0;
  const toAdd = allowed - getReplicaCountForReplicaSets(active);
  const order =
    toAdd > 0 ? [...active].sort(bySizeNewer) : toAdd < 0 ? [...active].sort(bySizeOlder) : active;
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  const sizes: number[] = [];
  let added = 0;
  for (const rs of order) {
    const p = toAdd !== 0 ? getProportion(rs, d, toAdd, added) : 0;
    sizes.push(rsReplicas(rs) + p);
    added += p;
  }
  // Leftovers (rounding) go to the first RS of the order: the largest.
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, (sizes[0] ?? 0) + toAdd - added);
  return order.flatMap((rs, i) => planScaleReplicaSet(rs, sizes[i] ?? 0, d, operation) ?? []);
}
