/**
 * One sync of a canary Rollout, in argo-rollouts rollout/canary.go's order: a new template
 * resets the steps; then traffic routing, the step's analysis, the ReplicaSet sizes, the pause
 * of a pause step, and the status (step completion, promotion, abort).
 */
import type { AnalysisRun, CanaryStep, ReplicaSet } from '../../api/objects';
import { fromTimestamp, toTimestamp } from '../../core/time';
import { parseDuration } from '../../core/quantity';
import {
  basicCanaryCounts,
  getCanaryReplicasOrWeight,
  getCurrentCanaryStep,
  getCurrentSetWeight,
  resolveCanarySurge,
  trafficRoutedCanaryCounts,
  type CanaryProgress,
  type RsCounts,
} from './canaryMath';
import {
  DEFAULT_ABORT_SCALE_DOWN_DELAY_S,
  DEFAULT_SCALE_DOWN_DELAY_S,
  SCALE_DOWN_DEADLINE_ANNOTATION,
  availableOf,
  recordRollout,
  rolloutReplicas,
  rsHash,
  scaleRS,
  setScaleDownDeadline,
  specOf,
} from './rolloutReplicaSets';
import {
  abort,
  addPause,
  ownedRuns,
  promoteStable,
  removePause,
  terminateRunsExcept,
  type RolloutSync,
} from './rolloutSync';
import { createAnalysisRun } from './analysis';
import { canaryStepString } from './phase';
import {
  ensureServiceTarget,
  removeManagedRoutes,
  setHeaderRoute,
  setVirtualServiceWeight,
  updateDestinationRuleHashes,
} from './trafficRouting';
import { setHttpRouteWeight } from './gatewayPlugin';

function counts(rs: ReplicaSet | undefined): RsCounts | null {
  if (!rs) return null;
  return { name: rs.metadata?.name ?? '', replicas: specOf(rs), available: availableOf(rs) };
}

function steps(s: RolloutSync): CanaryStep[] {
  return s.ro.spec.strategy?.canary?.steps ?? [];
}

/** The current step, typed as the Rollout spec's own (canaryMath sees steps loosely). */
function currentStep(s: RolloutSync): { step: CanaryStep | null; index: number | null } {
  const r = getCurrentCanaryStep(steps(s), s.st.currentStepIndex);
  return { step: r.step as CanaryStep | null, index: r.index };
}

function progress(s: RolloutSync): CanaryProgress {
  const c = s.ro.spec.strategy?.canary;
  return {
    steps: steps(s),
    currentStepIndex: s.st.currentStepIndex,
    aborted: !!s.st.abort,
    promoteFull: !!s.st.promoteFull,
    stableRS: s.st.stableRS ?? '',
    currentPodHash: s.st.currentPodHash ?? '',
    trafficRouting: !!c?.trafficRouting,
    abortScaleDownDelaySeconds: c?.abortScaleDownDelaySeconds,
  };
}

/** Desired canary (new) and stable sizes for the current step. */
function desiredCounts(s: RolloutSync): { canary: number; stable: number } {
  const c = s.ro.spec.strategy?.canary;
  const R = rolloutReplicas(s.ro);
  const want = getCanaryReplicasOrWeight(progress(s));
  if (c?.trafficRouting) {
    return trafficRoutedCanaryCounts({ replicas: R, desired: want });
  }
  const { maxSurge, maxUnavailable } = resolveCanarySurge(R, c?.maxSurge, c?.maxUnavailable);
  return basicCanaryCounts({
    replicas: R,
    desiredWeight: want.weight,
    maxSurge,
    maxUnavailable,
    newRS: counts(s.live(s.newRS)),
    stableRS: s.stableRS && s.stableRS !== s.newRS ? counts(s.live(s.stableRS)) : null,
    oldRSs: s.others.map((rs) => counts(s.live(rs))).filter((x): x is RsCounts => x !== null),
  });
}

/** replicasetutil.AtDesiredReplicaCountsForCanary */
function atDesiredCounts(s: RolloutSync): boolean {
  const d = desiredCounts(s);
  const n = s.live(s.newRS);
  const st = s.live(s.stableRS);
  if (!n || d.canary !== specOf(n) || d.canary !== availableOf(n)) return false;
  if (!st || d.stable !== specOf(st) || d.stable !== availableOf(st)) return false;
  return s.others.every((rs) => availableOf(s.live(rs)) === 0);
}

export function syncCanary(s: RolloutSync): void {
  const { st } = s;
  const hash = rsHash(s.newRS) ?? '';
  const stepCount = steps(s).length;
  if (st.currentPodHash !== hash) {
    resetForNewTemplate(s, hash, stepCount);
    return;
  }
  if (st.promoteFull) {
    st.pauseConditions = [];
    st.controllerPause = false;
    st.abort = false;
    delete st.abortedAt;
    if (stepCount) st.currentStepIndex = stepCount;
  }
  reconcileServices(s);
  reconcileTrafficRouting(s);
  const run = reconcileStepAnalysis(s);
  if (!s.ro.spec.paused && reconcileReplicaSets(s)) {
    finishStatus(s, run);
    return;
  }
  reconcilePause(s);
  finishStatus(s, run);
}

/** PodTemplateOrStepsChanged → resetRolloutStatus, with SkipSteps when going back to stable. */
function resetForNewTemplate(s: RolloutSync, hash: string, stepCount: number): void {
  const { st } = s;
  const first = st.currentPodHash === undefined;
  st.currentPodHash = hash;
  st.pauseConditions = [];
  st.controllerPause = false;
  st.abort = false;
  delete st.abortedAt;
  st.promoteFull = false;
  if (st.canary) delete st.canary.currentStepAnalysisRunStatus;
  if (stepCount) st.currentStepIndex = 0;
  else delete st.currentStepIndex;
  terminateRunsExcept(s, null);
  if (!first && st.stableRS === hash && stepCount) {
    recordRollout(s.ctx, s.ro, 'Normal', 'SkipSteps', 'Rollback to stable ReplicaSets');
    st.currentStepIndex = stepCount;
  }
  s.requeue(1);
}

/** reconcileStableAndCanaryService: each Service selects its ReplicaSet's pods once available. */
function reconcileServices(s: RolloutSync): void {
  const c = s.ro.spec.strategy?.canary;
  if (!c?.canaryService && !c?.stableService) return;
  const stable = s.live(s.stableRS) ?? s.live(s.newRS);
  ensureServiceTarget(s.ctx, s.ro, c.stableService, stable, true);
  const aborted = !!s.st.abort;
  const fully = s.st.stableRS === s.st.currentPodHash;
  ensureServiceTarget(
    s.ctx,
    s.ro,
    c.canaryService,
    aborted || fully ? stable : s.live(s.newRS),
    true,
  );
}

/** reconcileTrafficRouting for Istio: the weight that the current step and availability allow. */
function reconcileTrafficRouting(s: RolloutSync): void {
  const c = s.ro.spec.strategy?.canary;
  if (!c?.trafficRouting) return;
  const { st } = s;
  const newRS = s.live(s.newRS);
  const stableRS = s.live(s.stableRS);
  const { step, index } = currentStep(s);
  const fully = !!st.stableRS && st.stableRS === st.currentPodHash;
  let weight = 0;
  if (fully || st.abort || !newRS || availableOf(newRS) === 0) {
    removeManagedRoutes(s.ctx, s.ro);
  } else if (st.promoteFull) {
    weight = st.canary?.weights?.canary.weight ?? 0;
    removeManagedRoutes(s.ctx, s.ro);
  } else if (index !== null) {
    if (!atDesiredCounts(s)) {
      for (let i = index - 1; i >= 0; i--) {
        const w = steps(s)[i]?.setWeight;
        if (w !== undefined) {
          weight = w;
          break;
        }
      }
    } else if (index !== steps(s).length)
      weight = getCurrentSetWeight(steps(s), st.currentStepIndex, !!st.abort);
    else weight = 100;
  }
  // checkReplicasAvailable: the stable must carry what it is left with.
  if (stableRS && !fully) {
    const need = Math.ceil((rolloutReplicas(s.ro) * (100 - weight)) / 100);
    if (availableOf(stableRS) < need) return;
  }
  // Argo skips header routes at revision 1: the first install also runs step 0.
  if (step?.setHeaderRoute && s.revision > 1) setHeaderRoute(s.ctx, s.ro, step.setHeaderRoute);
  const canaryHash = rsHash(newRS);
  const stableHash = rsHash(stableRS) ?? canaryHash;
  updateDestinationRuleHashes(s.ctx, s.ro, fully ? stableHash : canaryHash, stableHash);
  setVirtualServiceWeight(s.ctx, s.ro, weight);
  setHttpRouteWeight(s.ctx, s.ro, weight);
  const prev = st.canary?.weights?.canary.weight;
  const weights = {
    canary: {
      weight,
      podTemplateHash: canaryHash ?? '',
      ...(c.canaryService ? { serviceName: c.canaryService } : {}),
    },
    stable: {
      weight: 100 - weight,
      podTemplateHash: stableHash ?? '',
      ...(c.stableService ? { serviceName: c.stableService } : {}),
    },
    verified: true,
  };
  if (prev !== weight && prev !== undefined)
    recordRollout(
      s.ctx,
      s.ro,
      'Normal',
      'TrafficWeightUpdated',
      `Traffic weight updated from ${prev} to ${weight}`,
    );
  st.canary = { ...st.canary, weights };
}

/** reconcileStepBasedAnalysisRun: a run per analysis step; failure or error aborts. */
function reconcileStepAnalysis(s: RolloutSync): AnalysisRun | undefined {
  const { st } = s;
  const { step, index } = currentStep(s);
  const fully = st.stableRS === st.currentPodHash;
  const stepRun = (r: AnalysisRun) =>
    r.metadata?.labels?.['rollout-type'] === 'Step' &&
    r.metadata.labels['step-index'] === String(index) &&
    r.metadata.labels['rollouts-pod-template-hash'] === st.currentPodHash;
  const current = ownedRuns(s).find(stepRun);
  if (!step?.analysis || index === null || fully || st.abort || st.promoteFull) {
    terminateRunsExcept(s, null);
    return undefined;
  }
  terminateRunsExcept(s, current?.metadata?.name ?? null);
  if ((st.pauseConditions ?? []).length) return current;
  const run =
    current ??
    createAnalysisRun(s.ctx, s.ro, {
      templates: step.analysis.templates ?? [],
      infix: String(index),
      type: 'Step',
      stepIndex: index,
      hash: st.currentPodHash ?? '',
      revision: s.revision,
    }) ??
    undefined;
  if (!run) return undefined;
  const phase = run.status?.phase ?? 'Running';
  const prev = st.canary?.currentStepAnalysisRunStatus;
  if (!prev || prev.name !== run.metadata?.name || prev.status !== phase) {
    recordRollout(
      s.ctx,
      s.ro,
      phase === 'Failed' || phase === 'Error' ? 'Warning' : 'Normal',
      `AnalysisRun${phase}`,
      `Step Analysis Run '${run.metadata?.name ?? ''}' Status New: '${phase}' Previous: '${prev && prev.name === run.metadata?.name ? prev.status : 'NoPreviousStatus'}'`,
    );
  }
  st.canary = {
    ...st.canary,
    currentStepAnalysisRunStatus: {
      name: run.metadata?.name ?? '',
      status: phase,
      ...(run.status?.message ? { message: run.status.message } : {}),
    },
  };
  if (phase === 'Failed' || phase === 'Error') {
    const msg = `Step-based analysis phase error/failed${run.status?.message ? `: ${run.status.message}` : ''}`;
    abort(s, msg);
  }
  return run;
}

/** reconcileCanaryReplicaSets: stable first, then the canary, then the older ones; true if it scaled. */
function reconcileReplicaSets(s: RolloutSync): boolean {
  const c = s.ro.spec.strategy?.canary;
  const d = desiredCounts(s);
  const stable = s.live(s.stableRS);
  const newRS = s.live(s.newRS);
  if (!newRS) return false;
  for (const rs of s.all) {
    // removeScaleDownDeadlines: the RSs in use lose a deadline they were given before.
    if (rs === s.newRS || rs === s.stableRS) setScaleDownDeadline(s.ctx, rs, null);
  }
  if (stable && stable !== s.newRS && rsHash(stable) !== rsHash(newRS)) {
    if (scaleRS(s.ctx, s.ro, stable, d.stable)) return true;
  }
  let canaryCount = d.canary;
  if (s.st.abort && c?.trafficRouting && canaryCount < specOf(newRS)) {
    // abortScaleDownDelaySeconds: the canary keeps its pods a while after an abort.
    const delay = (c.abortScaleDownDelaySeconds ?? DEFAULT_ABORT_SCALE_DOWN_DELAY_S) * 1000;
    const since = fromTimestamp(s.st.abortedAt) ?? s.ctx.now();
    if (s.ctx.now() < since + delay) {
      canaryCount = specOf(newRS);
      s.requeue(since + delay - s.ctx.now());
    }
  }
  if (scaleRS(s.ctx, s.ro, newRS, canaryCount)) return true;
  return scaleDownOthers(s);
}

/** scaleDownOldReplicaSetsForCanary */
function scaleDownOthers(s: RolloutSync): boolean {
  const c = s.ro.spec.strategy?.canary;
  const R = rolloutReplicas(s.ro);
  const { maxUnavailable } = resolveCanarySurge(R, c?.maxSurge, c?.maxUnavailable);
  const allLive = s.all.map((rs) => s.live(rs));
  const available = allLive.reduce((n, rs) => n + availableOf(rs), 0);
  let maxScaleDown = available - (R - maxUnavailable);
  const others = [...s.others].map((rs) => s.live(rs) as ReplicaSet).reverse();
  let scaled = false;
  for (const rs of others) {
    if (specOf(rs) === 0) continue;
    if (!c?.trafficRouting) {
      // cleanupUnhealthyReplicas first: pods that are not available cost nothing to remove.
      const unhealthy = specOf(rs) - availableOf(rs);
      if (unhealthy > 0) {
        scaled = scaleRS(s.ctx, s.ro, rs, specOf(rs) - unhealthy) || scaled;
        continue;
      }
      if (maxScaleDown <= 0) break;
      const n = Math.max(0, specOf(rs) - maxScaleDown);
      maxScaleDown -= specOf(rs) - n;
      scaled = scaleRS(s.ctx, s.ro, rs, n) || scaled;
      continue;
    }
    const fully = s.st.stableRS === s.st.currentPodHash;
    const deadline = rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
    if (fully || deadline) {
      // scaleDownDelayHelper: the previous stable keeps serving until its deadline.
      const delayS = c.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_S;
      const at = deadline ? (fromTimestamp(deadline) ?? 0) : s.ctx.now() + delayS * 1000;
      if (!deadline) setScaleDownDeadline(s.ctx, rs, toTimestamp(at));
      if (s.ctx.now() < at) {
        s.requeue(at - s.ctx.now());
        continue;
      }
    }
    scaled = scaleRS(s.ctx, s.ro, rs, 0) || scaled;
  }
  return scaled;
}

/** reconcileCanaryPause: a pause step pauses once; a timed one wakes the controller at its end. */
function reconcilePause(s: RolloutSync): void {
  const { st } = s;
  if (s.ro.spec.paused || st.promoteFull || st.abort) return;
  const { step, index } = currentStep(s);
  if (!step?.pause || index === null) return;
  const cond = (st.pauseConditions ?? []).find((p) => p.reason === 'CanaryPauseStep');
  if (!cond) {
    // No condition but controllerPause: the plugin's promote cleared it; the step is done.
    if (st.controllerPause) return;
    addPause(s, 'CanaryPauseStep');
    const d = parseDuration(step.pause.duration);
    if (d !== undefined) s.requeue(d);
    return;
  }
  const d = parseDuration(step.pause.duration);
  if (d === undefined) return;
  const end = (fromTimestamp(cond.startTime) ?? 0) + d;
  if (s.ctx.now() < end) s.requeue(end - s.ctx.now());
}

/** completedCurrentCanaryStep */
function completedStep(s: RolloutSync, run: AnalysisRun | undefined): boolean {
  const { st } = s;
  if (s.ro.spec.paused) return false;
  const { step } = currentStep(s);
  if (!step) return false;
  if (step.pause) {
    const cond = (st.pauseConditions ?? []).find((p) => p.reason === 'CanaryPauseStep');
    if (!cond) return !!st.controllerPause; // promoted: the plugin cleared the condition
    const d = parseDuration(step.pause.duration);
    return d !== undefined && s.ctx.now() >= (fromTimestamp(cond.startTime) ?? 0) + d;
  }
  if (step.setWeight !== undefined || step.setCanaryScale) return atDesiredCounts(s);
  if (step.analysis) return run?.status?.phase === 'Successful';
  if (step.setHeaderRoute) return true;
  return false;
}

/** syncRolloutStatusCanary: promotion, abort, or the next step. */
function finishStatus(s: RolloutSync, run: AnalysisRun | undefined): void {
  const { st } = s;
  const stepCount = steps(s).length;
  const reason = fullPromoteReason(s);
  if (reason) {
    promoteStable(s, reason);
    return;
  }
  if (st.abort) {
    if (stepCount) st.currentStepIndex = st.stableRS === st.currentPodHash ? stepCount : 0;
    return;
  }
  if (completedStep(s, run)) {
    const { step } = currentStep(s);
    const next = (st.currentStepIndex ?? 0) + 1;
    st.currentStepIndex = next;
    if (st.canary) delete st.canary.currentStepAnalysisRunStatus;
    recordRollout(
      s.ctx,
      s.ro,
      'Normal',
      'RolloutStepCompleted',
      `Rollout step ${next}/${stepCount} completed (${step ? canaryStepString(step) : ''})`,
    );
    removePause(s, 'CanaryPauseStep');
    s.requeue(1);
  }
}

/** shouldFullPromote for a canary. */
function fullPromoteReason(s: RolloutSync): string {
  const { st } = s;
  if (!s.stableRS && !st.stableRS) return 'Initial deploy';
  if (st.abort) return '';
  const newRS = s.live(s.newRS);
  if (!newRS || availableOf(newRS) < rolloutReplicas(s.ro)) return '';
  if (st.promoteFull) return 'Full promotion requested';
  const stepCount = steps(s).length;
  if (stepCount === 0 || st.currentStepIndex === stepCount)
    return st.stableRS === st.currentPodHash ? '' : `Completed all ${stepCount} canary steps`;
  return '';
}
