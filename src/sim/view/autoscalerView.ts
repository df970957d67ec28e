/**
 * The frame's view of each HorizontalPodAutoscaler: its spec and status as `kubectl get hpa`
 * shows them, and the HPA controller's latest decision with the very numbers that sync used
 * (recorded by controllers/hpa/hpa.ts), written out as arithmetic the way the Deployment
 * controller's reasoning is. Nothing here computes a replica count again: every number comes
 * from the decision record; this module only puts them into words.
 *
 * The words follow k8s-semantics.md §16 and pkg/controller/podautoscaler: replica_calculator.go
 * (GetResourceReplicas: ceil(utilization / target × pods), the 0.1 tolerance, not-ready pods
 * counted as 0 % on a scale-up) and horizontal.go (reconcileAutoscaler's min/max branches,
 * stabilizeRecommendationWithBehaviors' 300 s scale-down window,
 * convertDesiredReplicasWithBehaviorRate's limits).
 */
import type { Deployment, HorizontalPodAutoscaler } from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type { HpaDecision } from '../controllers/hpa/hpa';
import { SCALE_DOWN_WINDOW_MS, SYNC_PERIOD_MS, TOLERANCE } from '../controllers/hpa/recommend';
import { autoscalerSample } from '../runner/sample';

/** One decision of the HPA controller, its inputs and its arithmetic in words. */
export interface AutoscalerDecisionView {
  /** Simulated ms of the sync. */
  t: number;
  /** The target's spec.replicas that sync read. */
  current: number;
  /** What the HPA set (or left) spec.replicas to. */
  replicas: number;
  /** CPU utilization of the ready pods, percent of request; null when no metric was read. */
  utilization: number | null;
  readyPods: number | null;
  unreadyPods: number | null;
  /** The metric's recommendation before the stabilization window and the limits. */
  recommended: number | null;
  /**
   * Which rule decided last: the metric alone, the tolerance, the scale-down window, a bound
   * (min, max, the scale-up rate), or reconcileAutoscaler's range check.
   */
  rule: 'metric' | 'tolerance' | 'stabilization' | 'min' | 'max' | 'scaleUpLimit' | 'disabled';
  /** The arithmetic, one step a line ("CPU 88 % / 50 % × 2 pods = 3.52 → 4"). */
  lines: string[];
}

export interface AutoscalerView {
  name: string;
  /** The scale target as Kind/name ("Deployment/web") and its parts. */
  target: string;
  targetKind: string;
  targetName: string;
  min: number;
  max: number;
  /** Target CPU utilization, percent of request. */
  targetUtilization: number;
  /** status.currentMetrics' CPU utilization; null before the first measurement. */
  currentUtilization: number | null;
  /** status.currentReplicas and status.desiredReplicas (0 before the first sync). */
  currentReplicas: number;
  desiredReplicas: number;
  /** The target's spec.replicas now; null when the target does not exist. */
  specReplicas: number | null;
  /** When the controller syncs this HPA next (simulated ms); null before its first decision. */
  nextSync: number | null;
  decision: AutoscalerDecisionView | null;
  /**
   * The latest rescale, when it set back a value someone else had written to spec.replicas,
   * and no rescale came after it.
   */
  override: { t: number; from: number; to: number; text: string } | null;
  /**
   * spec.replicas differs from the HPA's latest decision (someone edited it): the value, and
   * that the next sync will decide again.
   */
  edited: number | null;
}

/** m:ss as the app's clock shows a moment, tenths only when there are any. */
export function clock(ms: number): string {
  const tenths = Math.max(0, Math.floor(ms / 100));
  const m = Math.floor(tenths / 600);
  const s = (tenths % 600) / 10;
  const text = `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** A ratio or a product with two decimals, never shown as a whole number when it is not one. */
export function decimal(x: number): string {
  if (Number.isInteger(x)) return String(x);
  for (let digits = 2; digits <= 6; digits++) {
    const text = x.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
    if (Number(text) !== Math.round(x) || digits === 6) return text;
  }
  return String(x);
}

const pods = (n: number) => `${n} ${n === 1 ? 'pod' : 'pods'}`;

/** The arithmetic of the metric step (GetResourceReplicas), in the order it ran. */
function metricLines(d: HpaDecision): string[] {
  const c = d.calc;
  if (!c) return [];
  const target = d.targetUtilization;
  const tol = `within the ${TOLERANCE} tolerance`;
  const ratio = (u: number) => decimal(u / target);
  const product = (u: number, n: number) => decimal((u / target) * n);
  const first = `CPU ${c.utilization} % / ${target} %`;
  switch (c.basis) {
    case 'tolerance':
      return [`${first} = ${ratio(c.utilization)}, ${tol} of 1: no change from ${d.current}`];
    case 'ready':
      return [
        `${first} × ${pods(c.readyPods)} = ${product(c.utilization, c.readyPods)} → ${c.desired}` +
          (c.unreadyPods ? ` (${c.unreadyPods} not ready, left out)` : ''),
      ];
    default: {
      const again = `CPU ${c.utilization} % > ${target} %: ${c.unreadyPods} not-ready ${c.unreadyPods === 1 ? 'pod counts' : 'pods count'} as 0 %`;
      const used = `${c.usedUtilization} % / ${target} %`;
      if (c.basis === 'rebalanced')
        return [
          again,
          `${used} × ${pods(c.pods)} = ${product(c.usedUtilization, c.pods)} → ${c.desired}`,
        ];
      if (c.basis === 'rebalancedTolerance')
        return [
          again,
          `${used} = ${ratio(c.usedUtilization)}, ${tol} of 1: no change from ${d.current}`,
        ];
      const fewer = (c.usedUtilization / target) * c.pods;
      return [
        again,
        c.usedUtilization < target
          ? `${used} = ${ratio(c.usedUtilization)} would scale down instead: no change from ${d.current}`
          : `${used} × ${pods(c.pods)} = ${decimal(fewer)} → ${Math.ceil(fewer)}, fewer than the ${d.current} now: no change`,
      ];
    }
  }
}

/** What the stabilization window, the rate limit and min/max did to the recommendation. */
function outcomeLine(d: HpaDecision): {
  rule: AutoscalerDecisionView['rule'];
  line: string | null;
} {
  const c = d.calc;
  const n = d.normalized;
  if (!c || !n) return { rule: 'metric', line: null };
  const change = `${d.current} → ${d.replicas}`;
  if (n.held) {
    const { highest, releaseAt } = n.held;
    const keeps =
      n.stabilized === d.current ? `holding ${n.stabilized}` : `down to ${n.stabilized} only`;
    const line =
      `${keeps}: highest recommendation in the last ${SCALE_DOWN_WINDOW_MS / 60_000} min is ` +
      `${highest.replicas} (${clock(highest.t)}); ${c.desired} at ${clock(d.t)} would be allowed from ${clock(releaseAt)}`;
    return { rule: 'stabilization', line };
  }
  if (n.limited === 'ScaleUpLimit')
    return {
      rule: 'scaleUpLimit',
      line: `${n.stabilized} is more than the scale-up limit max(2 × ${d.current}, ${d.current} + 4) = ${n.upLimit} per ${SYNC_PERIOD_MS / 1000} s: ${change}`,
    };
  if (n.limited === 'TooManyReplicas')
    return { rule: 'max', line: `${n.stabilized} is above max ${d.max}: ${change}` };
  if (n.limited === 'TooFewReplicas')
    return { rule: 'min', line: `${n.stabilized} is below min ${d.min}: ${change}` };
  const noChange = c.basis !== 'ready' && c.basis !== 'rebalanced';
  if (noChange) return { rule: 'tolerance', line: null };
  const range = `within min ${d.min}, max ${d.max}`;
  return {
    rule: 'metric',
    line: d.replicas === d.current ? `stays at ${d.current}; ${range}` : `${change}; ${range}`,
  };
}

function decisionView(d: HpaDecision): AutoscalerDecisionView {
  const base = {
    t: d.t,
    current: d.current,
    replicas: d.replicas,
    utilization: d.calc?.utilization ?? null,
    readyPods: d.calc?.readyPods ?? null,
    unreadyPods: d.calc?.unreadyPods ?? null,
    recommended: d.calc?.desired ?? null,
  };
  switch (d.range) {
    case 'disabled':
      return {
        ...base,
        rule: 'disabled',
        lines: ['replicas is 0: autoscaling is disabled until the target is scaled up again'],
      };
    case 'aboveMax':
      return {
        ...base,
        rule: 'max',
        lines: [`replicas ${d.current} is above max ${d.max}: set to ${d.max}, no metric read`],
      };
    case 'belowMin':
      return {
        ...base,
        rule: 'min',
        lines: [`replicas ${d.current} is below min ${d.min}: set to ${d.min}, no metric read`],
      };
    default: {
      const { rule, line } = outcomeLine(d);
      return { ...base, rule, lines: [...metricLines(d), ...(line ? [line] : [])] };
    }
  }
}

export function autoscalerViews(cluster: ClusterReader): AutoscalerView[] {
  return cluster
    .list<HorizontalPodAutoscaler>('HorizontalPodAutoscaler')
    .map((h) => autoscalerView(cluster, h));
}

function autoscalerView(cluster: ClusterReader, h: HorizontalPodAutoscaler): AutoscalerView {
  const s = autoscalerSample(h);
  const ref = h.spec?.scaleTargetRef;
  const targetObject =
    ref?.kind === 'Deployment' ? cluster.get<Deployment>('Deployment', ref.name) : undefined;
  const specReplicas = targetObject ? (targetObject.spec?.replicas ?? 1) : null;
  const { last, lastRescale, lastSync } = cluster.autoscalerDecisions(s.name);
  const override =
    lastRescale && lastRescale.edited && lastRescale.replicas !== lastRescale.current
      ? {
          t: lastRescale.t,
          from: lastRescale.current,
          to: lastRescale.replicas,
          text: decisionView(lastRescale).lines.join('; '),
        }
      : null;
  return {
    name: s.name,
    target: s.target,
    targetKind: ref?.kind ?? '',
    targetName: ref?.name ?? '',
    min: s.min,
    max: s.max,
    targetUtilization: s.metric.target,
    currentUtilization: s.metric.current,
    currentReplicas: s.current,
    desiredReplicas: s.desired,
    specReplicas,
    nextSync: lastSync === null ? null : lastSync + SYNC_PERIOD_MS,
    decision: last ? decisionView(last) : null,
    override,
    edited: last && specReplicas !== null && specReplicas !== last.replicas ? specReplicas : null,
  };
}
