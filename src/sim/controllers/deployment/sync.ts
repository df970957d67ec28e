/**
 * The Deployment controller's syncDeployment (pkg/controller/deployment/deployment_controller.go
 * and sync.go): the glue that reads the store, asks the pure kernels (util, rollingPlan,
 * scalePlan, cleanupPlan, progress, recreatePlan) what to do, and writes their plans back in
 * Kubernetes' order — one API write and one event per scale, early returns where Go returns.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from '../../api/objects';
import type { Ctx } from '../context';
import { clone, deepEqual } from '../../core/clone';
import { fromTimestamp } from '../../core/time';
import { controllerRef } from '../../api/podIndex';
import * as util from './util';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rollingPlan';
import { scale, isScalingEvent } from './scalePlan';
import { cleanupDeployment } from './cleanupPlan';
import { syncRolloutStatus, requeueStuckDeployment } from './progress';
import { oldPodsRunning } from './recreatePlan';
import { explainIdle, explainScale, rolloutNumbers, type ScaleReason } from './explain';

export const CONTROLLER = 'deployment-controller';

export function syncDeployment(ctx: Ctx, name: string): void {
  let d = ctx.store.get<Deployment>('Deployment', name);
  if (!d || d.metadata?.deletionTimestamp) return;
  const sel = d.spec?.selector;
  if (
    !sel ||
    (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
  ) {
    record(
      ctx,
      d,
      'Warning',
      'SelectingAll',
      'This deployment is selecting all pods. A non-empty selector is required.',
    );
    return;
  }
  const rsList = ownedReplicaSets(ctx, d);
  d = checkPausedConditions(ctx, d);
  if (d.spec?.paused || isScalingEvent(d, rsList)) return syncScaling(ctx, d, rsList);
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(ctx, d, rsList);
  rolloutRolling(ctx, d, rsList);
}

export function ownedReplicaSets(ctx: Ctx, d: Deployment): ReplicaSet[] {
  const uid = d.metadata?.uid;
  return ctx.store.list<ReplicaSet>('ReplicaSet').filter((rs) => controllerRef(rs)?.uid === uid);
}

function record(
  ctx: Ctx,
  d: Deployment,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
) {
  ctx.events.record('Deployment', d.metadata?.name ?? '', type, reason, message, CONTROLLER);
}

/** §8: Progressing=Unknown DeploymentPaused / DeploymentResumed bookkeeping. */
function checkPausedConditions(ctx: Ctx, d: Deployment): Deployment {
  if (!util.hasProgressDeadline(d)) return d;
  const cond = util.getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === util.TIMED_OUT_REASON) return d;
  const pausedExists = cond?.reason === util.PAUSED_DEPLOY_REASON;
  let condition;
  if (d.spec?.paused && !pausedExists) {
    condition = util.newDeploymentCondition(
      'Progressing',
      'Unknown',
      util.PAUSED_DEPLOY_REASON,
      'Deployment is paused',
      ctx.now(),
    );
  } else if (!d.spec?.paused && pausedExists) {
    condition = util.newDeploymentCondition(
      'Progressing',
      'Unknown',
      util.RESUMED_DEPLOY_REASON,
      'Deployment is resumed',
      ctx.now(),
    );
  }
  if (!condition) return d;
  const status = clone(d.status ?? {});
  util.setDeploymentCondition(status, condition);
  return ctx.store.update({ ...d, status });
}

/**
 * getAllReplicaSetsAndSyncRevision + getNewReplicaSet (sync.go §3.3). Returns the new RS (maybe
 * just created, already scaled for its first step) and all old RSs, and the Deployment as
 * written.
 */
function getAllReplicaSetsAndSyncRevision(
  ctx: Ctx,
  d: Deployment,
  rsList: ReplicaSet[],
  create: boolean,
): { d: Deployment; newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const { allOldRSs } = util.findOldReplicaSets(d, rsList);
  const existing = util.findNewReplicaSet(d, rsList);
  const newRevision = String(util.maxRevision(allOldRSs) + 1);
  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = util.setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReadyNeedsUpdate =
      (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyNeedsUpdate) {
      rsCopy.spec = {
        ...rsCopy.spec,
        selector: rsCopy.spec?.selector ?? {},
        minReadySeconds: d.spec?.minReadySeconds ?? 0,
      };
      return { d, newRS: ctx.store.update(rsCopy), oldRSs: allOldRSs };
    }
    const dCopy = clone(d);
    let needsUpdate = setDeploymentRevision(
      dCopy,
      rsCopy.metadata?.annotations?.[util.REVISION_ANNOTATION] ?? '',
    );
    if (
      util.hasProgressDeadline(dCopy) &&
      !util.getDeploymentCondition(dCopy.status, 'Progressing')
    ) {
      const msg = `Found new replica set "${rsCopy.metadata?.name}"`;
      dCopy.status ??= {};
      util.setDeploymentCondition(
        dCopy.status,
        util.newDeploymentCondition(
          'Progressing',
          'True',
          util.FOUND_NEW_RS_REASON,
          msg,
          ctx.now(),
        ),
      );
      needsUpdate = true;
    }
    return { d: needsUpdate ? ctx.store.update(dCopy) : d, newRS: existing, oldRSs: allOldRSs };
  }
  if (!create) return { d, newRS: undefined, oldRSs: allOldRSs };

  const template = clone(d.spec?.template ?? {});
  const hash = util.computeHash(template, d.status?.collisionCount);
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, [util.HASH_LABEL]: hash },
  };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [util.HASH_LABEL]: hash };
  const rsName = util.generateReplicaSetName(d.metadata?.name ?? '', hash);
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace: d.metadata?.namespace ?? 'default',
      labels: template.metadata.labels ?? {},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata?.name ?? '',
          uid: d.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  const replicas = util.newRSNewReplicas(d, [...allOldRSs, newRS], newRS);
  newRS.spec = { ...newRS.spec, selector, replicas };
  util.setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  const clash = ctx.store.get<ReplicaSet>('ReplicaSet', rsName);
  if (clash) {
    if (
      controllerRef(clash)?.uid === d.metadata?.uid &&
      util.equalIgnoreHash(d.spec?.template ?? {}, clash.spec?.template ?? {})
    ) {
      return { d, newRS: clash, oldRSs: allOldRSs };
    }
    // A hash collision: bump collisionCount and try again on the next sync (sync.go).
    const status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
    ctx.store.update({ ...d, status });
    ctx.enqueue('deployment', d.metadata?.name ?? '');
    return { d, newRS: undefined, oldRSs: allOldRSs };
  }
  if (replicas > 0) {
    const n = rolloutNumbers(
      d,
      [...allOldRSs, newRS].filter((x) => x !== newRS),
      undefined,
    );
    const why: ScaleReason = d.spec?.strategy?.type === 'Recreate' ? 'recreate-up' : 'new';
    ctx.explain(
      d.metadata?.name ?? '',
      'action',
      `new template → created ${rsName}; ${explainScale(n, why, rsName, 0, replicas)}`,
    );
  }
  const created = ctx.store.create(newRS);
  if (replicas > 0)
    record(
      ctx,
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${rsName} from 0 to ${replicas}`,
    );
  const dCopy = clone(d);
  setDeploymentRevision(dCopy, newRevision);
  if (util.hasProgressDeadline(dCopy)) {
    dCopy.status ??= {};
    util.setDeploymentCondition(
      dCopy.status,
      util.newDeploymentCondition(
        'Progressing',
        'True',
        util.NEW_RS_REASON,
        `Created new replica set "${rsName}"`,
        ctx.now(),
      ),
    );
  }
  return { d: ctx.store.update(dCopy), newRS: created, oldRSs: allOldRSs };
}

function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const meta = (d.metadata ??= {});
  const ann = (meta.annotations ??= {});
  if (ann[util.REVISION_ANNOTATION] === revision) return false;
  ann[util.REVISION_ANNOTATION] = revision;
  return true;
}

/** scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
function scaleAndRecord(
  ctx: Ctx,
  d: Deployment,
  rs: ReplicaSet,
  size: number,
  why: ScaleReason,
): boolean {
  if ((rs.spec?.replicas ?? 0) === size) return false;
  return scaleReplicaSet(ctx, d, rs, size, why);
}

/** Says why, in words, before the write changes the numbers. */
function explain(
  ctx: Ctx,
  d: Deployment,
  why: ScaleReason,
  rs: ReplicaSet,
  from: number,
  to: number,
): void {
  const n = rolloutNumbers(d, ownedReplicaSets(ctx, d), fresh(ctx, newReplicaSetOf(ctx, d) ?? rs));
  ctx.explain(
    d.metadata?.name ?? '',
    'action',
    explainScale(n, why, rs.metadata?.name ?? '', from, to),
  );
}

function newReplicaSetOf(ctx: Ctx, d: Deployment): ReplicaSet | undefined {
  return util.findNewReplicaSet(d, ownedReplicaSets(ctx, d));
}

/** scaleReplicaSet: writes size and the desired/max annotations; an event when the size changed. */
function scaleReplicaSet(
  ctx: Ctx,
  d: Deployment,
  rs: ReplicaSet,
  size: number,
  why: ScaleReason,
): boolean {
  const current = ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata?.name ?? '') ?? rs;
  const old = current.spec?.replicas ?? 0;
  const replicas = d.spec?.replicas ?? 1;
  const max = replicas + util.maxSurge(d);
  const sizeNeedsUpdate = old !== size;
  if (!sizeNeedsUpdate && !util.replicasAnnotationsNeedUpdate(current, replicas, max)) return false;
  if (sizeNeedsUpdate) explain(ctx, d, why, current, old, size);
  const copy = clone(current);
  copy.spec = { ...copy.spec, selector: copy.spec?.selector ?? {}, replicas: size };
  util.setReplicasAnnotations(copy, replicas, max);
  ctx.store.update(copy);
  if (sizeNeedsUpdate) {
    const dir = old < size ? 'up' : 'down';
    record(
      ctx,
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${dir} replica set ${copy.metadata?.name} from ${old} to ${size}`,
    );
  }
  return sizeNeedsUpdate;
}

function fresh(ctx: Ctx, rs: ReplicaSet): ReplicaSet {
  return ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata?.name ?? '') ?? rs;
}

/** rolling.go rolloutRolling (§4.1). */
function rolloutRolling(ctx: Ctx, d0: Deployment, rsList: ReplicaSet[]): void {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d0, rsList, true);
  const d = got.d;
  const newRS = got.newRS;
  if (!newRS) return;
  const oldRSs = got.oldRSs;
  const allRSs = [...oldRSs, newRS];
  const target = reconcileNewReplicaSet(d, allRSs, newRS);
  const growing = target !== null && target > (newRS.spec?.replicas ?? 0);
  if (target !== null && scaleAndRecord(ctx, d, newRS, target, growing ? 'new' : 'lowered'))
    return finishRollout(ctx, d, allRSs, newRS);
  const active = oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  let scaledDown = false;
  for (const op of reconcileOldReplicaSets(d, allRSs, active, newRS)) {
    const rs = oldRSs.find((x) => x.metadata?.name === op.name);
    if (!rs) continue;
    const current = fresh(ctx, rs);
    const unhealthy = (current.spec?.replicas ?? 0) - (current.status?.availableReplicas ?? 0);
    const why = (current.spec?.replicas ?? 0) - op.to <= unhealthy ? 'unhealthy' : 'old';
    if (scaleAndRecord(ctx, d, current, op.to, why)) scaledDown = true;
  }
  if (scaledDown) return finishRollout(ctx, d, allRSs, newRS);
  const complete = util.deploymentComplete(d, d.status ?? {});
  if (complete) runCleanup(ctx, d, oldRSs);
  explainIdleSync(ctx, d, newRS, { complete, paused: false, recreateWaiting: null });
  finishRollout(ctx, d, allRSs, newRS);
}

/** recreate.go rolloutRecreate (§5). */
function rolloutRecreate(ctx: Ctx, d0: Deployment, rsList: ReplicaSet[]): void {
  let got = getAllReplicaSetsAndSyncRevision(ctx, d0, rsList, false);
  let d = got.d;
  const allRSs = (): ReplicaSet[] => [...got.oldRSs, ...(got.newRS ? [got.newRS] : [])];
  let scaledDown = false;
  for (const rs of got.oldRSs.filter((x) => (x.spec?.replicas ?? 0) > 0)) {
    if (scaleAndRecord(ctx, d, fresh(ctx, rs), 0, 'recreate-down')) scaledDown = true;
  }
  if (scaledDown) return finishRollout(ctx, d, allRSs(), got.newRS);
  const podMap = new Map<string, Pod[]>();
  for (const rs of rsList) podMap.set(rs.metadata?.uid ?? '', ctx.pods.owned(rs.metadata?.uid));
  if (
    oldPodsRunning(
      got.newRS,
      got.oldRSs.map((rs) => fresh(ctx, rs)),
      podMap,
    )
  ) {
    const waiting = got.oldRSs.reduce(
      (n, rs) => n + (podMap.get(rs.metadata?.uid ?? '')?.length ?? 0),
      0,
    );
    explainIdleSync(ctx, d, got.newRS, {
      complete: false,
      paused: false,
      recreateWaiting: waiting,
    });
    return finishRollout(ctx, d, allRSs(), got.newRS);
  }
  if (!got.newRS) {
    got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
    d = got.d;
  }
  if (got.newRS)
    scaleAndRecord(ctx, d, fresh(ctx, got.newRS), d.spec?.replicas ?? 1, 'recreate-up');
  const complete = util.deploymentComplete(d, d.status ?? {});
  if (complete) {
    runCleanup(ctx, d, got.oldRSs);
    explainIdleSync(ctx, d, got.newRS, { complete, paused: false, recreateWaiting: null });
  }
  finishRollout(ctx, d, allRSs(), got.newRS);
}

/** sync.go sync(): scaling events and paused Deployments (§6). */
function syncScaling(ctx: Ctx, d0: Deployment, rsList: ReplicaSet[]): void {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d0, rsList, false);
  const d = got.d;
  for (const w of scale(d, got.newRS, got.oldRSs)) {
    const rs = rsList.find((x) => x.metadata?.name === w.name);
    if (!rs) continue;
    if (w.recordEvent) scaleAndRecord(ctx, d, fresh(ctx, rs), w.to, 'proportional');
    else scaleReplicaSet(ctx, d, fresh(ctx, rs), w.to, 'proportional');
  }
  if (d.spec?.paused) {
    runCleanup(ctx, d, got.oldRSs);
    explainIdleSync(ctx, d, got.newRS, { complete: false, paused: true, recreateWaiting: null });
  }
  const all = [...got.oldRSs, ...(got.newRS ? [got.newRS] : [])];
  const latest = ctx.store.get<Deployment>('Deployment', d.metadata?.name ?? '') ?? d;
  const status = util.calculateStatus(
    all.map((rs) => fresh(ctx, rs)),
    got.newRS && fresh(ctx, got.newRS),
    latest,
    ctx.now(),
  );
  if (!deepEqual(latest.status, status)) ctx.store.update({ ...latest, status });
}

/** When a sync changes nothing, say what it is waiting for (only when that changed). */
function explainIdleSync(
  ctx: Ctx,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  state: { complete: boolean; paused: boolean; recreateWaiting: number | null },
): void {
  const rsList = ownedReplicaSets(ctx, d);
  const n = rolloutNumbers(d, rsList, newRS && fresh(ctx, newRS));
  const idle = state.paused ? 'paused' : state.complete ? 'complete' : 'idle';
  ctx.explain(d.metadata?.name ?? '', idle, explainIdle(n, state));
}

function runCleanup(ctx: Ctx, d: Deployment, oldRSs: ReplicaSet[]): void {
  for (const name of cleanupDeployment(
    d,
    oldRSs.map((rs) => fresh(ctx, rs)),
  ))
    ctx.store.delete('ReplicaSet', name);
}

/** progress.go syncRolloutStatus: write the status, or re-queue for the progress deadline. */
function finishRollout(
  ctx: Ctx,
  d: Deployment,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet | undefined,
): void {
  const latest = ctx.store.get<Deployment>('Deployment', d.metadata?.name ?? '') ?? d;
  const status = syncRolloutStatus(
    latest,
    allRSs.map((rs) => fresh(ctx, rs)),
    newRS && fresh(ctx, newRS),
    ctx.now(),
  );
  if (deepEqual(latest.status, status)) {
    // progress.go enqueues after + 1 s; under a second it re-queues rate-limited until the
    // deadline has passed — here, once, just after it.
    const after = requeueStuckDeployment(latest, status, ctx.now());
    if (after === 0) {
      const cond = util.getDeploymentCondition(status, 'Progressing');
      const deadline =
        (fromTimestamp(cond?.lastUpdateTime) ?? ctx.now()) +
        (latest.spec?.progressDeadlineSeconds ?? 0) * 1000;
      ctx.enqueue('deployment', latest.metadata?.name ?? '', Math.max(1, deadline - ctx.now() + 1));
    } else if (after > 0) ctx.enqueue('deployment', latest.metadata?.name ?? '', after + 1000);
    return;
  }
  ctx.store.update({ ...latest, status });
}
