/**
 * One runner sample (scenario-format.md §2): the cluster's state at `t` plus the traffic of the
 * interval that ends at `t`.
 */
import type {
  Deployment,
  HorizontalPodAutoscaler,
  Pod,
  ReplicaSet,
  ReplicationController,
  Rollout,
  Service,
} from '../api/objects';
import { rolloutSample } from './rolloutSample';
import { REVISION_ANNOTATION as ARGO_REVISION } from '../controllers/rollout/rolloutReplicaSets';
import { cpuTarget } from '../controllers/hpa/hpa';
import type { ClusterReader } from '../engine/clusterReader';
import type {
  AutoscalerSample,
  DeploymentSample,
  ReplicaSetSample,
  Sample,
  TrafficSample,
} from './runResult';
import { controllerRef } from '../api/podIndex';
import { maxSurge, maxUnavailable, REVISION_ANNOTATION } from '../controllers/deployment/util';
import { podStatusColumn } from '../kubectl/print/podStatus';

export function images(spec: { containers?: { image?: string }[] } | undefined): string[] {
  return (spec?.containers ?? []).map((c) => c.image ?? '');
}

export function deploymentSample(d: Deployment): DeploymentSample {
  const s = d.status ?? {};
  const desired = d.spec?.replicas ?? 1;
  const rolling = d.spec?.strategy?.type !== 'Recreate';
  return {
    name: d.metadata?.name ?? '',
    desired,
    current: s.replicas ?? 0,
    updated: s.updatedReplicas ?? 0,
    ready: s.readyReplicas ?? 0,
    available: s.availableReplicas ?? 0,
    unavailable: s.unavailableReplicas ?? 0,
    revision: Number(d.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0),
    paused: d.spec?.paused ?? false,
    strategy: {
      type: rolling ? 'RollingUpdate' : 'Recreate',
      maxSurge: rolling ? maxSurge(d) : 0,
      maxUnavailable: rolling ? maxUnavailable(d) : 0,
    },
    images: images(d.spec?.template?.spec),
    conditions: (s.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason ?? '',
    })),
  };
}

export function replicaSetSample(rs: ReplicaSet | ReplicationController): ReplicaSetSample {
  const owner = controllerRef(rs);
  const rev =
    rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? rs.metadata?.annotations?.[ARGO_REVISION];
  return {
    kind: rs.kind === 'ReplicationController' ? 'ReplicationController' : 'ReplicaSet',
    name: rs.metadata?.name ?? '',
    owner: owner ? `${owner.kind}/${owner.name}` : null,
    revision: rev !== undefined ? Number(rev) : null,
    images: images(rs.spec?.template?.spec),
    desired: rs.spec?.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
  };
}

/** The contract's autoscaler entry (scenario-format.md §2), utilization in percent. */
export function autoscalerSample(h: HorizontalPodAutoscaler): AutoscalerSample {
  const ref = h.spec?.scaleTargetRef;
  const current = h.status?.currentMetrics?.find(
    (m) => m.type === 'Resource' && m.resource?.name === 'cpu',
  );
  return {
    name: h.metadata?.name ?? '',
    target: `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
    current: h.status?.currentReplicas ?? 0,
    desired: h.status?.desiredReplicas ?? 0,
    min: h.spec?.minReplicas ?? 1,
    max: h.spec?.maxReplicas ?? 0,
    metric: {
      type: 'cpu',
      current: current?.resource?.current.averageUtilization ?? null,
      target: cpuTarget(h),
    },
  };
}

export function buildSample(cluster: ClusterReader, traffic: TrafficSample): Sample {
  const pods = cluster.list<Pod>('Pod');
  const byStatus: Record<string, number> = {};
  let terminating = 0;
  let pending = 0;
  for (const p of pods) {
    const st = podStatusColumn(p);
    byStatus[st] = (byStatus[st] ?? 0) + 1;
    if (p.metadata?.deletionTimestamp) terminating++;
    if (p.status?.phase === 'Pending') pending++;
  }
  const endpoints: Record<string, number> = {};
  for (const svc of cluster.list<Service>('Service')) {
    const name = svc.metadata?.name ?? '';
    endpoints[name] = cluster.readyEndpoints(name);
  }
  return {
    t: cluster.now / 1000,
    deployments: cluster.list<Deployment>('Deployment').map(deploymentSample),
    replicaSets: [
      ...cluster.list<ReplicaSet>('ReplicaSet').map(replicaSetSample),
      ...cluster.list<ReplicationController>('ReplicationController').map(replicaSetSample),
    ],
    rollouts: cluster
      .list<Rollout>('Rollout')
      .map((ro) => rolloutSample(ro, cluster.list<ReplicaSet>('ReplicaSet'))),
    autoscalers: cluster
      .list<HorizontalPodAutoscaler>('HorizontalPodAutoscaler')
      .map(autoscalerSample),
    pods: { total: pods.length, terminating, pending, byStatus },
    endpoints,
    traffic,
  };
}
