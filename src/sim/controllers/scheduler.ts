/**
 * kube-scheduler, reduced to what a rollout shows: resource fit on CPU/memory requests
 * (NodeResourcesFit) and spreading of a controller's pods over nodes (the default
 * PodTopologySpread constraints), ties broken by least allocated, then node order.
 * A pod that fits nowhere stays Pending with PodScheduled=False/Unschedulable.
 */
import type { Node, Pod } from '../api/objects';
import type { Ctx } from './context';
import { parseCpu, parseMemory } from '../core/quantity';
import { controllerRef, podRequests } from '../api/podIndex';
import { toTimestamp } from '../core/time';

export function schedulePod(ctx: Ctx, name: string): void {
  const pod = ctx.store.get<Pod>('Pod', name);
  if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
  const nodes = ctx.store.list<Node>('Node');
  const req = podRequests(pod);
  const owner = controllerRef(pod)?.uid;
  let best: { node: string; score: number[] } | undefined;
  const insufficient = { cpu: 0, memory: 0, pods: 0 };
  for (const n of nodes) {
    const nodeName = n.metadata?.name ?? '';
    const u = ctx.pods.nodeUsage(nodeName);
    const cpuCap = parseCpu(n.status?.allocatable?.cpu ?? '0') ?? 0;
    const memCap = parseMemory(n.status?.allocatable?.memory ?? '0') ?? 0;
    const podCap = Number(n.status?.allocatable?.pods ?? 110);
    const noCpu = u.cpu + req.cpu > cpuCap;
    const noMemory = u.memory + req.memory > memCap;
    const noRoom = u.pods + 1 > podCap;
    if (noCpu) insufficient.cpu++;
    if (noMemory) insufficient.memory++;
    if (noRoom) insufficient.pods++;
    if (noCpu || noMemory || noRoom) continue;
    const same = owner ? (u.byOwner.get(owner) ?? 0) : 0;
    const score = [same, (u.cpu + req.cpu) / Math.max(cpuCap, 1), u.pods];
    if (!best || lexLess(score, best.score)) best = { node: nodeName, score };
  }
  if (!best) {
    markUnschedulable(ctx, pod, nodes.length, insufficient);
    return;
  }
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({
    type: 'PodScheduled',
    status: 'True',
    lastTransitionTime: toTimestamp(ctx.now()),
  });
  ctx.store.update({
    ...pod,
    spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: best.node },
    status: { ...pod.status, conditions },
  });
  ctx.events.record(
    'Pod',
    name,
    'Normal',
    'Scheduled',
    `Successfully assigned ${pod.metadata?.namespace ?? 'default'}/${name} to ${best.node}`,
    'default-scheduler',
  );
}

function markUnschedulable(
  ctx: Ctx,
  pod: Pod,
  nodeCount: number,
  insufficient: { cpu: number; memory: number; pods: number },
): void {
  const reasons: string[] = [];
  if (insufficient.cpu) reasons.push(`${insufficient.cpu} Insufficient cpu`);
  if (insufficient.memory) reasons.push(`${insufficient.memory} Insufficient memory`);
  if (insufficient.pods) reasons.push(`${insufficient.pods} Too many pods`);
  const detail = reasons.length ? `: ${reasons.join(', ')}` : '';
  // Scheduler framework wording (pkg/scheduler/framework/types.go FitError.Error + preemption).
  const message =
    `0/${nodeCount} nodes are available${detail}. preemption: 0/${nodeCount} nodes are available: ` +
    `${nodeCount} No preemption victims found for incoming pod.`;
  const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (prev?.status === 'False' && prev.message === message) return;
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({
    type: 'PodScheduled',
    status: 'False',
    reason: 'Unschedulable',
    message,
    lastTransitionTime: toTimestamp(ctx.now()),
  });
  const name = pod.metadata?.name ?? '';
  ctx.store.update({ ...pod, status: { ...pod.status, conditions } });
  ctx.events.record('Pod', name, 'Warning', 'FailedScheduling', message, 'default-scheduler');
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
