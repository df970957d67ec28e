/**
 * Measures the runner's `rolloutSeconds`: from the first pod-template change of a Deployment
 * until that Deployment is complete (DeploymentComplete: updated = replicas = available =
 * spec.replicas and the spec observed). A later template change re-opens the measurement.
 */
import type { Deployment } from '../api/objects';
import { deepEqual } from '../core/clone';

export function isComplete(d: Deployment): boolean {
  const r = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1)
  );
}

export class RolloutTracker {
  private deployment: string | null = null;
  private startedAt: number | null = null;
  private completedAt: number | null = null;

  observe(now: number, d: Deployment, old: Deployment | undefined): void {
    const name = d.metadata?.name ?? '';
    if (old && !deepEqual(old.spec?.template, d.spec?.template)) {
      if (this.deployment === null) {
        this.deployment = name;
        this.startedAt = now;
      }
      if (this.deployment === name) this.completedAt = null;
    }
    if (this.deployment === name && this.completedAt === null && isComplete(d))
      this.completedAt = now;
  }

  /** Seconds from the first template change to completion; null if it never completed. */
  rolloutSeconds(): number | null {
    if (this.startedAt === null || this.completedAt === null) return null;
    return (this.completedAt - this.startedAt) / 1000;
  }

  snapshot() {
    return {
      deployment: this.deployment,
      startedAt: this.startedAt,
      completedAt: this.completedAt,
    };
  }

  restore(s: ReturnType<RolloutTracker['snapshot']>): void {
    this.deployment = s.deployment;
    this.startedAt = s.startedAt;
    this.completedAt = s.completedAt;
  }
}
