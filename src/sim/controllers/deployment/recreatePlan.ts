/**
 * Recreate strategy gates of pkg/controller/deployment/recreate.go (§5).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ScaleOp } from './util';
import {
  getActualReplicaCountForReplicaSets,
  planScaleReplicaSetAndRecordEvent,
  rsReplicas,
} from './util';

/**
 * oldPodsRunning: new pods may start only when no old RS reports replicas and no pod of an old
 * RS (podMap: RS uid → pods) is in a non-terminal phase — terminating, Pending and Unknown pods
 * all block until they are gone or Succeeded/Failed.
 */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podMap: ReadonlyMap<string, readonly Pod[]>,
): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}

/** scaleDownOldReplicaSetsForRecreate: every active old RS straight to 0, one write each. */
export function scaleDownOldReplicaSetsForRecreate(
  d: Deployment,
  oldRSs: readonly ReplicaSet[],
): ScaleOp[] {
  return oldRSs.flatMap((rs) =>
    rsReplicas(rs) === 0 ? [] : (planScaleReplicaSetAndRecordEvent(rs, 0, d) ?? []),
  );
}
