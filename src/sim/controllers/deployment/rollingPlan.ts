/**
 * RollingUpdate arithmetic of pkg/controller/deployment/rolling.go (§4.3, §4.4) as plans: which
 * size the new RS gets, and which old RSs are scaled down to what, in the order Go writes them.
 * All accounting uses spec.replicas sums and RS status counts, never pods.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ScaleOp } from './util';
import {
  compareByCreationTimestamp,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  planScaleReplicaSetAndRecordEvent,
  rsReplicas,
  specReplicas,
  withReplicas,
} from './util';

/**
 * reconcileNewReplicaSet: the size to scale the new RS to, or null when it stays. Above
 * spec.replicas it goes straight down to it; below, it grows into the surge room.
 */
export function reconcileNewReplicaSet(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): number | null {
  const R = specReplicas(d);
  const current = rsReplicas(newRS);
  if (current === R) return null;
  if (current > R) return R;
  const target = newRSNewReplicas(d, allRSs, newRS);
  return target === current ? null : target;
}

export interface CleanupResult {
  ops: ScaleOp[];
  /** replicas removed (Go's totalScaledDown) */
  cleaned: number;
  /** the old RSs oldest first, with the sizes after this step */
  oldRSs: ReplicaSet[];
  /** Go aborts on a stale status reporting more available than spec (already-planned ops stand) */
  error?: string;
}

/**
 * cleanupUnhealthyReplicas: oldest first, remove each old RS's unavailable replicas
 * (spec − available), at most maxCleanupCount in total. Unhealthy pods go first so a broken
 * rollout can be drained without touching availability.
 */
export function cleanupUnhealthyReplicas(
  d: Deployment,
  oldRSs: readonly ReplicaSet[],
  maxCleanupCount: number,
): CleanupResult {
  const sorted = [...oldRSs].sort(compareByCreationTimestamp);
  const ops: ScaleOp[] = [];
  let cleaned = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (cleaned >= maxCleanupCount) break;
    const rs = sorted[i] as ReplicaSet;
    const spec = rsReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const n = Math.min(maxCleanupCount - cleaned, spec - available);
    const to = spec - n;
    if (to > spec) {
      const error = `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata?.name} ${spec} -> ${to}`;
      return { ops, cleaned, oldRSs: sorted, error };
    }
    const op = planScaleReplicaSetAndRecordEvent(rs, to, d);
    if (op) ops.push(op);
    cleaned += n;
    sorted[i] = withReplicas(rs, to);
  }
  return { ops, cleaned, oldRSs: sorted };
}

export interface ScaleDownResult {
  ops: ScaleOp[];
  scaledDown: number;
  error?: string;
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: while more replicas are available than
 * spec.replicas − maxUnavailable, scale old RSs down, oldest first.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  oldRSs: readonly ReplicaSet[],
): ScaleDownResult {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  if (available <= minAvailable) return { ops: [], scaledDown: 0 };
  const budget = available - minAvailable;
  const ops: ScaleOp[] = [];
  let scaledDown = 0;
  for (const rs of [...oldRSs].sort(compareByCreationTimestamp)) {
    if (scaledDown >= budget) break;
    const spec = rsReplicas(rs);
    if (spec === 0) continue;
    const n = Math.min(spec, budget - scaledDown);
    const op = planScaleReplicaSetAndRecordEvent(rs, spec - n, d);
    if (op) ops.push(op);
    scaledDown += n;
  }
  return { ops, scaledDown };
}

/**
 * reconcileOldReplicaSets (§4.4): `oldRSs` are the old RSs with spec.replicas > 0. Unavailable
 * new pods shrink the budget, so a broken new version cannot eat into maxUnavailable.
 * Returns the scale writes in Go's order (cleanup first, then healthy scale-down).
 */
export function reconcileOldReplicaSets(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  oldRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
): ScaleOp[] {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return [];
  const allPods = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return [];

  const cleanup = cleanupUnhealthyReplicas(d, oldRSs, maxScaledDown);
  // Go swallows the error and reports "nothing scaled"; the writes already made stand.
  if (cleanup.error) return cleanup.ops;
  // Step 2 sees the sizes step 1 wrote; available counts are unchanged (only unavailable
  // replicas were removed).
  const scaleDown = scaleDownOldReplicaSetsForRollingUpdate(
    d,
    [...cleanup.oldRSs, newRS],
    cleanup.oldRSs,
  );
  return [...cleanup.ops, ...scaleDown.ops];
}
