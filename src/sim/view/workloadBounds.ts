/**
 * Per workload (each Deployment, each Argo Rollout, and the stand-alone ReplicationControllers
 * together), the pods its controller counts against the bounds it keeps, for the "Pods and
 * rollout bounds" chart.
 *
 * Counted pods are the pods of the workload's ReplicaSets that are active (not terminating, not
 * Succeeded/Failed): what the ReplicaSet controller reports as status.replicas and what the
 * runner prints as a Deployment's `current` (k8s-semantics.md §4.1: terminating pods are
 * invisible to the controller's arithmetic, so the pods that exist may exceed replicas + maxSurge
 * by the number still terminating). Terminating pods are reported apart.
 */
import type { ClusterReader } from '../engine/clusterReader';
import type { Deployment, Pod, ReplicaSet, ReplicationController, Rollout } from '../api/objects';
import { controllerRef } from '../api/podIndex';
import { isDeleting, isTerminal } from '../api/podState';
import {
  getDesiredReplicasAnnotation,
  maxSurge,
  minAvailable,
} from '../controllers/deployment/util';
import { resolveCanarySurge } from '../controllers/rollout/canaryMath';

/**
 * Which rule the bounds come from:
 * - `rolling`: a Deployment's RollingUpdate (replicas + maxSurge, replicas − maxUnavailable);
 * - `recreate`: a Recreate Deployment (replicas and 0);
 * - `canary`: an Argo canary without a traffic router (its own maxSurge / maxUnavailable);
 * - `routed-canary`: an Argo canary with a traffic router: the stable stays at replicas and
 *   the canary's pods follow the weight; maxSurge does not limit them, so no bounds;
 * - `blueGreen`: an Argo blue/green: the preview runs beside the active, no bounds;
 * - `none`: ReplicationControllers: no rollout controller (kubectl rolling-update is a client).
 */
export type BoundsRule = 'rolling' | 'recreate' | 'canary' | 'routed-canary' | 'blueGreen' | 'none';

export interface WorkloadPoint {
  /** "Deployment/web", "Rollout/demo", or "ReplicationController" for the group. */
  key: string;
  kind: 'Deployment' | 'Rollout' | 'ReplicationController';
  /** The object's name ("" for the ReplicationController group). */
  name: string;
  rule: BoundsRule;
  /** spec.replicas (for the group: the sum over the controllers). */
  replicas: number;
  /** Active pods of its ReplicaSets: what the controller counts. */
  pods: number;
  /** Its pods that are terminating: they exist, but no controller counts them. */
  terminating: number;
  /** Sum of its ReplicaSets' status.availableReplicas: what the controller weighs. */
  available: number;
  /** The most pods the controller lets exist (counted), null where the rule has no bound. */
  maxPods: number | null;
  /** The fewest available pods the controller scales down to, null where it has none. */
  minAvailable: number | null;
  /** The resolved maxSurge and maxUnavailable behind the bounds (null without bounds). */
  maxSurge: number | null;
  maxUnavailable: number | null;
}

/**
 * The Deployment as its controller last acted on it. A spec change (a scale to 0, say) takes
 * effect when the controller syncs (5 ms later); until then the pods still answer to the
 * replicas it last wrote on its ReplicaSets (desired-replicas, §6), and plotting the new bound
 * already would draw the old pods above it, as if the rule had been broken.
 */
function asActedOn(d: Deployment, rss: readonly ReplicaSet[]): Deployment {
  if ((d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)) return d;
  const recorded = rss
    .filter((rs) => (rs.spec?.replicas ?? 1) > 0)
    .map(getDesiredReplicasAnnotation)
    .filter((r): r is number => r !== undefined);
  if (recorded.length === 0) return d;
  return { ...d, spec: { ...d.spec!, replicas: Math.max(...recorded) } };
}

interface Owned {
  pods: number;
  terminating: number;
  available: number;
}

function rolloutRule(ro: Rollout): BoundsRule {
  const s = ro.spec.strategy;
  if (s?.blueGreen) return 'blueGreen';
  return s?.canary?.trafficRouting ? 'routed-canary' : 'canary';
}

export function workloadPoints(cluster: ClusterReader): WorkloadPoint[] {
  // ReplicaSet / ReplicationController name → workload key.
  const owner = new Map<string, string>();
  const rssOf = new Map<string, ReplicaSet[]>();
  for (const rs of cluster.list<ReplicaSet>('ReplicaSet')) {
    const ref = controllerRef(rs);
    if (!ref || (ref.kind !== 'Deployment' && ref.kind !== 'Rollout')) continue;
    const key = `${ref.kind}/${ref.name}`;
    owner.set(`ReplicaSet/${rs.metadata?.name ?? ''}`, key);
    rssOf.set(key, [...(rssOf.get(key) ?? []), rs]);
  }
  const rcs = cluster
    .list<ReplicationController>('ReplicationController')
    .filter((rc) => !controllerRef(rc));
  for (const rc of rcs)
    owner.set(`ReplicationController/${rc.metadata?.name ?? ''}`, 'ReplicationController');

  const owned = new Map<string, Owned>();
  const at = (key: string): Owned => {
    let o = owned.get(key);
    if (!o) owned.set(key, (o = { pods: 0, terminating: 0, available: 0 }));
    return o;
  };
  for (const p of cluster.list<Pod>('Pod')) {
    const ref = controllerRef(p);
    const key = ref && owner.get(`${ref.kind}/${ref.name}`);
    if (!key || isTerminal(p)) continue;
    if (isDeleting(p)) at(key).terminating++;
    else at(key).pods++;
  }
  for (const [key, rss] of rssOf)
    for (const rs of rss) at(key).available += rs.status?.availableReplicas ?? 0;
  for (const rc of rcs) at('ReplicationController').available += rc.status?.availableReplicas ?? 0;

  const out: WorkloadPoint[] = [];
  for (const live of cluster.list<Deployment>('Deployment')) {
    const name = live.metadata?.name ?? '';
    const key = `Deployment/${name}`;
    const d = asActedOn(live, rssOf.get(key) ?? []);
    const R = d.spec?.replicas ?? 1;
    const rolling = d.spec?.strategy?.type !== 'Recreate';
    // deploymentutil.MaxSurge / MinAvailable: Recreate has no surge and no availability floor.
    const surge = maxSurge(d);
    const floor = minAvailable(d);
    out.push({
      key,
      kind: 'Deployment',
      name,
      rule: rolling ? 'rolling' : 'recreate',
      replicas: R,
      ...at(key),
      maxPods: R + surge,
      minAvailable: floor,
      maxSurge: surge,
      maxUnavailable: R - floor,
    });
  }
  for (const ro of cluster.list<Rollout>('Rollout')) {
    const name = ro.metadata?.name ?? '';
    const key = `Rollout/${name}`;
    const R = ro.spec.replicas ?? 1;
    const rule = rolloutRule(ro);
    const c = ro.spec.strategy?.canary;
    // argo-rollouts utils/replicaset MaxSurge/MaxUnavailable: only a basic canary is held to them.
    const b = rule === 'canary' && c ? resolveCanarySurge(R, c.maxSurge, c.maxUnavailable) : null;
    out.push({
      key,
      kind: 'Rollout',
      name,
      rule,
      replicas: R,
      ...at(key),
      maxPods: b ? R + b.maxSurge : null,
      minAvailable: b ? R - b.maxUnavailable : null,
      maxSurge: b ? b.maxSurge : null,
      maxUnavailable: b ? b.maxUnavailable : null,
    });
  }
  if (rcs.length > 0)
    out.push({
      key: 'ReplicationController',
      kind: 'ReplicationController',
      name: '',
      rule: 'none',
      replicas: rcs.reduce((n, rc) => n + (rc.spec?.replicas ?? 1), 0),
      ...at('ReplicationController'),
      maxPods: null,
      minAvailable: null,
      maxSurge: null,
      maxUnavailable: null,
    });
  return out;
}
