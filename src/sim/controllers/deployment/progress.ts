/**
 * Progress reporting of pkg/controller/deployment/progress.go (§9.3-9.5): the Progressing and
 * ReplicaFailure conditions, the paused/resumed bookkeeping and when to look again for the
 * progress deadline.
 */
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  ReplicaSet,
  ReplicaSetCondition,
} from 'kubernetes-types/apps/v1';
import type { DeploymentStatusV135 } from './util';
import {
  NEW_RS_AVAILABLE_REASON,
  PAUSED_DEPLOY_REASON,
  REPLICA_SET_UPDATED_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  removeDeploymentCondition,
  setDeploymentCondition,
} from './util';
import { fromTimestamp } from '../../core/time';

/** ReplicaSetToDeploymentCondition: both times come from the RS condition's transition time. */
function replicaSetToDeploymentCondition(c: ReplicaSetCondition): DeploymentCondition {
  const out: DeploymentCondition = { type: c.type, status: c.status };
  if (c.lastTransitionTime !== undefined) {
    out.lastTransitionTime = c.lastTransitionTime;
    out.lastUpdateTime = c.lastTransitionTime;
  }
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.message !== undefined) out.message = c.message;
  return out;
}

/** getReplicaFailures: ReplicaFailure conditions of the new RS, else of any RS. */
export function getReplicaFailures(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition[] {
  const failures = (rs: ReplicaSet | undefined) =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map(replicaSetToDeploymentCondition);
  const fromNew = failures(newRS);
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(failures);
}

/** "ReplicaSet "x" …" or, with no new RS, "Deployment "d" …". */
function subject(d: Deployment, newRS: ReplicaSet | undefined): string {
  return newRS
    ? `ReplicaSet "${newRS.metadata?.name ?? ''}"`
    : `Deployment "${d.metadata?.name ?? ''}"`;
}

/**
 * syncRolloutStatus: the status a rollout/recreate sync writes. The caller compares it with
 * d.status; when equal Go writes nothing and calls requeueStuckDeployment instead.
 */
export function syncRolloutStatus(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  nowMs: number,
): DeploymentStatusV135 {
  const s = calculateStatus(allRSs, newRS, d, nowMs);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(s, 'Progressing');

  const current = getDeploymentCondition(d.status, 'Progressing');
  // A finished rollout being resynced: no progress to estimate.
  const isComplete =
    s.replicas === s.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, s)) {
      const msg = `${subject(d, newRS)} has successfully progressed.`;
      setDeploymentCondition(
        s,
        newDeploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg, nowMs),
      );
    } else if (deploymentProgressing(d, s)) {
      // Rewritten even with an unchanged reason so lastUpdateTime (the deadline clock) moves;
      // lastTransitionTime is kept if the condition was already True.
      const msg = `${subject(d, newRS)} is progressing.`;
      const c = newDeploymentCondition(
        'Progressing',
        'True',
        REPLICA_SET_UPDATED_REASON,
        msg,
        nowMs,
      );
      if (current) {
        if (current.status === 'True') {
          if (current.lastTransitionTime === undefined) delete c.lastTransitionTime;
          else c.lastTransitionTime = current.lastTransitionTime;
        }
        removeDeploymentCondition(s, 'Progressing');
      }
      setDeploymentCondition(s, c);
    } else if (deploymentTimedOut(d, s, nowMs)) {
      const msg = `${subject(d, newRS)} has timed out progressing.`;
      setDeploymentCondition(
        s,
        newDeploymentCondition('Progressing', 'False', TIMED_OUT_REASON, msg, nowMs),
      );
    }
  }

  const failure = getReplicaFailures(allRSs, newRS)[0];
  if (failure) setDeploymentCondition(s, failure);
  else removeDeploymentCondition(s, 'ReplicaFailure');
  return s;
}

/**
 * requeueStuckDeployment: milliseconds until the progress deadline would pass (Go's return
 * value; Go itself enqueues after that + 1 s), 0 = check now (under a second left or already
 * past), -1 = no need (no deadline or condition, complete, or already timed out).
 */
export function requeueStuckDeployment(
  d: Deployment,
  newStatus: DeploymentStatus,
  nowMs: number,
): number {
  const current = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return -1;
  if (deploymentComplete(d, newStatus) || current.reason === TIMED_OUT_REASON) return -1;
  const lastUpdate = fromTimestamp(current.lastUpdateTime) ?? -Infinity;
  const after = lastUpdate + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - nowMs;
  return after < 1000 ? 0 : after;
}

/**
 * checkPausedConditions (§3.1 step 4, §8): the status with Progressing=Unknown
 * DeploymentPaused/DeploymentResumed when the paused state changed, or null when nothing to write.
 * A ProgressDeadlineExceeded condition is never overwritten.
 */
export function checkPausedConditions(d: Deployment, nowMs: number): DeploymentStatus | null {
  if (!hasProgressDeadline(d)) return null;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return null;
  const pausedExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const paused = d.spec?.paused ?? false;
  let condition: DeploymentCondition;
  if (paused && !pausedExists) {
    condition = newDeploymentCondition(
      'Progressing',
      'Unknown',
      PAUSED_DEPLOY_REASON,
      'Deployment is paused',
      nowMs,
    );
  } else if (!paused && pausedExists) {
    condition = newDeploymentCondition(
      'Progressing',
      'Unknown',
      RESUMED_DEPLOY_REASON,
      'Deployment is resumed',
      nowMs,
    );
  } else {
    return null;
  }
  const status: DeploymentStatus = { ...d.status };
  setDeploymentCondition(status, condition);
  return status;
}
