/**
 * The HorizontalPodAutoscaler's arithmetic, pure (k8s-semantics.md §16;
 * pkg/controller/podautoscaler/replica_calculator.go and horizontal.go): utilization → desired
 * replicas with the ±10 % tolerance and the conservative treatment of unready pods, then the
 * default behavior — no scale-up window, a 300 s scale-down stabilization window, and rate
 * limits of max(+100 %, +4 pods) up and −100 % down per 15 s period.
 */
export const TOLERANCE = 0.1;
export const SYNC_PERIOD_MS = 15_000;
export const SCALE_DOWN_WINDOW_MS = 300_000;

export interface PodMetric {
  /** millicores used now */
  usage: number;
  /** millicores requested */
  request: number;
  ready: boolean;
}

export interface Calculation {
  /** Utilization of the ready pods, percent of request (what `kubectl get hpa` shows). */
  utilization: number;
  /** Replicas the metric asks for, before stabilization and rate limits. */
  desired: number;
  /**
   * Which branch of GetResourceReplicas decided: within the tolerance (no change), the ready
   * pods alone, the ratio with the not-ready pods counted as idle, or that second ratio
   * turning back (within the tolerance, or below 1, or fewer pods than now: no change).
   */
  basis: 'tolerance' | 'ready' | 'rebalanced' | 'rebalancedTolerance' | 'rebalancedReversed';
  /** Pods whose metric counted (Running and Ready). */
  readyPods: number;
  /** Pods left out of the first ratio because they are not Ready. */
  unreadyPods: number;
  /**
   * The utilization the count multiplies: `utilization`, or on a rebalanced scale-up the
   * utilization with the not-ready pods counted at 0 % (floored to a whole percent, as
   * GetResourceUtilizationRatio does).
   */
  usedUtilization: number;
  /** How many pods that ratio multiplies (ready pods, or every pod on a rebalanced scale-up). */
  pods: number;
}

const sum = (ps: readonly PodMetric[], k: 'usage' | 'request') => ps.reduce((n, p) => n + p[k], 0);

/**
 * GetResourceReplicas (replica_calculator.go): `current` is the number of replicas the target
 * has now. The sim has no missing metrics; pods that are not Ready are its ignored pods
 * (groupPods, without the CPU initialization period's finer rules).
 */
export function calculate(
  pods: readonly PodMetric[],
  targetUtilization: number,
  current: number,
): Calculation | null {
  const ready = pods.filter((p) => p.ready);
  const unready = pods.filter((p) => !p.ready);
  const readyRequest = sum(ready, 'request');
  if (ready.length === 0 || readyRequest === 0) return null;
  // GetResourceUtilizationRatio: int32(metricsTotal * 100 / requestsTotal), then / target.
  const utilization = Math.floor((sum(ready, 'usage') * 100) / readyRequest);
  const ratio = utilization / targetUtilization;
  const base = {
    utilization,
    readyPods: ready.length,
    unreadyPods: unready.length,
    usedUtilization: utilization,
    pods: ready.length,
  };
  if (unready.length === 0 || ratio <= 1) {
    // No pod to rebalance (rebalanceIgnored is false): a scale-down leaves the pods that are
    // not ready out of the ratio.
    if (Math.abs(ratio - 1) <= TOLERANCE) return { ...base, desired: current, basis: 'tolerance' };
    return { ...base, desired: Math.ceil(ratio * ready.length), basis: 'ready' };
  }
  // Scaling up: pods that are not ready yet count as using nothing, so a burst of starting
  // pods does not make the autoscaler overshoot.
  const all = [...ready, ...unready];
  const newUtilization = Math.floor((sum(ready, 'usage') * 100) / sum(all, 'request'));
  const newRatio = newUtilization / targetUtilization;
  const rebalanced = { ...base, usedUtilization: newUtilization, pods: all.length };
  if (Math.abs(newRatio - 1) <= TOLERANCE)
    return { ...rebalanced, desired: current, basis: 'rebalancedTolerance' };
  const desired = Math.ceil(newRatio * all.length);
  // "the new usage ratio would cause a change in scale direction", or "the change of metrics
  // length would cause a change in scale direction": keep the current replicas.
  if (newRatio < 1 || desired < current)
    return { ...rebalanced, desired: current, basis: 'rebalancedReversed' };
  return { ...rebalanced, desired, basis: 'rebalanced' };
}

export interface Recommendation {
  t: number;
  replicas: number;
}

export type Limit = 'TooManyReplicas' | 'TooFewReplicas' | 'ScaleUpLimit' | null;

export interface Normalized {
  /** The replicas to set. */
  replicas: number;
  /** The recommendations to keep (this one included). */
  history: Recommendation[];
  limited: Limit;
  /** After the stabilization windows, before the rate limits and min/max. */
  stabilized: number;
  /**
   * When the scale-down window held replicas above the metric's recommendation: the highest
   * recommendation in the window, and when the last recommendation that high or higher than
   * `stabilized` leaves it (simulated ms): from then on a lower size may be allowed.
   */
  held: { highest: Recommendation; releaseAt: number } | null;
  /** The most replicas this period's scale-up policy allows (max(+100 %, +4 pods)). */
  upLimit: number;
}

/**
 * stabilizeRecommendationWithBehaviors + convertDesiredReplicasWithBehaviorRate (horizontal.go)
 * for the default behavior. Returns the replicas to set and the recommendations to keep.
 */
export function normalize(
  desired: number,
  current: number,
  now: number,
  history: readonly Recommendation[],
  min: number,
  max: number,
): Normalized {
  // rec.timestamp.After(cutoff): a recommendation exactly 300 s old has left the window.
  const kept = history.filter((r) => r.t > now - SCALE_DOWN_WINDOW_MS);
  // Up: the window is 0 s, so only this recommendation counts. Down: the highest of 300 s.
  const up = desired;
  const down = kept.reduce((m, r) => Math.max(m, r.replicas), desired);
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
  const stabilized = replicas;
  let held: Normalized['held'] = null;
  if (stabilized > desired) {
    const highest = kept.reduce<Recommendation | null>(
      (h, r) => (!h || r.replicas >= h.replicas ? r : h),
      null,
    );
    const lastAsHigh = kept.filter((r) => r.replicas >= stabilized).at(-1);
    if (highest && lastAsHigh)
      held = { highest: { ...highest }, releaseAt: lastAsHigh.t + SCALE_DOWN_WINDOW_MS };
  }
  let limited: Limit = null;
  const upLimit = Math.max(current + 4, current * 2);
  if (replicas > upLimit) {
    replicas = upLimit;
    limited = 'ScaleUpLimit';
  }
  if (replicas > max) {
    replicas = max;
    limited = 'TooManyReplicas';
  }
  if (replicas < min) {
    replicas = min;
    limited = 'TooFewReplicas';
  }
  return {
    replicas,
    history: [...kept, { t: now, replicas: desired }],
    limited,
    stabilized,
    held,
    upLimit,
  };
}
