/**
 * The HorizontalPodAutoscaler controller on CPU utilization. Every 15 s it reads the CPU each
 * pod of the target used — idle CPU plus CPU per request per second served, so load follows
 * the request rate per ready pod — and writes the target's spec.replicas, which the Deployment
 * controller then handles as a scaling event (proportionally, mid-rollout).
 */
import type { Deployment, HorizontalPodAutoscaler, Pod } from '../../api/objects';
import type { Ctx } from '../context';
import { isActive, isReady } from '../../api/podState';
import { matchesSelector } from '../../api/labels';
import { podRequests } from '../../api/podIndex';
import { toTimestamp } from '../../core/time';
import {
  calculate,
  normalize,
  type Calculation,
  type Limit,
  type Normalized,
  type PodMetric,
  type Recommendation,
} from './recommend';

const SOURCE = 'horizontal-pod-autoscaler';

/** What the controller remembers between syncs (plain data, for checkpoints). */
export interface HpaMemory {
  lastT: number;
  servedByPod: Record<string, number>;
  recommendations: Recommendation[];
  /** The latest sync that reached a decision, with the exact inputs it used (for the views). */
  last?: HpaDecision;
  /** The latest decision that changed the target's replicas. */
  lastRescale?: HpaDecision;
}

/**
 * One sync's decision with the numbers it used, so a view can show the arithmetic without
 * computing anything again (src/sim/view/autoscalerView.ts).
 */
export interface HpaDecision {
  /** Simulated ms of the sync. */
  t: number;
  /** The target's spec.replicas when the sync read it (horizontal.go: scale.Spec.Replicas). */
  current: number;
  min: number;
  max: number;
  /** Target CPU utilization, percent of request. */
  targetUtilization: number;
  /**
   * reconcileAutoscaler's first branches, taken before any metric is read: the target has 0
   * replicas (autoscaling disabled), or more than max / fewer than min.
   */
  range: 'disabled' | 'aboveMax' | 'belowMin' | null;
  /** The metric and its arithmetic; null when `range` decided. */
  calc: Calculation | null;
  /** Stabilization and rate limits; null when `range` decided. */
  normalized: Omit<Normalized, 'history'> | null;
  /** What the HPA set spec.replicas to (or left it at). */
  replicas: number;
  /**
   * spec.replicas was not what the HPA had last decided (status.desiredReplicas): someone
   * else had set it since, and this decision set it back (when `replicas` differs).
   */
  edited: boolean;
}

export function cpuTarget(hpa: HorizontalPodAutoscaler): number {
  for (const m of hpa.spec?.metrics ?? []) {
    const u =
      m.type === 'Resource' && m.resource?.name === 'cpu'
        ? m.resource.target.averageUtilization
        : undefined;
    if (u !== undefined) return u;
  }
  // autoscaling/v2 with no metrics defaults to 80 % CPU (SetDefaults_HorizontalPodAutoscaler).
  return 80;
}

export function syncHpa(
  ctx: Ctx,
  name: string,
  memory: Map<string, HpaMemory>,
  servedByPod: Record<string, number>,
): void {
  const hpa = ctx.store.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', name);
  if (!hpa?.spec) return;
  const now = ctx.now();
  const mem = memory.get(name) ?? { lastT: 0, servedByPod: {}, recommendations: [] };
  const seconds = Math.max(0.001, (now - mem.lastT) / 1000);
  const first = !memory.has(name);
  memory.set(name, { ...mem, lastT: now, servedByPod: { ...servedByPod } });
  const ref = hpa.spec.scaleTargetRef;
  const target =
    ref.kind === 'Deployment' ? ctx.store.get<Deployment>('Deployment', ref.name) : undefined;
  if (!target) return warn(ctx, hpa, 'FailedGetScale', `deployments.apps "${ref.name}" not found`);
  const pods = ctx.store
    .list<Pod>('Pod')
    .filter((p) => isActive(p) && matchesSelector(target.spec?.selector, p.metadata?.labels));
  const metrics: PodMetric[] = [];
  for (const p of pods) {
    const request = podRequests(p).cpu;
    if (request === 0) {
      const container = p.spec?.containers[0]?.name ?? '';
      return warn(
        ctx,
        hpa,
        'FailedGetResourceMetric',
        `failed to get cpu utilization: missing request for cpu in container ${container} of Pod ${p.metadata?.name}`,
      );
    }
    const b = ctx.image(p.spec?.containers[0]?.image);
    const podName = p.metadata?.name ?? '';
    const rps = ((servedByPod[podName] ?? 0) - (mem.servedByPod[podName] ?? 0)) / seconds;
    metrics.push({ usage: b.idleCpu + b.cpuPerRps * rps, request, ready: isReady(p) });
  }
  const current = target.spec?.replicas ?? 1;
  const min = hpa.spec.minReplicas ?? 1;
  const max = hpa.spec.maxReplicas;
  const targetUtilization = cpuTarget(hpa);
  // recordInitialRecommendation (horizontal.go): the first sync seeds the stabilization window
  // with the target's current replicas.
  const history = !first ? mem.recommendations : [{ t: now, replicas: current }];
  const decided = {
    t: now,
    current,
    min,
    max,
    targetUtilization,
    edited: hpa.status?.desiredReplicas !== undefined && hpa.status.desiredReplicas !== current,
  };
  // reconcileAutoscaler: a target at 0 replicas is not autoscaled; one outside [min, max] is
  // brought to the bound without reading a metric.
  const range =
    current === 0 && min !== 0
      ? 'disabled'
      : current > max
        ? 'aboveMax'
        : current < min
          ? 'belowMin'
          : null;
  if (range) {
    const replicas = range === 'disabled' ? 0 : range === 'aboveMax' ? max : min;
    const decision: HpaDecision = {
      ...decided,
      range,
      calc: null,
      normalized: null,
      replicas,
    };
    const rescale = range !== 'disabled';
    memory.set(name, {
      ...mem,
      lastT: now,
      servedByPod: { ...servedByPod },
      recommendations: history,
      last: decision,
      ...(rescale ? { lastRescale: decision } : {}),
    });
    if (rescale)
      setReplicas(
        ctx,
        target,
        name,
        replicas,
        range === 'aboveMax'
          ? 'Current number of replicas above Spec.MaxReplicas'
          : 'Current number of replicas below Spec.MinReplicas',
      );
    writeStatus(ctx, hpa, rescale, now, {
      currentReplicas: current,
      desiredReplicas: replicas,
      // No metric was read this time (setStatus with no metric statuses).
      currentMetrics: [],
      conditions: rangeConditions(hpa, range, replicas, toTimestamp(now)),
    });
    return;
  }
  const calc = calculate(metrics, targetUtilization, current);
  if (!calc) {
    memory.set(name, {
      ...mem,
      lastT: now,
      servedByPod: { ...servedByPod },
      recommendations: history,
    });
    return;
  }
  const norm = normalize(calc.desired, current, now, history, min, max);
  const { history: kept, ...normalized } = norm;
  const decision: HpaDecision = {
    ...decided,
    range: null,
    calc,
    normalized,
    replicas: norm.replicas,
  };
  const rescale = norm.replicas !== current;
  memory.set(name, {
    ...mem,
    lastT: now,
    servedByPod: { ...servedByPod },
    recommendations: kept,
    last: decision,
    ...(rescale ? { lastRescale: decision } : {}),
  });
  if (rescale) {
    const reason =
      norm.replicas > current
        ? 'cpu resource utilization (percentage of request) above target'
        : 'All metrics below target';
    setReplicas(ctx, target, name, norm.replicas, reason);
  }
  const averageMilli = Math.round(
    metrics.reduce((n, m) => n + m.usage, 0) / Math.max(1, metrics.length),
  );
  writeStatus(ctx, hpa, rescale, now, {
    // horizontal.go: currentReplicas is the scale subresource's spec.replicas, not the pods seen.
    currentReplicas: current,
    desiredReplicas: norm.replicas,
    currentMetrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          current: { averageUtilization: calc.utilization, averageValue: `${averageMilli}m` },
        },
      },
    ],
    conditions: conditions(rescale, norm.replicas, norm.limited, toTimestamp(now)),
  });
}

type HpaStatus = NonNullable<HorizontalPodAutoscaler['status']>;

/**
 * Writes the HPA's status after a sync: lastScaleTime moves only when it rescaled (else the old
 * one is kept, or none), the rest is what the sync computed.
 */
function writeStatus(
  ctx: Ctx,
  hpa: HorizontalPodAutoscaler,
  rescale: boolean,
  now: number,
  rest: Omit<HpaStatus, 'lastScaleTime'>,
): void {
  const last = rescale ? toTimestamp(now) : hpa.status?.lastScaleTime;
  ctx.store.update({ ...hpa, status: { ...(last ? { lastScaleTime: last } : {}), ...rest } });
}

/** Writes the target's spec.replicas and records the event, as horizontal.go does on a rescale. */
function setReplicas(
  ctx: Ctx,
  target: Deployment,
  name: string,
  replicas: number,
  reason: string,
): void {
  const spec = {
    ...target.spec,
    selector: target.spec?.selector ?? {},
    template: target.spec?.template ?? {},
  };
  ctx.store.update({ ...target, spec: { ...spec, replicas } });
  ctx.events.record(
    'HorizontalPodAutoscaler',
    name,
    'Normal',
    'SuccessfulRescale',
    `New size: ${replicas}; reason: ${reason}`,
    SOURCE,
  );
}

/**
 * Conditions after reconcileAutoscaler's range branches: AbleToScale as set on a successful
 * scale (or SucceededGetScale when nothing was written), ScalingActive False only when scaling
 * is disabled, the rest kept as they were.
 */
function rangeConditions(
  hpa: HorizontalPodAutoscaler,
  range: 'disabled' | 'aboveMax' | 'belowMin',
  replicas: number,
  ts: string,
) {
  const kept = (type: string) => (hpa.status?.conditions ?? []).filter((c) => c.type === type);
  const able =
    range === 'disabled'
      ? {
          type: 'AbleToScale',
          status: 'True',
          reason: 'SucceededGetScale',
          message: "the HPA controller was able to get the target's current scale",
          lastTransitionTime: ts,
        }
      : {
          type: 'AbleToScale',
          status: 'True',
          reason: 'SucceededRescale',
          message: `the HPA controller was able to update the target scale to ${replicas}`,
          lastTransitionTime: ts,
        };
  const active =
    range === 'disabled'
      ? [
          {
            type: 'ScalingActive',
            status: 'False',
            reason: 'ScalingDisabled',
            message: 'scaling is disabled since the replica count of the target is zero',
            lastTransitionTime: ts,
          },
        ]
      : kept('ScalingActive');
  return [able, ...active, ...kept('ScalingLimited')];
}

/** The three HPA conditions as `kubectl describe hpa` lists them. */
function conditions(rescale: boolean, replicas: number, limited: Limit, ts: string) {
  const limitedCond =
    limited === 'TooManyReplicas' || limited === 'TooFewReplicas'
      ? {
          type: 'ScalingLimited',
          status: 'True',
          reason: limited,
          message: `the desired replica count is ${limited === 'TooManyReplicas' ? 'more than the maximum' : 'less than the minimum'} replica count`,
        }
      : {
          type: 'ScalingLimited',
          status: 'False',
          reason: 'DesiredWithinRange',
          message: 'the desired count is within the acceptable range',
        };
  return [
    rescale
      ? {
          type: 'AbleToScale',
          status: 'True',
          reason: 'SucceededRescale',
          message: `the HPA controller was able to update the target scale to ${replicas}`,
        }
      : {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
        },
    {
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message:
        'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
    },
    limitedCond,
  ].map((c) => ({ ...c, lastTransitionTime: ts }));
}

function warn(ctx: Ctx, hpa: HorizontalPodAutoscaler, reason: string, message: string): void {
  ctx.events.record(
    'HorizontalPodAutoscaler',
    hpa.metadata?.name ?? '',
    'Warning',
    reason,
    message,
    SOURCE,
  );
}
