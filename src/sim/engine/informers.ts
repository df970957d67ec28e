/**
 * Informer event handlers: who wakes up for which change in the store. In Kubernetes each
 * controller registers its own handlers on shared informers (AddFunc / UpdateFunc / DeleteFunc);
 * here one watch routes every change, so the whole "who reacts to what" reads in one module,
 * apart from the engine that schedules the reactions.
 */
import type { Deployment, Pod, ReplicaSet } from '../api/objects';
import type { WatchEvent } from '../api/objectStore';
import { controllerRef } from '../api/podIndex';
import { isReady } from '../api/podState';
import type { ControllerName, Ctx } from '../controllers/context';
import { servicesSelecting, SERVICE_NAME_LABEL } from '../controllers/endpointSlice';
import type { Kubelet } from '../controllers/kubelet/lifecycle';
import { deepEqual } from '../core/clone';
import type { ClientCommands } from '../kubectl/clientCommands';
import type { KubeProxy } from '../network/kubeProxy';
import type { Autoscalers } from './autoscalers';
import type { PodCounts } from './podCounts';
import type { RolloutTracker } from './rolloutTracker';

/** Everything a change may wake or inform besides the controllers' work queues. */
export interface Informed {
  readonly ctx: Ctx;
  readonly proxy: KubeProxy;
  readonly kubelet: Kubelet;
  readonly podCounts: PodCounts;
  readonly rollouts: RolloutTracker;
  readonly clients: ClientCommands;
  readonly autoscalers: Autoscalers;
}

export function onChange(w: Informed, e: WatchEvent): void {
  const { ctx } = w;
  switch (e.kind) {
    case 'Deployment':
      return onDeployment(w, e);
    case 'Rollout':
    case 'AnalysisRun':
      if (e.type === 'DELETED') ctx.enqueue('garbagecollector', e.obj.metadata?.uid ?? '');
      else if (e.kind === 'Rollout') ctx.enqueue('rollout', e.obj.metadata?.name ?? '');
      return;
    case 'ReplicaSet':
    case 'ReplicationController':
      return onReplicaOwner(w, e);
    case 'Pod':
      return onPod(w, e);
    case 'Service': {
      const name = e.obj.metadata?.name ?? '';
      w.proxy.invalidate(name);
      ctx.enqueue('endpointslice', name);
      if (e.type === 'DELETED') ctx.enqueue('garbagecollector', e.obj.metadata?.uid ?? '');
      return;
    }
    case 'HorizontalPodAutoscaler':
      if (e.type === 'ADDED') w.autoscalers.added(e.obj.metadata?.name ?? '');
      return;
    case 'EndpointSlice': {
      const svc = e.obj.metadata?.labels?.[SERVICE_NAME_LABEL];
      if (svc) w.proxy.invalidate(svc);
      return;
    }
    default:
      return;
  }
}

function onDeployment(w: Informed, e: WatchEvent): void {
  const d = e.obj as Deployment;
  const name = d.metadata?.name ?? '';
  if (e.type === 'DELETED') {
    w.ctx.enqueue('garbagecollector', d.metadata?.uid ?? '');
    w.clients.feed(name, undefined);
    return;
  }
  w.rollouts.observe(w.ctx.now(), d, e.old as Deployment | undefined);
  w.ctx.enqueue('deployment', name);
  w.clients.feed(name, d);
}

function onReplicaOwner(w: Informed, e: WatchEvent): void {
  const { ctx } = w;
  const rs = e.obj as ReplicaSet;
  const name = rs.metadata?.name ?? '';
  if (e.type === 'DELETED') {
    ctx.enqueue('garbagecollector', rs.metadata?.uid ?? '');
  } else {
    // The RS controller ignores its own status writes (only spec changes need a manage step).
    const specChanged = !e.old || e.old.metadata?.generation !== rs.metadata?.generation;
    if (specChanged)
      ctx.enqueue(e.kind === 'ReplicaSet' ? 'replicaset' : 'replicationcontroller', name);
  }
  const owner = controllerRef(rs);
  if (owner?.kind === 'Deployment') ctx.enqueue('deployment', owner.name);
  if (owner?.kind === 'Rollout') ctx.enqueue('rollout', owner.name);
}

function onPod(w: Informed, e: WatchEvent): void {
  const { ctx } = w;
  const pod = e.obj as Pod;
  const old = e.old as Pod | undefined;
  const name = pod.metadata?.name ?? '';
  const owner = controllerRef(pod);
  if (owner && (owner.kind === 'ReplicaSet' || owner.kind === 'ReplicationController')) {
    const c: ControllerName = owner.kind === 'ReplicaSet' ? 'replicaset' : 'replicationcontroller';
    ctx.enqueue('replicasetstatus', `${owner.kind}/${owner.name}`);
    // Only a change in the number of active pods needs a manage step (a replacement pod).
    const becameInactive =
      e.type === 'MODIFIED' &&
      !!pod.metadata?.deletionTimestamp &&
      !old?.metadata?.deletionTimestamp;
    if (e.type !== 'MODIFIED' || becameInactive) ctx.enqueue(c, owner.name);
    // replica_set.go updatePod: re-check minReadySeconds + 1 s after a pod turns Ready (§4.5).
    if (e.type === 'MODIFIED' && isReady(pod) && old && !isReady(old)) {
      const rs = ctx.store.get<ReplicaSet>(owner.kind, owner.name);
      const minReady = rs?.spec?.minReadySeconds ?? 0;
      if (minReady > 0)
        ctx.enqueue('replicasetstatus', `${owner.kind}/${owner.name}`, minReady * 1000 + 1000);
    }
  }
  for (const svc of servicesSelecting(ctx, pod.metadata?.labels)) ctx.enqueue('endpointslice', svc);
  if (old && !deepEqual(old.metadata?.labels, pod.metadata?.labels)) {
    for (const svc of servicesSelecting(ctx, old.metadata?.labels))
      ctx.enqueue('endpointslice', svc);
  }
  if (e.type === 'ADDED') {
    w.podCounts.count(pod, 1);
    if (!pod.spec?.nodeName) ctx.enqueue('scheduler', name);
  }
  if (e.type === 'DELETED') {
    w.podCounts.count(pod, -1);
    w.kubelet.onPodDeleted(pod);
    wakeRecreateOwner(ctx, pod);
    // Freed resources: unschedulable pods get another try.
    for (const p of ctx.pods.unscheduled()) ctx.enqueue('scheduler', p);
    return;
  }
  w.kubelet.onPodChange(pod, old);
}

/** deployment_controller.go deletePod: a Recreate Deployment waits for its old pods to go. */
function wakeRecreateOwner(ctx: Ctx, pod: Pod): void {
  const owner = controllerRef(pod);
  if (owner?.kind !== 'ReplicaSet') return;
  const rs = ctx.store.get<ReplicaSet>('ReplicaSet', owner.name);
  const dref = rs && controllerRef(rs);
  if (dref?.kind !== 'Deployment') return;
  const d = ctx.store.get<Deployment>('Deployment', dref.name);
  if (d?.spec?.strategy?.type === 'Recreate') ctx.enqueue('deployment', dref.name);
}
