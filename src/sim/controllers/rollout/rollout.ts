/**
 * The Argo Rollouts controller for one Rollout (argo-rollouts rollout/controller.go → canary.go
 * or bluegreen.go, then the status sync). It reuses the simulator's ReplicaSet machinery: the
 * Rollout only writes ReplicaSet sizes, Service selectors and mesh weights, as Argo does.
 * Its whole memory is the Rollout's status (currentStepIndex, pauseConditions, abort ...).
 */
import type { ReplicaSet, Rollout, RolloutStatus } from '../../api/objects';
import type { Ctx } from '../context';
import { clone, deepEqual } from '../../core/clone';
import { calculatePhase } from './phase';
import {
  REVISION_ANNOTATION,
  ensureNewReplicaSet,
  liveRS,
  ownedReplicaSets,
  recordRollout,
  rsHash,
  templateHash,
} from './rolloutReplicaSets';
import { syncCanary } from './canary';
import { syncBlueGreen } from './blueGreen';
import { abort, setCondition, type RolloutSync } from './rolloutSync';

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
