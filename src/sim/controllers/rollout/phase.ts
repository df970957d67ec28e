/**
 * How a Rollout reads to a person, computed once for the controller, the plugin's printers and
 * the UI: its phase and message (utils/rollout/rolloututil.go CalculateRolloutPhase), a canary
 * step's words (CanaryStepString) and the canary's actual weight (the plugin's
 * info/rollout_info.go ActualWeight).
 */
import type { CanaryStep, Rollout, RolloutStatus } from '../../api/objects';
import { isCompleted } from './analysis';
import { getCurrentCanaryStep, getCurrentSetWeight } from './canaryMath';
import { rolloutReplicas } from './rolloutReplicaSets';

export type RolloutPhase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';

/** spec.strategy.canary.trafficRouting.maxTrafficWeight (newer than the TS model's schema). */
export function maxTrafficWeight(ro: Rollout): number {
  const routing = ro.spec.strategy?.canary?.trafficRouting as
    { maxTrafficWeight?: number } | undefined;
  return routing?.maxTrafficWeight ?? 100;
}

/** CalculateRolloutPhase over a status the caller is building (or the stored one). */
export function calculatePhase(
  ro: Rollout,
  st: RolloutStatus = ro.status ?? {},
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
  // Argo's "rollout is restarting" (spec.restartAt) is left out: the simulator has no pod
  // restarter that would ever set status.restartedAt, so it would read that way for good.
  if ((st.updatedReplicas ?? 0) < rolloutReplicas(ro))
    return { phase: 'Progressing', message: 'more replicas need to be updated' };
  if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0))
    return { phase: 'Progressing', message: 'updated replicas are still becoming available' };
  const fullyPromoted = (st.stableRS ?? '') === (st.currentPodHash ?? '');
  const blueGreen = ro.spec.strategy?.blueGreen;
  const canary = ro.spec.strategy?.canary;
  if (blueGreen) {
    const active = st.blueGreen?.activeSelector ?? '';
    if (active === '' || active !== (st.currentPodHash ?? ''))
      return { phase: 'Progressing', message: 'active service cutover pending' };
    if (!st.stableRS || !fullyPromoted) {
      const post = st.blueGreen?.postPromotionAnalysisRunStatus?.status;
      if (blueGreen.postPromotionAnalysis && !isCompleted(post))
        return { phase: 'Progressing', message: 'waiting for analysis to complete' };
      return {
        phase: 'Progressing',
        message: 'waiting for post-promotion verification to complete',
      };
    }
  } else if (canary) {
    if (!canary.trafficRouting && (st.replicas ?? 0) > (st.updatedReplicas ?? 0))
      return { phase: 'Progressing', message: 'old replicas are pending termination' };
    if (!st.stableRS || !fullyPromoted)
      return { phase: 'Progressing', message: 'waiting for all steps to complete' };
  }
  return { phase: 'Healthy', message: '' };
}

/** CanaryStepString: a pause's duration is an IntOrString printed as written ("10", "1m"). */
export function canaryStepString(step: CanaryStep): string {
  if (step.setWeight !== undefined) return `setWeight: ${step.setWeight}`;
  if (step.pause) {
    const d = step.pause.duration;
    return d === undefined || d === null ? 'pause' : `pause: ${d}`;
  }
  if (step.experiment) return 'experiment';
  if (step.analysis) return 'analysis';
  const scale = step.setCanaryScale;
  if (scale) {
    if (scale.weight !== undefined) return `setCanaryScale{weight: ${scale.weight}}`;
    if (scale.matchTrafficWeight) return 'setCanaryScale{matchTrafficWeight: true}';
    if (scale.replicas !== undefined) return `setCanaryScale{replicas: ${scale.replicas}}`;
  }
  const plugin = (step as { plugin?: { name?: string } }).plugin;
  if (plugin) return `plugin: ${plugin.name ?? ''}`;
  if (step.setHeaderRoute) return `setHeaderRoute: ${step.setHeaderRoute.name}`;
  if (step.setMirrorRoute) return `setMirrorRoute: ${step.setMirrorRoute.name}`;
  return 'invalid';
}

/** GetCurrentSetWeight for a Rollout: the weight its current step asks for. */
export function currentSetWeight(ro: Rollout): number {
  const st = ro.status ?? {};
  return getCurrentSetWeight(
    ro.spec.strategy?.canary?.steps,
    st.currentStepIndex,
    !!st.abort,
    maxTrafficWeight(ro),
  );
}

/**
 * ActualWeight: past the last step, all of it; without a router, the canary ReplicaSet's share
 * of the available pods (Go's integer division); with one, the weight the router was given.
 * `canaryAvailable` is the canary ReplicaSet's available pods, null when there is none.
 */
export function actualWeight(ro: Rollout, canaryAvailable: number | null): number {
  const st = ro.status ?? {};
  const canary = ro.spec.strategy?.canary;
  if (getCurrentCanaryStep(canary?.steps, st.currentStepIndex).step === null)
    return maxTrafficWeight(ro);
  const available = st.availableReplicas ?? 0;
  if (available <= 0) return 0;
  if (!canary?.trafficRouting) {
    return canaryAvailable === null
      ? 0
      : Math.trunc((canaryAvailable * maxTrafficWeight(ro)) / available);
  }
  return st.canary?.weights?.canary.weight ?? currentSetWeight(ro);
}
