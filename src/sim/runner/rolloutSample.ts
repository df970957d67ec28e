/**
 * The contract's `rollouts` entry (scenario-format.md §2): what `kubectl argo rollouts get
 * rollout` shows, computed as the plugin's info package does (pkg/kubectl-argo-rollouts/info
 * rollout_info.go: Step "i/n", SetWeight from the current step, ActualWeight from the canary's
 * share of available pods without a router, or the router's weight with one).
 */
import type { ReplicaSet, Rollout } from '../api/objects';
import type { RolloutSample } from './runResult';
import { controllerRef } from '../api/podIndex';
import { getCurrentCanaryStep } from '../controllers/rollout/canaryMath';
import { actualWeight, currentSetWeight } from '../controllers/rollout/phase';
import { REVISION_ANNOTATION, rsHash } from '../controllers/rollout/rolloutReplicaSets';

export function rolloutSample(ro: Rollout, replicaSets: readonly ReplicaSet[]): RolloutSample {
  const st = ro.status ?? {};
  const owned = replicaSets.filter((rs) => {
    const ref = controllerRef(rs);
    return ref?.kind === 'Rollout' && ref.uid === ro.metadata?.uid;
  });
  const byHash = (h: string | undefined) => (h ? owned.find((rs) => rsHash(rs) === h) : undefined);
  const stable = byHash(st.stableRS);
  const current = byHash(st.currentPodHash);
  const canary = ro.spec.strategy?.canary;
  const bg = ro.spec.strategy?.blueGreen;
  const steps = canary?.steps ?? [];
  let step: number | null = null;
  let setWeight: number | null = null;
  let weight: number | null = null;
  if (canary) {
    step = getCurrentCanaryStep(steps, st.currentStepIndex).index;
    setWeight = currentSetWeight(ro);
    const canaryRS = current && current !== stable ? current : undefined;
    weight = actualWeight(ro, canaryRS ? (canaryRS.status?.availableReplicas ?? 0) : null);
  }
  return {
    name: ro.metadata?.name ?? '',
    strategy: bg ? 'blueGreen' : 'canary',
    status: (st.phase as RolloutSample['status'] | undefined) ?? 'Progressing',
    message: st.message ?? null,
    step,
    steps: canary ? steps.length : null,
    setWeight,
    actualWeight: weight,
    desired: ro.spec.replicas ?? 1,
    updated: st.updatedReplicas ?? 0,
    ready: st.readyReplicas ?? 0,
    available: st.availableReplicas ?? 0,
    revision: Number(ro.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0),
    stableReplicaSet: stable?.metadata?.name ?? null,
    canaryReplicaSet:
      canary && current && current !== stable ? (current.metadata?.name ?? null) : null,
    activeService: bg?.activeService ?? null,
    previewService: bg?.previewService ?? null,
  };
}
