/**
 * One point of the charts over simulated time: ready pods and traffic share per image, errors
 * by kind, and total pods against the replicas + maxSurge / replicas − maxUnavailable bands of
 * the first Deployment (or of a canary Rollout without a traffic router).
 */
import type { ClusterReader } from '../engine/clusterReader';
import type { Deployment, Pod, ReplicationController, Rollout } from '../api/objects';
import { resolveCanarySurge } from '../controllers/rollout/canaryMath';
import type { TrafficCounters } from '../traffic/metrics';
import { isReady } from '../api/podState';
import { maxSurge, minAvailable } from '../controllers/deployment/util';
import { workloadPoints, type WorkloadPoint } from './workloadBounds';

export interface ChartPoint {
  /** Simulated ms. */
  t: number;
  readyByImage: Record<string, number>;
  /** Requests answered per image during the interval ending at t. */
  servedByImage: Record<string, number>;
  requests: number;
  errors: { 'no-endpoints': number; refused: number; 'app-error': number };
  /**
   * Mirrored copies made during the interval and, by kind, those that failed at the mirror
   * target: never among `requests` or `errors` (clients never see them). Absent: none.
   */
  mirrored?: {
    copies: number;
    errors: { 'no-endpoints': number; refused: number; 'app-error': number };
  };
  /** Pods existing (terminating included), cluster-wide; the bounds chart reads `workloads`. */
  totalPods: number;
  /** replicas + maxSurge and replicas − maxUnavailable of the first Deployment (0 floor for Recreate). */
  maxPods: number | null;
  minAvailable: number | null;
  available: number;
  /**
   * Per Deployment, Rollout (and the stand-alone ReplicationControllers): counted and
   * terminating pods against that workload's own bounds. The bounds chart reads these.
   */
  workloads: WorkloadPoint[];
}

export function chartPoint(cluster: ClusterReader, before: TrafficCounters): ChartPoint {
  const readyByImage: Record<string, number> = {};
  const pods = cluster.list<Pod>('Pod');
  for (const p of pods) {
    if (!isReady(p) || p.metadata?.deletionTimestamp) continue;
    const img = p.spec?.containers[0]?.image ?? '';
    readyByImage[img] = (readyByImage[img] ?? 0) + 1;
  }
  const c = cluster.traffic.counters;
  const servedByImage: Record<string, number> = {};
  for (const [img, n] of Object.entries(c.byImage)) {
    const d = n - (before.byImage[img] ?? 0);
    if (d > 0) servedByImage[img] = d;
  }
  const d = cluster.list<Deployment>('Deployment')[0];
  const replicas = d?.spec?.replicas ?? 0;
  const bands = d
    ? { maxPods: replicas + maxSurge(d), minAvailable: minAvailable(d) }
    : rolloutBands(cluster);
  return {
    t: cluster.now,
    readyByImage,
    servedByImage,
    requests: c.requests - before.requests,
    errors: {
      'no-endpoints': c.noEndpoints - before.noEndpoints,
      refused: c.refused - before.refused,
      'app-error': c.appError - before.appError,
    },
    mirrored: {
      copies: c.mirrored - before.mirrored,
      errors: {
        'no-endpoints': c.mirroredNoEndpoints - before.mirroredNoEndpoints,
        refused: c.mirroredRefused - before.mirroredRefused,
        'app-error': c.mirroredAppError - before.mirroredAppError,
      },
    },
    totalPods: pods.length,
    // deploymentutil.MaxSurge / MinAvailable: Recreate has no surge and no availability floor.
    ...bands,
    available:
      cluster
        .list<Deployment>('Deployment')
        .reduce((n, x) => n + (x.status?.availableReplicas ?? 0), 0) +
      cluster.list<Rollout>('Rollout').reduce((n, x) => n + (x.status?.availableReplicas ?? 0), 0) +
      cluster
        .list<ReplicationController>('ReplicationController')
        .filter((rc) => !rc.metadata?.ownerReferences?.length)
        .reduce((n, x) => n + (x.status?.availableReplicas ?? 0), 0),
    workloads: workloadPoints(cluster),
  };
}

/**
 * Without a Deployment: a basic canary Rollout's own bounds (its maxSurge / maxUnavailable drive
 * the pod counts); a routed canary or blue/green has none, so no band is drawn.
 */
function rolloutBands(cluster: ClusterReader): {
  maxPods: number | null;
  minAvailable: number | null;
} {
  const ro = cluster.list<Rollout>('Rollout')[0];
  const c = ro?.spec.strategy?.canary;
  if (!ro || !c || c.trafficRouting) return { maxPods: null, minAvailable: null };
  const R = ro.spec.replicas ?? 1;
  const { maxSurge: surge, maxUnavailable } = resolveCanarySurge(R, c.maxSurge, c.maxUnavailable);
  return { maxPods: R + surge, minAvailable: R - maxUnavailable };
}
