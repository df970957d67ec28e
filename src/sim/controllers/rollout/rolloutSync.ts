/**
 * What one Rollout sync works on, and the status helpers canary.ts and blueGreen.ts share with
 * the dispatcher in rollout.ts (argo-rollouts rollout/pause.go, sync.go), kept apart so the
 * strategies do not import the module that calls them.
 */
import type { AnalysisRun, ReplicaSet, Rollout, RolloutStatus } from '../../api/objects';
import type { Ctx } from '../context';
import { toTimestamp } from '../../core/time';
import { recordRollout } from './rolloutReplicaSets';
import { isCompleted, terminateRun } from './analysis';

/** What one sync works on: the Rollout, its ReplicaSets and the status being built. */
export interface RolloutSync {
  ctx: Ctx;
  ro: Rollout;
  name: string;
  st: RolloutStatus;
  newRS: ReplicaSet;
  stableRS: ReplicaSet | undefined;
  others: ReplicaSet[];
  all: ReplicaSet[];
  revision: number;
  /** Wake again after this many ms (the soonest pause end, delay or deadline). */
  requeue(ms: number): void;
  /** The stored version of a ReplicaSet read at the start (this sync may have scaled it). */
  live(rs: ReplicaSet | undefined): ReplicaSet | undefined;
}

/** pauseContext.AddAbort: records the reason in a condition, the message the plugin shows. */
export function abort(s: RolloutSync, why: string): void {
  const { st } = s;
  const now = toTimestamp(s.ctx.now());
  st.abort = true;
  st.abortedAt = now;
  st.pauseConditions = [];
  st.controllerPause = false;
  const message = `Rollout aborted update to revision ${s.revision}${why ? `: ${why}` : ''}`;
  setCondition(s, 'Progressing', 'False', 'RolloutAborted', message);
  recordRollout(s.ctx, s.ro, 'Warning', 'RolloutAborted', message);
}

export function setCondition(
  s: RolloutSync,
  type: string,
  status: string,
  reason: string,
  message: string,
): void {
  const now = toTimestamp(s.ctx.now());
  const conds = s.st.conditions ?? [];
  const prev = conds.find((c) => c.type === type);
  if (prev && prev.status === status && prev.reason === reason && prev.message === message) return;
  const next = {
    type,
    status,
    reason,
    message,
    lastUpdateTime: now,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
  };
  s.st.conditions = [...conds.filter((c) => c.type !== type), next];
}

/** pauseContext.AddPauseCondition, with the RolloutPaused event of sendStateChangeEvents. */
export function addPause(s: RolloutSync, reason: 'CanaryPauseStep' | 'BlueGreenPause'): void {
  const { st } = s;
  if ((st.pauseConditions ?? []).some((p) => p.reason === reason)) return;
  st.pauseConditions = [
    ...(st.pauseConditions ?? []),
    { reason, startTime: toTimestamp(s.ctx.now()) },
  ];
  st.controllerPause = true;
  recordRollout(s.ctx, s.ro, 'Normal', 'RolloutPaused', `Rollout is paused (${reason})`);
}

export function removePause(s: RolloutSync, reason: string): void {
  const { st } = s;
  const before = st.pauseConditions ?? [];
  const after = before.filter((p) => p.reason !== reason);
  if (after.length === before.length && !st.controllerPause) return;
  st.pauseConditions = after;
  st.controllerPause = false;
  if (before.length && !after.length)
    recordRollout(s.ctx, s.ro, 'Normal', 'RolloutResumed', 'Rollout is resumed');
}

/** promoteStable: the new ReplicaSet becomes stable, with the RolloutCompleted event. */
export function promoteStable(s: RolloutSync, reason: string): void {
  const { st } = s;
  st.pauseConditions = [];
  st.controllerPause = false;
  st.abort = false;
  delete st.abortedAt;
  st.promoteFull = false;
  if (st.blueGreen) st.blueGreen = { ...st.blueGreen, scaleUpPreviewCheckPoint: false };
  const steps = s.ro.spec.strategy?.canary?.steps ?? [];
  if (s.ro.spec.strategy?.canary) {
    if (steps.length) st.currentStepIndex = steps.length;
    else delete st.currentStepIndex;
  }
  if (st.currentPodHash && st.stableRS !== st.currentPodHash) {
    st.stableRS = st.currentPodHash;
    recordRollout(
      s.ctx,
      s.ro,
      'Normal',
      'RolloutCompleted',
      `Rollout completed update to revision ${s.revision} (${st.currentPodHash}): ${reason}`,
    );
  }
}

/** Runs this Rollout owns, newest first. */
export function ownedRuns(s: RolloutSync): AnalysisRun[] {
  return s.ctx.store
    .list<AnalysisRun>('AnalysisRun')
    .filter((r) => r.metadata?.ownerReferences?.some((o) => o.uid === s.ro.metadata?.uid))
    .reverse();
}

/** Runs not for the current template, step or phase are terminated (cancelAnalysisRuns). */
export function terminateRunsExcept(s: RolloutSync, keep: string | null): void {
  for (const r of ownedRuns(s))
    if (r.metadata?.name !== keep && !isCompleted(r.status?.phase)) terminateRun(s.ctx, r);
}
