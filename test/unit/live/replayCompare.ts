/**
 * What a replay must reproduce of a session, at one instant: the objects a person owns (spec,
 * labels, status), and each ReplicaSet's name, desired replicas and pods (by phase).
 */
import type { Session } from '../../../src/sim/session/session';
import type { Kind, KubeObject } from '../../../src/sim/api/objects';
import { cleanManifest } from '../../../src/sim/live/recordedObjects';
import { served } from './observeSession';

const OWNED: readonly Kind[] = [
  'Deployment',
  'Service',
  'Rollout',
  'AnalysisTemplate',
  'VirtualService',
  'DestinationRule',
  'HTTPRoute',
  'Gateway',
];

export interface ClusterView {
  owned: Record<string, unknown>;
  replicaSets: Record<string, { replicas: number | undefined; pods: Record<string, number> }>;
}

/** A pod's state as `kubectl get pods` would sum it up (Ready apart from Running). */
export function podState(p: KubeObject): string {
  if (p.metadata?.deletionTimestamp) return 'Terminating';
  const pod = p as {
    status?: {
      conditions?: { type: string; status: string }[];
      containerStatuses?: { state?: Record<string, { reason?: string }> }[];
    };
  };
  const state = pod.status?.containerStatuses?.[0]?.state ?? {};
  const waiting = state.waiting?.reason;
  if (waiting) return waiting;
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  return state.running ? (ready ? 'Ready' : 'Running') : 'Pending';
}

export function viewOf(s: Session): ClusterView {
  const c = s.cluster;
  const owned: Record<string, unknown> = {};
  for (const k of OWNED)
    for (const o of c.list(k)) {
      const m = cleanManifest(served(k, o));
      owned[`${k}/${o.metadata?.name}`] = { ...m, status: (o as { status?: unknown }).status };
    }
  const replicaSets: ClusterView['replicaSets'] = {};
  for (const rs of c.list('ReplicaSet'))
    replicaSets[rs.metadata?.name ?? ''] = {
      replicas: (rs as { spec?: { replicas?: number } }).spec?.replicas,
      pods: {},
    };
  for (const p of c.list('Pod')) {
    const owner = p.metadata?.ownerReferences?.[0]?.name ?? '';
    const rs = replicaSets[owner];
    if (!rs) continue;
    const st = podState(p);
    rs.pods[st] = (rs.pods[st] ?? 0) + 1;
  }
  return { owned, replicaSets };
}
