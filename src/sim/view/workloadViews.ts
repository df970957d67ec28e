/** The frame's views of pods, ReplicaSets (and ReplicationControllers) and Deployments. */
import type { Deployment, Pod, ReplicaSet, ReplicationController } from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type { DeploymentView, PodView, ReplicaSetView } from './frame';
import { controllerRef } from '../api/podIndex';
import { isAvailable, isReady } from '../api/podState';
import { accepting } from '../controllers/kubelet/runtime';
import { podReadyColumn, podStatusColumn, podSummary } from '../kubectl/print/podStatus';
import { deploymentSample, replicaSetSample } from '../runner/sample';
import { deploymentRolloutStatus } from '../kubectl/rolloutStatus';
import { fromTimestamp } from '../core/time';

export function podViews(cluster: ClusterReader): PodView[] {
  return cluster.list<Pod>('Pod').map((p) => podView(cluster, p, cluster.now));
}

/**
 * What a pod's view reads from the Pod object alone, by object: stored objects are replaced,
 * never mutated, so a pod that did not change is not parsed again (its status column and
 * timestamps cost most of a frame at thousands of pods).
 */
const fromObject = new WeakMap<Pod, Omit<PodView, 'deployment' | 'available' | 'accepting'>>();
/** The view last built for a Pod object: returned again while the rest is unchanged, so the
 * frame's change detection sees the same object and skips comparing it field by field. */
const lastView = new WeakMap<Pod, PodView>();

function podView(cluster: ClusterReader, p: Pod, now: number): PodView {
  let own = fromObject.get(p);
  if (!own) {
    const owner = controllerRef(p);
    own = {
      name: p.metadata?.name ?? '',
      uid: p.metadata?.uid ?? '',
      owner: owner?.name ?? null,
      image: p.spec?.containers[0]?.image ?? '',
      status: podStatusColumn(p),
      ready: isReady(p),
      terminating: !!p.metadata?.deletionTimestamp,
      node: p.spec?.nodeName ?? null,
      restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
      createdAt: fromTimestamp(p.metadata?.creationTimestamp) ?? 0,
      readyColumn: podReadyColumn(p),
      lastRestartAt: podSummary(p).lastRestartMs ?? null,
    };
    fromObject.set(p, own);
  }
  const owner = controllerRef(p);
  const rs = owner ? cluster.get<ReplicaSet>(owner.kind as 'ReplicaSet', owner.name) : undefined;
  const rt = cluster.podRuntime(own.name);
  const deployment = cluster.deploymentOf(p) ?? null;
  const available = isAvailable(p, rs?.spec?.minReadySeconds ?? 0, now);
  const isAccepting = !!rt && accepting(rt, now);
  const last = lastView.get(p);
  if (
    last &&
    last.deployment === deployment &&
    last.available === available &&
    last.accepting === isAccepting
  )
    return last;
  const view: PodView = {
    name: own.name,
    uid: own.uid,
    owner: own.owner,
    deployment,
    image: own.image,
    status: own.status,
    ready: own.ready,
    available,
    terminating: own.terminating,
    accepting: isAccepting,
    node: own.node,
    restarts: own.restarts,
    createdAt: own.createdAt,
    readyColumn: own.readyColumn,
    lastRestartAt: own.lastRestartAt,
  };
  lastView.set(p, view);
  return view;
}

/** ReplicaSets, then ReplicationControllers, each with the pods it controls (oldest first). */
export function replicaSetViews(
  cluster: ClusterReader,
  pods: readonly PodView[],
): ReplicaSetView[] {
  const podsByOwner = new Map<string, string[]>();
  for (const p of pods) {
    if (!p.owner) continue;
    const list = podsByOwner.get(p.owner);
    if (list) list.push(p.name);
    else podsByOwner.set(p.owner, [p.name]);
  }
  const raw = [
    ...cluster.list<ReplicaSet>('ReplicaSet'),
    ...cluster.list<ReplicationController>('ReplicationController'),
  ];
  return raw.map((rs) => {
    const s = replicaSetSample(rs);
    const owner = controllerRef(rs);
    return {
      name: s.name,
      kind: s.kind,
      deployment: owner?.kind === 'Deployment' ? owner.name : null,
      revision: s.revision,
      images: s.images,
      desired: s.desired,
      current: s.current,
      ready: s.ready,
      available: s.available,
      createdAt: fromTimestamp(rs.metadata?.creationTimestamp) ?? 0,
      pods: podsByOwner.get(s.name) ?? [],
      controller: owner ? `${owner.kind}/${owner.name}` : null,
    };
  });
}

export function deploymentViews(cluster: ClusterReader): DeploymentView[] {
  return cluster.list<Deployment>('Deployment').map((d) => deploymentView(cluster, d));
}

function deploymentView(cluster: ClusterReader, d: Deployment): DeploymentView {
  const ru = d.spec?.strategy?.rollingUpdate;
  const status = deploymentRolloutStatus(d);
  const decisions = cluster.decision(d.metadata?.name ?? '');
  return {
    ...deploymentSample(d),
    spec: {
      replicas: d.spec?.replicas ?? 1,
      maxSurge: ru?.maxSurge ?? null,
      maxUnavailable: ru?.maxUnavailable ?? null,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      progressDeadlineSeconds: d.spec?.progressDeadlineSeconds ?? null,
    },
    containers: (d.spec?.template?.spec?.containers ?? []).map((c) => c.name),
    rolloutStatus: (status.error ? `error: ${status.error}` : status.message).trimEnd(),
    decision: decisions?.action ?? null,
    waiting: decisions?.idle ?? null,
  };
}
