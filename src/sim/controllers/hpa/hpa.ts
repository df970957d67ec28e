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
import { calculate, normalize, type PodMetric, type Recommendation, type Limit } from './recommend';

const SOURCE = 'horizontal-pod-autoscaler';

/** What the controller remembers between syncs (plain data, for checkpoints). */
export interface HpaMemory {
  lastT: number;
  servedByPod: Record<string, number>;
  recommendations: Recommendation[];
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
  const calc = calculate(metrics, cpuTarget(hpa), current);
  if (!calc) return;
  const norm = normalize(
    calc.desired,
    current,
    now,
    mem.recommendations,
    hpa.spec.minReplicas ?? 1,
    hpa.spec.maxReplicas,
  );
  memory.set(name, { lastT: now, servedByPod: { ...servedByPod }, recommendations: norm.history });
  const rescale = norm.replicas !== current;
  if (rescale) {
    const reason =
      norm.replicas > current
        ? 'cpu resource utilization (percentage of request) above target'
        : 'All metrics below target';
    const spec = {
      ...target.spec,
      selector: target.spec?.selector ?? {},
      template: target.spec?.template ?? {},
    };
    ctx.store.update({ ...target, spec: { ...spec, replicas: norm.replicas } });
    ctx.events.record(
      'HorizontalPodAutoscaler',
      name,
      'Normal',
      'SuccessfulRescale',
      `New size: ${norm.replicas}; reason: ${reason}`,
      SOURCE,
    );
  }
  const averageMilli = Math.round(
    metrics.reduce((n, m) => n + m.usage, 0) / Math.max(1, metrics.length),
  );
  ctx.store.update({
    ...hpa,
    status: {
      ...(rescale
        ? { lastScaleTime: toTimestamp(now) }
        : hpa.status?.lastScaleTime
          ? { lastScaleTime: hpa.status.lastScaleTime }
          : {}),
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
    },
  });
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
