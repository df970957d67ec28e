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
}

const sum = (ps: readonly PodMetric[], k: 'usage' | 'request') => ps.reduce((n, p) => n + p[k], 0);

/** GetResourceReplicas: `current` is the number of replicas the target has now. */
export function calculate(
  pods: readonly PodMetric[],
  targetUtilization: number,
  current: number,
): Calculation | null {
  const ready = pods.filter((p) => p.ready);
  const unready = pods.filter((p) => !p.ready);
  const readyRequest = sum(ready, 'request');
  if (ready.length === 0 || readyRequest === 0) return null;
  const utilization = Math.floor((sum(ready, 'usage') * 100) / readyRequest);
  const ratio = utilization / targetUtilization;
  if (Math.abs(ratio - 1) <= TOLERANCE) return { utilization, desired: current };
  if (unready.length === 0 || ratio < 1) {
    // Scaling down, pods that are not ready yet are left out of the ratio.
    return { utilization, desired: Math.ceil(ratio * ready.length) };
  }
  // Scaling up: pods that are not ready yet count as using nothing, so a burst of starting
  // pods does not make the autoscaler overshoot.
  const all = [...ready, ...unready];
  const newRatio = (sum(ready, 'usage') * 100) / sum(all, 'request') / targetUtilization;
  if (Math.abs(newRatio - 1) <= TOLERANCE || newRatio < 1) return { utilization, desired: current };
  return { utilization, desired: Math.ceil(newRatio * all.length) };
}

export interface Recommendation {
  t: number;
  replicas: number;
}

export type Limit = 'TooManyReplicas' | 'TooFewReplicas' | 'ScaleUpLimit' | null;

/**
 * stabilizeRecommendationWithBehaviors + convertDesiredReplicasWithBehaviorRate for the default
 * behavior. Returns the replicas to set and the recommendations to keep.
 */
export function normalize(
  desired: number,
  current: number,
  now: number,
  history: readonly Recommendation[],
  min: number,
  max: number,
): { replicas: number; history: Recommendation[]; limited: Limit } {
  const kept = history.filter((r) => r.t > now - SCALE_DOWN_WINDOW_MS);
  // Up: the window is 0 s, so only this recommendation counts. Down: the highest of 300 s.
  const up = desired;
  const down = kept.reduce((m, r) => Math.max(m, r.replicas), desired);
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
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
  return { replicas, history: [...kept, { t: now, replicas: desired }], limited };
}
