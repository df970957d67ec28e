/**
 * A Rollout's phase and message (argo-rollouts utils/rollout/rolloututil.go
 * CalculateRolloutPhase), which `kubectl argo rollouts get rollout` prints as Status/Message.
 */
import type { Rollout, RolloutStatus } from '../../api/types';
import { rolloutReplicas } from './rolloutReplicaSets';

export type RolloutPhase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';

export function calculatePhase(
  ro: Rollout,
  st: RolloutStatus,
): { phase: RolloutPhase; message: string } {
  for (const c of st.conditions ?? []) {
    if (c.type === 'InvalidSpec')
      return { phase: 'Degraded', message: `InvalidSpec: ${c.message}` };
    if (c.reason === 'RolloutAborted' || c.reason === 'ProgressDeadlineExceeded')
      return { phase: 'Degraded', message: `${c.reason}: ${c.message}` };
  }
  if (ro.spec.paused) return { phase: 'Paused', message: 'manually paused' };
  const pause = st.pauseConditions?.[0];
  if (pause) return { phase: 'Paused', message: pause.reason };
  if ((st.updatedReplicas ?? 0) < rolloutReplicas(ro))
    return { phase: 'Progressing', message: 'more replicas need to be updated' };
  if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0))
    return { phase: 'Progressing', message: 'updated replicas are still becoming available' };
  const fullyPromoted = !!st.stableRS && st.stableRS === st.currentPodHash;
  if (ro.spec.strategy?.blueGreen) {
    if (!st.blueGreen?.activeSelector || st.blueGreen.activeSelector !== st.currentPodHash)
      return { phase: 'Progressing', message: 'active service cutover pending' };
    if (!fullyPromoted)
      return {
        phase: 'Progressing',
        message: 'waiting for post-promotion verification to complete',
      };
  } else if (ro.spec.strategy?.canary) {
    if (!ro.spec.strategy.canary.trafficRouting && (st.replicas ?? 0) > (st.updatedReplicas ?? 0))
      return { phase: 'Progressing', message: 'old replicas are pending termination' };
    if (!fullyPromoted)
      return { phase: 'Progressing', message: 'waiting for all steps to complete' };
  }
  return { phase: 'Healthy', message: '' };
}
