/**
 * Peak pod counts for the runner's summary, kept incrementally as pods come and go
 * (terminating pods count until they are gone), overall and per Deployment.
 */
import type { Pod, ReplicaSet } from '../api/objects';
import type { ObjectStore } from '../api/objectStore';
import { controllerRef } from '../api/podIndex';

export interface PodCountsState {
  peakPods: number;
  peakPodsPerDeployment: Record<string, number>;
  podCount: number;
  podsPerDeployment: [string, number][];
  podDeployment: [string, string][];
}

export class PodCounts {
  peakPods = 0;
  readonly peakPodsPerDeployment: Record<string, number> = {};
  private podCount = 0;
  private readonly podsPerDeployment = new Map<string, number>();
  /** Remembered per pod: by the time a pod is gone its ReplicaSet may be gone too. */
  private readonly podDeployment = new Map<string, string>();

  constructor(private readonly store: ObjectStore) {}

  count(pod: Pod, sign: 1 | -1): void {
    this.podCount += sign;
    this.peakPods = Math.max(this.peakPods, this.podCount);
    const uid = pod.metadata?.uid ?? '';
    const d = sign === 1 ? this.deploymentOf(pod) : this.podDeployment.get(uid);
    if (sign === 1 && d) this.podDeployment.set(uid, d);
    if (sign === -1) this.podDeployment.delete(uid);
    if (!d) return;
    const n = (this.podsPerDeployment.get(d) ?? 0) + sign;
    this.podsPerDeployment.set(d, n);
    this.peakPodsPerDeployment[d] = Math.max(this.peakPodsPerDeployment[d] ?? 0, n);
  }

  /** The Deployment that (through its ReplicaSet) owns a pod, if any. */
  deploymentOf(pod: Pod): string | undefined {
    const owner = controllerRef(pod);
    if (owner?.kind !== 'ReplicaSet') return undefined;
    const rs = this.store.get<ReplicaSet>('ReplicaSet', owner.name);
    const d = rs && controllerRef(rs);
    return d?.kind === 'Deployment' ? d.name : undefined;
  }

  snapshot(): PodCountsState {
    return {
      peakPods: this.peakPods,
      peakPodsPerDeployment: { ...this.peakPodsPerDeployment },
      podCount: this.podCount,
      podsPerDeployment: [...this.podsPerDeployment],
      podDeployment: [...this.podDeployment],
    };
  }

  restore(s: PodCountsState): void {
    this.peakPods = s.peakPods;
    for (const k of Object.keys(this.peakPodsPerDeployment)) delete this.peakPodsPerDeployment[k];
    Object.assign(this.peakPodsPerDeployment, s.peakPodsPerDeployment);
    this.podCount = s.podCount;
    this.podsPerDeployment.clear();
    for (const [k, v] of s.podsPerDeployment) this.podsPerDeployment.set(k, v);
    this.podDeployment.clear();
    for (const [k, v] of s.podDeployment) this.podDeployment.set(k, v);
  }
}
