/**
 * The Argo Rollouts controller for one Rollout (argo-rollouts rollout/controller.go → canary.go
 * or bluegreen.go, then the status sync). It reuses the simulator's ReplicaSet machinery: the
 * Rollout only writes ReplicaSet sizes, Service selectors and mesh weights, as Argo does.
 * Its whole memory is the Rollout's status (currentStepIndex, pauseConditions, abort ...).
 */
import type { AnalysisRun, ReplicaSet, Rollout, RolloutStatus } from '../../api/objects';
import type { Ctx } from '../context';
import { clone, deepEqual } from '../../core/clone';
import { toTimestamp } from '../../core/time';
import { calculatePhase } from './phase';
import {
  REVISION_ANNOTATION,
  ensureNewReplicaSet,
  liveRS,
  ownedReplicaSets,
  recordRollout,
  rsHash,
  rsRevision,
  templateHash,
} from './rolloutReplicaSets';
import { syncCanary } from './canary';
import { syncBlueGreen } from './blueGreen';
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

export function syncRollout(ctx: Ctx, name: string): void {
  let ro = ctx.store.get<Rollout>('Rollout', name);
  if (!ro) return;
  const owned = ownedReplicaSets(ctx, ro);
  const { revision } = ensureNewReplicaSet(ctx, ro, owned);
  ro = setRevisionAnnotation(ctx, ro, revision);
  const all = ownedReplicaSets(ctx, ro);
  const hash = templateHash(ro);
  const newRS = all.find((rs) => rsHash(rs) === hash);
  if (!newRS) return;
  const st = clone(ro.status ?? {}) as RolloutStatus;
  const stableRS = st.stableRS ? all.find((rs) => rsHash(rs) === st.stableRS) : undefined;
  let soonest = Number.POSITIVE_INFINITY;
  const s: RolloutSync = {
    ctx,
    ro,
    name,
    st,
    newRS,
    stableRS,
    others: all.filter((rs) => rs !== newRS && rs !== stableRS),
    all,
    revision,
    requeue: (ms) => {
      soonest = Math.min(soonest, Math.max(1, ms));
    },
    live: (rs) => liveRS(ctx, rs),
  };
  noteAbort(s);
  if (ro.spec.strategy?.blueGreen) syncBlueGreen(s);
  else syncCanary(s);
  persist(s);
  if (Number.isFinite(soonest)) ctx.enqueue('rollout', name, soonest);
}

function setRevisionAnnotation(ctx: Ctx, ro: Rollout, revision: number): Rollout {
  const prev = ro.metadata?.annotations?.[REVISION_ANNOTATION];
  if (prev === String(revision)) return ro;
  const updated = ctx.store.update({
    ...ro,
    metadata: {
      ...ro.metadata,
      annotations: { ...ro.metadata?.annotations, [REVISION_ANNOTATION]: String(revision) },
    },
  });
  recordRollout(ctx, ro, 'Normal', 'RolloutUpdated', `Rollout updated to revision ${revision}`);
  return updated;
}

/** A new `status.abort` (the plugin's abort, or a failed analysis) is stamped and announced once. */
function noteAbort(s: RolloutSync): void {
  const { st } = s;
  if (!st.abort) {
    if (st.abortedAt) delete st.abortedAt;
    st.conditions = (st.conditions ?? []).filter((c) => c.reason !== 'RolloutAborted');
    return;
  }
  if (st.abortedAt) return;
  abort(s, '');
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

/** Common status: counts (calculateBaseStatus), phase and message, written only when changed. */
function persist(s: RolloutSync): void {
  const { st, ctx } = s;
  const live = s.all.map((rs) => s.live(rs) ?? rs);
  const newRS = s.live(s.newRS) ?? s.newRS;
  const sum = (f: (rs: ReplicaSet) => number | undefined) =>
    live.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  st.replicas = sum((rs) => rs.status?.replicas);
  st.updatedReplicas = newRS.status?.replicas ?? 0;
  st.readyReplicas = sum((rs) => rs.status?.readyReplicas);
  st.HPAReplicas = st.replicas;
  if (s.ro.spec.strategy?.blueGreen) {
    // bluegreen.go syncRolloutStatusBlueGreen: ready and available count the active stack only.
    const active = live.find((rs) => rsHash(rs) === st.blueGreen?.activeSelector);
    st.availableReplicas = active?.status?.availableReplicas ?? 0;
    st.readyReplicas = active?.status?.readyReplicas ?? 0;
    st.HPAReplicas = active?.status?.replicas ?? 0;
  } else st.availableReplicas = sum((rs) => rs.status?.availableReplicas);
  st.selector = Object.entries({ ...s.ro.spec.selector?.matchLabels })
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  st.observedGeneration = String(s.ro.metadata?.generation ?? 1);
  const replicas = s.ro.spec.replicas ?? 1;
  const available = (st.availableReplicas ?? 0) >= replicas;
  setCondition(
    s,
    'Available',
    available ? 'True' : 'False',
    'AvailableReason',
    available ? 'Rollout has minimum availability' : 'Rollout does not have minimum availability',
  );
  const { phase, message } = calculatePhase(s.ro, st);
  st.phase = phase;
  st.message = message;
  if (!message) delete st.message;
  if (deepEqual(st, s.ro.status ?? {})) return;
  const current = ctx.store.get<Rollout>('Rollout', s.name);
  if (current) ctx.store.update({ ...current, status: st });
}

export { rsRevision };
