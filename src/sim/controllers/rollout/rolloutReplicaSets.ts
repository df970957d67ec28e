/**
 * The ReplicaSets a Rollout owns: finding the one for the current template, creating it, and
 * scaling with Argo's events (argo-rollouts rollout/sync.go createDesiredReplicaSet,
 * scaleReplicaSet). Argo labels them `rollouts-pod-template-hash`, not `pod-template-hash`.
 */
import { defaultReplicaSet } from '../../api/defaultSpecs';
import type { ReplicaSet, Rollout } from '../../api/objects';
import type { Ctx } from '../context';
import { controllerRef } from '../../api/podIndex';
import { clone } from '../../core/clone';
import { computeHash } from '../deployment/util';

export const ROLLOUT_HASH_LABEL = 'rollouts-pod-template-hash';
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'rollout.argoproj.io/desired-replicas';
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
export const CONTROLLER = 'rollouts-controller';

/** Argo's defaults (utils/defaults): scaleDownDelaySeconds and abortScaleDownDelaySeconds. */
export const DEFAULT_SCALE_DOWN_DELAY_S = 30;
export const DEFAULT_ABORT_SCALE_DOWN_DELAY_S = 30;

/** The stored (latest) version of a ReplicaSet read earlier in the same sync. */
export function liveRS(ctx: Ctx, rs: ReplicaSet | undefined): ReplicaSet | undefined {
  if (!rs) return undefined;
  return ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata?.name ?? '') ?? rs;
}

export function rolloutReplicas(ro: Rollout): number {
  return ro.spec.replicas ?? 1;
}

export function rsHash(rs: ReplicaSet | undefined): string | undefined {
  return rs?.metadata?.labels?.[ROLLOUT_HASH_LABEL];
}

export function rsRevision(rs: { metadata?: { annotations?: Record<string, string> } }): number {
  return Number(rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0) || 0;
}

export function specOf(rs: ReplicaSet | undefined): number {
  return rs?.spec?.replicas ?? 0;
}

export function availableOf(rs: ReplicaSet | undefined): number {
  return rs?.status?.availableReplicas ?? 0;
}

/** Every ReplicaSet whose controller is this Rollout, oldest revision first. */
export function ownedReplicaSets(ctx: Ctx, ro: Rollout): ReplicaSet[] {
  return ctx.store
    .list<ReplicaSet>('ReplicaSet')
    .filter((rs) => {
      const ref = controllerRef(rs);
      return ref?.kind === 'Rollout' && ref.uid === ro.metadata?.uid;
    })
    .sort((a, b) => rsRevision(a) - rsRevision(b));
}

export function templateHash(ro: Rollout): string {
  return computeHash(ro.spec.template ?? {}, ro.status?.collisionCount);
}

export function recordRollout(
  ctx: Ctx,
  ro: Rollout,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  ctx.events.record('Rollout', ro.metadata?.name ?? '', type, reason, message, CONTROLLER);
}

/**
 * The ReplicaSet for the current template: an existing one (a rollback reuses it and takes the
 * next revision, as Argo's syncReplicaSetRevision does) or a new one with 0 replicas.
 */
export function ensureNewReplicaSet(
  ctx: Ctx,
  ro: Rollout,
  owned: ReplicaSet[],
): { rs: ReplicaSet; created: boolean; revision: number } {
  const hash = templateHash(ro);
  const maxRevision = owned.reduce((m, rs) => Math.max(m, rsRevision(rs)), 0);
  const existing = owned.find((rs) => rsHash(rs) === hash);
  if (existing) {
    const rev = rsRevision(existing);
    if (rev < maxRevision) {
      const annotations = { ...existing.metadata?.annotations };
      annotations[REVISION_ANNOTATION] = String(maxRevision + 1);
      const updated = ctx.store.update({
        ...existing,
        metadata: { ...existing.metadata, annotations },
      });
      return { rs: updated, created: false, revision: maxRevision + 1 };
    }
    return { rs: existing, created: false, revision: rev };
  }
  const template = clone(ro.spec.template ?? {});
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, [ROLLOUT_HASH_LABEL]: hash },
  };
  const selector = clone(ro.spec.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [ROLLOUT_HASH_LABEL]: hash };
  const name = `${ro.metadata?.name ?? ''}-${hash}`;
  const revision = maxRevision + 1;
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: ro.metadata?.namespace ?? 'default',
      labels: template.metadata.labels ?? {},
      annotations: {
        [REVISION_ANNOTATION]: String(revision),
        [DESIRED_REPLICAS_ANNOTATION]: String(rolloutReplicas(ro)),
      },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          name: ro.metadata?.name ?? '',
          uid: ro.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas: 0, minReadySeconds: ro.spec.minReadySeconds ?? 0, selector, template },
  };
  // The API server defaults a created ReplicaSet (SetObjectDefaults_ReplicaSet: the pod
  // template's protocol, probe and policy defaults), whatever its author: a Rollout's template,
  // a CRD's, was stored as written.
  defaultReplicaSet(rs.spec as unknown as Record<string, unknown>);
  const created = ctx.store.create(rs);
  recordRollout(
    ctx,
    ro,
    'Normal',
    'NewReplicaSetCreated',
    `Created ReplicaSet ${name} (revision ${revision})`,
  );
  return { rs: created, created: true, revision };
}

/** Scales `rs` to `n` with Argo's ScalingReplicaSet event; true when the size changed. */
export function scaleRS(ctx: Ctx, ro: Rollout, rs: ReplicaSet, n: number): boolean {
  const from = specOf(rs);
  const desired = String(rolloutReplicas(ro));
  const annotations = { ...rs.metadata?.annotations };
  const annotationsChange = annotations[DESIRED_REPLICAS_ANNOTATION] !== desired;
  if (from === n && !annotationsChange) return false;
  annotations[DESIRED_REPLICAS_ANNOTATION] = desired;
  if (n === 0) delete annotations[SCALE_DOWN_DEADLINE_ANNOTATION];
  const current = ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata?.name ?? '') ?? rs;
  ctx.store.update({
    ...current,
    metadata: { ...current.metadata, annotations },
    spec: { ...current.spec, replicas: n },
  } as ReplicaSet);
  if (from === n) return false;
  recordRollout(
    ctx,
    ro,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${from < n ? 'up' : 'down'} ReplicaSet ${rs.metadata?.name ?? ''} (revision ${rsRevision(rs)}) from ${from} to ${n}`,
  );
  return true;
}

/** Sets or clears the scale-down-deadline annotation (an RFC 3339 time) on an old ReplicaSet. */
export function setScaleDownDeadline(ctx: Ctx, rs: ReplicaSet, deadline: string | null): void {
  const current = ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata?.name ?? '');
  if (!current) return;
  const annotations = { ...current.metadata?.annotations };
  if (deadline === null) {
    if (!(SCALE_DOWN_DEADLINE_ANNOTATION in annotations)) return;
    delete annotations[SCALE_DOWN_DEADLINE_ANNOTATION];
  } else {
    if (annotations[SCALE_DOWN_DEADLINE_ANNOTATION] === deadline) return;
    annotations[SCALE_DOWN_DEADLINE_ANNOTATION] = deadline;
  }
  ctx.store.update({ ...current, metadata: { ...current.metadata, annotations } });
}
