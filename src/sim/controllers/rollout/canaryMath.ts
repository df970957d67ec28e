/**
 * Argo Rollouts' canary replica arithmetic, ported from argo-rollouts utils/replicaset/canary.go
 * (plus the MaxSurge/MaxUnavailable resolution in utils/replicaset/replicaset.go and the
 * defaults in utils/defaults/defaults.go). Plain numbers in, plain numbers out: the caller reads
 * spec and status off the Rollout and its ReplicaSets.
 *
 * Scope: canary only, dynamicStableScale: false only (see trafficRoutedCanaryCounts).
 */

/** A ReplicaSet as the canary math sees it: spec.replicas and status.availableReplicas. */
export interface RsCounts {
  name: string;
  replicas: number;
  available: number;
}

/** spec.strategy.canary.steps[].setCanaryScale */
export interface SetCanaryScale {
  replicas?: number | undefined;
  weight?: number | undefined;
  matchTrafficWeight?: boolean | undefined;
}

/** spec.strategy.canary.steps[] (argo-rollouts pkg/apis/rollouts/v1alpha1/types.go CanaryStep). */
export interface CanaryStep {
  setWeight?: number | undefined;
  pause?: { duration?: string | number | undefined } | undefined;
  experiment?: unknown;
  analysis?: unknown;
  setCanaryScale?: SetCanaryScale | undefined;
  setHeaderRoute?: unknown;
  setMirrorRoute?: unknown;
  plugin?: unknown;
}

export interface CanaryCounts {
  canary: number;
  stable: number;
}

/** `replicas` is non-null when a setCanaryScale step pins the canary to an absolute count. */
export interface CanaryReplicasOrWeight {
  replicas: number | null;
  weight: number;
}

// argo-rollouts utils/defaults/defaults.go DefaultMaxSurge / DefaultMaxUnavailable. They are
// the strings "25" without a '%': the legacy intstr parser Argo uses reads every string as a
// percentage, so they mean 25%.
export const DEFAULT_MAX_SURGE = '25';
export const DEFAULT_MAX_UNAVAILABLE = '25';

// argo-rollouts utils/weightutil/weight.go MaxTrafficWeight: only trafficRouting.maxTrafficWeight
// changes it, so a basic canary always works in percent.
export const DEFAULT_MAX_TRAFFIC_WEIGHT = 100;

// k8s.io/apimachinery util/intstr GetValueFromIntOrPercent (the deprecated one Argo calls):
// any string, with every '%' stripped, is a percentage; a number is absolute. null stands for
// Go's error return (strconv.Atoi failing).
export function getValueFromIntOrPercent(
  intOrPercent: number | string,
  total: number,
  roundUp: boolean,
): number | null {
  if (typeof intOrPercent === 'number') return intOrPercent;
  const s = intOrPercent.replaceAll('%', '');
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const value = Number.parseInt(s, 10);
  return roundUp ? Math.ceil((value * total) / 100) : Math.floor((value * total) / 100);
}

// argo-rollouts utils/replicaset/replicaset.go resolveFenceposts. Both zero would stall the
// rollout, so maxUnavailable becomes 1; an unparseable value gives 0/0 (Go's error path, which
// validation is meant to prevent).
export function resolveFenceposts(
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = getValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (surge === null) return { surge: 0, unavailable: 0 };
  let unavailable = getValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (unavailable === null) return { surge: 0, unavailable: 0 };
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

// argo-rollouts utils/replicaset/replicaset.go MaxSurge and MaxUnavailable (canary branch),
// with defaults from utils/defaults/defaults.go GetMaxSurgeOrDefault / GetMaxUnavailableOrDefault.
// Only maxUnavailable is capped at replicas, and it is 0 for a rollout scaled to zero.
export function resolveCanarySurge(
  replicas: number,
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
): { maxSurge: number; maxUnavailable: number } {
  const { surge, unavailable } = resolveFenceposts(
    maxSurge ?? DEFAULT_MAX_SURGE,
    maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE,
    replicas,
  );
  return {
    maxSurge: surge,
    maxUnavailable: replicas === 0 ? 0 : Math.min(unavailable, replicas),
  };
}

// argo-rollouts utils/replicaset/canary.go floorCeilingTied. The product is taken after the
// division, as in Go, so the float result (and so the tie test) matches bit for bit.
export function floorCeilingTied(
  desiredWeight: number,
  maxWeight: number,
  totalReplicas: number,
): boolean {
  const x = totalReplicas * (desiredWeight / maxWeight);
  return x - Math.trunc(x) === 0.5;
}

// argo-rollouts utils/replicaset/canary.go weightDelta
export function weightDelta(
  desiredWeight: number,
  maxWeight: number,
  canaryReplicas: number,
  totalReplicas: number,
): number {
  const actualWeight = (canaryReplicas * maxWeight) / totalReplicas;
  return Math.abs(actualWeight - desiredWeight);
}

// argo-rollouts utils/replicaset/canary.go approximateWeightedCanaryStableReplicaCounts. Argo's
// parameter order is (specReplicas, desiredWeight, maxWeight, maxSurge); maxWeight comes last
// here because only traffic routing can change it. The first option with the smallest delta
// wins, so the order options are considered in is part of the result.
export function approximateWeightedCanaryStableReplicaCounts(
  specReplicas: number,
  desiredWeight: number,
  maxSurge: number,
  maxWeight: number = DEFAULT_MAX_TRAFFIC_WEIGHT,
): CanaryCounts {
  if (specReplicas === 0) return { canary: 0, stable: 0 };
  const options: { canary: number; total: number }[] = [];

  const ceilWeightedCanaryCount = Math.ceil((specReplicas * desiredWeight) / maxWeight);
  const floorWeightedCanaryCount = Math.floor((specReplicas * desiredWeight) / maxWeight);

  const tied = floorCeilingTied(desiredWeight, maxWeight, specReplicas);

  // A weight of 1..99 with 2+ pods (surge included) must give each side at least one pod.
  const zeroAllowed =
    desiredWeight === maxWeight || desiredWeight === 0 || (specReplicas === 1 && maxSurge === 0);

  if (ceilWeightedCanaryCount < specReplicas || zeroAllowed) {
    options.push({ canary: ceilWeightedCanaryCount, total: specReplicas });
  }
  if (!tied && (floorWeightedCanaryCount !== 0 || zeroAllowed)) {
    options.push({ canary: floorWeightedCanaryCount, total: specReplicas });
  }
  // With surge allowed, one extra pod (spec.replicas + 1) may approximate the weight better.
  if (maxSurge > 0) {
    options.push({ canary: ceilWeightedCanaryCount, total: specReplicas + 1 });
    const surgeIsTied = floorCeilingTied(desiredWeight, maxWeight, specReplicas + 1);
    if (!surgeIsTied && (floorWeightedCanaryCount !== 0 || zeroAllowed)) {
      options.push({ canary: floorWeightedCanaryCount, total: specReplicas + 1 });
    }
  }

  const first = options[0];
  // Unreachable in Argo too ("should not get here"); kept for the same answer.
  if (first === undefined) return { canary: 0, stable: specReplicas };

  let best = first;
  let bestDelta = weightDelta(desiredWeight, maxWeight, best.canary, best.total);
  for (const option of options.slice(1)) {
    const delta = weightDelta(desiredWeight, maxWeight, option.canary, option.total);
    if (delta < bestDelta) {
      best = option;
      bestDelta = delta;
    }
  }
  return { canary: best.canary, stable: best.total - best.canary };
}

// argo-rollouts utils/replicaset/canary.go CheckStableRSExists: a stable RS that is the new RS
// (same name) does not count, the rollout is then not mid-canary.
export function checkStableRSExists(newRS: RsCounts | null, stableRS: RsCounts | null): boolean {
  if (stableRS === null) return false;
  if (newRS === null) return true;
  return newRS.name !== stableRS.name;
}

// argo-rollouts utils/replicaset/canary.go GetReplicasForScaleDown. Surplus available pods
// (available > spec) are about to go, so they must not buy extra scale-down; ignoring
// availability lets an RS of crash-looping pods still be scaled down.
export function getReplicasForScaleDown(rs: RsCounts | null, ignoreAvailability: boolean): number {
  if (rs === null) return 0;
  if (rs.replicas < rs.available) return rs.replicas;
  if (ignoreAvailability) return rs.replicas;
  return rs.available;
}

// argo-rollouts utils/replicaset/replicaset.go GetReplicaCountForReplicaSets
function getReplicaCountForReplicaSets(rss: readonly (RsCounts | null)[]): number {
  let total = 0;
  for (const rs of rss) if (rs !== null) total += rs.replicas;
  return total;
}

// argo-rollouts utils/replicaset/canary.go calculateScaleDownReplicaCount. drainRS is the RS
// whose availability was not counted in replicasToScaleDown.
export function calculateScaleDownReplicaCount(
  drainRS: RsCounts | null,
  desireRSReplicaCount: number,
  scaleDownCount: number,
  drainRSReplicaCount: number,
): number {
  if (drainRS !== null && drainRS.replicas > desireRSReplicaCount) {
    return Math.max(desireRSReplicaCount, drainRS.replicas - scaleDownCount);
  }
  return drainRSReplicaCount;
}

// argo-rollouts utils/replicaset/canary.go adjustReplicaWithinLimits. Pulls adjustRS back under
// maxSurge, gives back as much of its lost availability as minAvailable needs, then takes any
// remaining surge out of drainRS. Returns [drainRSReplicaCount, adjustRSReplicaCount].
export function adjustReplicaWithinLimits(
  drainRS: RsCounts | null,
  adjustRS: RsCounts | null,
  drainRSReplicaCount: number,
  adjustRSReplicaCount: number,
  maxReplicaCountAllowed: number,
  minAvailableReplicaCount: number,
): [number, number] {
  let totalAvailableReplicas = 0;
  let overTheLimitVal = Math.max(
    0,
    adjustRSReplicaCount + drainRSReplicaCount - maxReplicaCountAllowed,
  );
  if (drainRS !== null) {
    totalAvailableReplicas += Math.min(drainRS.available, drainRSReplicaCount);
  }
  if (adjustRS !== null) {
    adjustRSReplicaCount -= overTheLimitVal;
    totalAvailableReplicas += Math.min(adjustRS.available, adjustRSReplicaCount);
    const extraAvailableAdjustRS = Math.max(0, adjustRS.available - adjustRSReplicaCount);
    const moreToNeedAvailableReplicas = Math.max(
      0,
      minAvailableReplicaCount - totalAvailableReplicas,
    );
    // Any shortfall beyond what adjustRS lost belongs to drainRS, and the caller only scales
    // down when there is room above minAvailable, so drainRS cannot break it.
    adjustRSReplicaCount += Math.min(extraAvailableAdjustRS, moreToNeedAvailableReplicas);
    overTheLimitVal = Math.max(
      0,
      adjustRSReplicaCount + drainRSReplicaCount - maxReplicaCountAllowed,
    );
    drainRSReplicaCount -= overTheLimitVal;
  }
  return [drainRSReplicaCount, adjustRSReplicaCount];
}

export interface BasicCanaryInput {
  /** spec.replicas (Argo defaults an absent value to 1). */
  replicas: number;
  /** getCanaryReplicasOrWeight(...).weight: 0..100. */
  desiredWeight: number;
  /** Resolved by resolveCanarySurge. */
  maxSurge: number;
  maxUnavailable: number;
  newRS: RsCounts | null;
  stableRS: RsCounts | null;
  /** Every other ReplicaSet of the rollout (neither new nor stable). */
  oldRSs: readonly RsCounts[];
}

// argo-rollouts utils/replicaset/canary.go CalculateReplicaCountsForBasicCanary. Without a
// traffic router the pod ratio is the traffic split, so counts move only within maxSurge and
// maxUnavailable: stable is scaled up before the canary, and older RSs are drained before new or
// stable is scaled down.
export function basicCanaryCounts(input: BasicCanaryInput): CanaryCounts {
  const { replicas: rolloutSpecReplica, desiredWeight, maxSurge, newRS, stableRS, oldRSs } = input;

  const desired = approximateWeightedCanaryStableReplicaCounts(
    rolloutSpecReplica,
    desiredWeight,
    maxSurge,
    DEFAULT_MAX_TRAFFIC_WEIGHT,
  );
  let desiredNewRSReplicaCount = desired.canary;
  let desiredStableRSReplicaCount = desired.stable;

  let stableRSReplicaCount = 0;
  let newRSReplicaCount = newRS === null ? 0 : newRS.replicas;

  // Argo's scaleStableRS flag, carried as the RS itself so its fields type-check.
  const scaleStableRS = checkStableRSExists(newRS, stableRS) ? stableRS : null;
  if (scaleStableRS !== null) {
    stableRSReplicaCount = scaleStableRS.replicas;
  } else {
    // No distinct stable RS: the steps do not apply, the new RS goes straight to 100%.
    desiredNewRSReplicaCount = rolloutSpecReplica;
    desiredStableRSReplicaCount = 0;
  }

  const maxReplicaCountAllowed = rolloutSpecReplica + maxSurge;

  const allRSs: (RsCounts | null)[] = [...oldRSs, newRS];
  if (scaleStableRS !== null) allRSs.push(scaleStableRS);

  const totalCurrentReplicaCount = getReplicaCountForReplicaSets(allRSs);
  let scaleUpCount = maxReplicaCountAllowed - totalCurrentReplicaCount;

  if (
    scaleStableRS !== null &&
    scaleStableRS.replicas < desiredStableRSReplicaCount &&
    scaleUpCount > 0
  ) {
    if (scaleStableRS.replicas + scaleUpCount < desiredStableRSReplicaCount) {
      stableRSReplicaCount = scaleStableRS.replicas + scaleUpCount;
      scaleUpCount = 0;
    } else {
      stableRSReplicaCount = desiredStableRSReplicaCount;
      scaleUpCount -= desiredStableRSReplicaCount - scaleStableRS.replicas;
    }
  }

  if (newRS !== null && newRS.replicas < desiredNewRSReplicaCount && scaleUpCount > 0) {
    newRSReplicaCount =
      newRS.replicas + scaleUpCount < desiredNewRSReplicaCount
        ? newRS.replicas + scaleUpCount
        : desiredNewRSReplicaCount;
  }

  // Older RSs still serve traffic, so they are scaled down before new or stable.
  if (getReplicaCountForReplicaSets(oldRSs) > 0) {
    return { canary: newRSReplicaCount, stable: stableRSReplicaCount };
  }

  const minAvailableReplicaCount = rolloutSpecReplica - input.maxUnavailable;

  // Growing the canary may ignore stable availability; shrinking it (e.g. an abort) may ignore
  // canary availability, or an RS of unready pods could never be scaled down.
  const isIncreasing = newRS === null || desiredNewRSReplicaCount >= newRS.replicas;
  // Argo passes stableRS here even when it is the new RS (not scaleStableRS); kept as is.
  const replicasToScaleDown =
    getReplicasForScaleDown(newRS, !isIncreasing) + getReplicasForScaleDown(stableRS, isIncreasing);
  if (replicasToScaleDown <= minAvailableReplicaCount) {
    return { canary: newRSReplicaCount, stable: stableRSReplicaCount };
  }

  const scaleDownCount = replicasToScaleDown - minAvailableReplicaCount;
  if (!isIncreasing) {
    newRSReplicaCount = calculateScaleDownReplicaCount(
      newRS,
      desiredNewRSReplicaCount,
      scaleDownCount,
      newRSReplicaCount,
    );
    [newRSReplicaCount, stableRSReplicaCount] = adjustReplicaWithinLimits(
      newRS,
      stableRS,
      newRSReplicaCount,
      stableRSReplicaCount,
      maxReplicaCountAllowed,
      minAvailableReplicaCount,
    );
  } else if (scaleStableRS !== null) {
    stableRSReplicaCount = calculateScaleDownReplicaCount(
      stableRS,
      desiredStableRSReplicaCount,
      scaleDownCount,
      stableRSReplicaCount,
    );
    [stableRSReplicaCount, newRSReplicaCount] = adjustReplicaWithinLimits(
      stableRS,
      newRS,
      stableRSReplicaCount,
      newRSReplicaCount,
      maxReplicaCountAllowed,
      minAvailableReplicaCount,
    );
  }
  return { canary: newRSReplicaCount, stable: stableRSReplicaCount };
}

// argo-rollouts utils/replicaset/canary.go trafficWeightToReplicas: rounds up, so any non-zero
// weight gets at least one pod.
export function trafficWeightToReplicas(
  replicas: number,
  weight: number,
  maxWeight: number = DEFAULT_MAX_TRAFFIC_WEIGHT,
): number {
  return Math.ceil((weight * replicas) / maxWeight);
}

// argo-rollouts utils/replicaset/canary.go CheckMinPodsPerReplicaSet (traffic routing only, so
// the caller decides when it applies). Capped at spec.replicas, or it could never be met.
export function checkMinPodsPerReplicaSet(
  count: number,
  minPodsPerReplicaSet: number | undefined,
  specReplicas: number,
): number {
  if (count === 0 || minPodsPerReplicaSet === undefined) return count;
  return Math.max(count, Math.min(minPodsPerReplicaSet, specReplicas));
}

export interface TrafficRoutedCanaryInput {
  /** spec.replicas */
  replicas: number;
  /** getCanaryReplicasOrWeight(...) */
  desired: CanaryReplicasOrWeight;
  /** spec.strategy.canary.trafficRouting.maxTrafficWeight (default 100). */
  maxTrafficWeight?: number | undefined;
  /** spec.strategy.canary.minPodsPerReplicaSet */
  minPodsPerReplicaSet?: number | undefined;
}

// argo-rollouts utils/replicaset/canary.go CalculateReplicaCountsForTrafficRoutedCanary with
// dynamicStableScale: false. The router, not the pod ratio, splits traffic, so the canary is
// sized from the weight directly (maxSurge/maxUnavailable play no part) and the stable stays at
// 100% so it can take all traffic back at any moment.
export function trafficRoutedCanaryCounts(input: TrafficRoutedCanaryInput): CanaryCounts {
  const rolloutSpecReplica = input.replicas;
  const maxWeight = input.maxTrafficWeight ?? DEFAULT_MAX_TRAFFIC_WEIGHT;
  const canary =
    input.desired.replicas !== null
      ? input.desired.replicas
      : checkMinPodsPerReplicaSet(
          trafficWeightToReplicas(rolloutSpecReplica, input.desired.weight, maxWeight),
          input.minPodsPerReplicaSet,
          rolloutSpecReplica,
        );
  return { canary, stable: rolloutSpecReplica };
}

// argo-rollouts utils/replicaset/canary.go GetCurrentCanaryStep. An absent currentStepIndex is
// step 0; past the last step there is no step but the index is still reported. No steps at all
// gives neither.
export function getCurrentCanaryStep(
  steps: readonly CanaryStep[] | undefined,
  currentStepIndex: number | undefined,
): { step: CanaryStep | null; index: number | null } {
  if (steps === undefined || steps.length === 0) return { step: null, index: null };
  const index = currentStepIndex ?? 0;
  const step = steps[index];
  if (step === undefined) return { step: null, index };
  return { step, index };
}

// argo-rollouts utils/replicaset/canary.go GetCurrentSetWeight. The weight in force is the last
// setWeight at or before the current step: pause/analysis steps keep it. Past the last step (or
// with no steps) the rollout is at full weight; an abort sends everything back to stable.
export function getCurrentSetWeight(
  steps: readonly CanaryStep[] | undefined,
  currentStepIndex: number | undefined,
  aborted: boolean,
  maxWeight: number = DEFAULT_MAX_TRAFFIC_WEIGHT,
): number {
  if (aborted) return 0;
  const { step, index } = getCurrentCanaryStep(steps, currentStepIndex);
  if (step === null || index === null || steps === undefined) return maxWeight;
  for (let i = index; i >= 0; i--) {
    const setWeight = steps[i]?.setWeight;
    if (setWeight !== undefined) return setWeight;
  }
  return 0;
}

/** The parts of a canary Rollout's spec and status the step/weight helpers read. */
export interface CanaryProgress {
  /** spec.strategy.canary.steps */
  steps: readonly CanaryStep[] | undefined;
  /** status.currentStepIndex */
  currentStepIndex: number | undefined;
  /** status.abort */
  aborted: boolean;
  /** status.promoteFull */
  promoteFull: boolean;
  /** status.stableRS: the stable pod-template hash, '' before the first rollout completes. */
  stableRS: string;
  /** status.currentPodHash: the new RS's pod-template hash. */
  currentPodHash: string;
  /** spec.strategy.canary.trafficRouting is set. */
  trafficRouting: boolean;
  /** spec.strategy.canary.abortScaleDownDelaySeconds */
  abortScaleDownDelaySeconds?: number | undefined;
  /** spec.strategy.canary.trafficRouting.maxTrafficWeight (default 100). */
  maxTrafficWeight?: number | undefined;
}

// argo-rollouts utils/replicaset/canary.go UseSetCanaryScale, renamed because a `use` prefix
// reads as a React hook to the lint rules. Needs a traffic router (without one the pod ratio is
// the traffic split). On abort it is dropped unless abortScaleDownDelaySeconds is exactly 0,
// which asks to leave the canary up; Argo reads that through
// defaults.GetAbortScaleDownDelaySecondsOrDefault, which is nil only for an explicit 0. A later
// matchTrafficWeight cancels an earlier setCanaryScale.
export function activeSetCanaryScale(p: CanaryProgress): SetCanaryScale | null {
  if (!p.trafficRouting) return null;
  if (p.aborted && p.abortScaleDownDelaySeconds !== 0) return null;
  const { step, index } = getCurrentCanaryStep(p.steps, p.currentStepIndex);
  if (step === null || index === null || p.steps === undefined) return null;
  for (let i = index; i >= 0; i--) {
    const scs = p.steps[i]?.setCanaryScale;
    if (scs === undefined) continue;
    if (scs.matchTrafficWeight === true) return null;
    return scs;
  }
  return null;
}

// argo-rollouts utils/weightutil/weight.go MaxTrafficWeight: trafficRouting.maxTrafficWeight
// counts only when there is a traffic router.
export function maxTrafficWeight(p: CanaryProgress): number {
  return (p.trafficRouting ? p.maxTrafficWeight : undefined) ?? DEFAULT_MAX_TRAFFIC_WEIGHT;
}

// argo-rollouts utils/replicaset/canary.go GetDesiredCanaryWeight, without its
// dynamicStableScale abort branch (out of scope), which leaves GetCurrentSetWeight.
export function getDesiredCanaryWeight(p: CanaryProgress): number {
  return getCurrentSetWeight(p.steps, p.currentStepIndex, p.aborted, maxTrafficWeight(p));
}

// argo-rollouts utils/replicaset/canary.go GetCanaryReplicasOrWeight. With no stable yet, or the
// new RS already stable, or promote --full, there is no canary phase: full weight.
export function getCanaryReplicasOrWeight(p: CanaryProgress): CanaryReplicasOrWeight {
  if (p.promoteFull || p.stableRS === '' || p.currentPodHash === p.stableRS) {
    return { replicas: null, weight: maxTrafficWeight(p) };
  }
  const scs = activeSetCanaryScale(p);
  if (scs !== null) {
    if (scs.replicas !== undefined) return { replicas: scs.replicas, weight: 0 };
    if (scs.weight !== undefined) return { replicas: null, weight: scs.weight };
  }
  return { replicas: null, weight: getDesiredCanaryWeight(p) };
}
