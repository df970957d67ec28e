/**
 * The ReplicaSet (and ReplicationController) controller: keeps the number of active pods at
 * spec.replicas and reports status (pkg/controller/replicaset/replica_set.go, §12).
 * Creations and deletions are visible in the store at once, so "expectations" are always met
 * by the next sync and need no modelling.
 */
import type { Pod, ReplicaSet, ReplicationController } from '../api/objects';
import type { Ctx } from './context';
import { uniqueName } from './names';
import { clone, deepEqual } from '../core/clone';
import { isActive, isAvailable, isReady } from '../api/podState';
import { matchesMap, matchesSelector } from '../api/labels';
import { getPodsToDelete } from './podRanking';
import { deletePod } from './podDeletion';

/** replica_set.go: at most this many creates/deletes per sync. */
const BURST_REPLICAS = 500;

export type ReplicaOwner = ReplicaSet | ReplicationController;

export function syncReplicaSet(
  ctx: Ctx,
  kind: 'ReplicaSet' | 'ReplicationController',
  name: string,
) {
  const rs = ctx.store.get<ReplicaOwner>(kind, name);
  if (!rs || rs.metadata?.deletionTimestamp) return;
  const owned = ctx.pods.owned(rs.metadata?.uid);
  const active = owned.filter(isActive);
  const want = rs.spec?.replicas ?? 1;
  const diff = active.length - want;
  if (diff < 0) {
    const n = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < n; i++) createPod(ctx, rs);
  } else if (diff > 0) {
    const related = relatedPods(ctx, rs);
    const victims = getPodsToDelete(active, related, Math.min(diff, BURST_REPLICAS), ctx.now());
    for (const p of victims) {
      deletePod(ctx, p.metadata?.name ?? '');
      ctx.events.record(
        kind,
        name,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${p.metadata?.name}`,
        controllerName(kind),
      );
    }
  }
  updateStatus(ctx, kind, name);
}

/** Recomputes status from the pods (§12.3) and writes it when it changed. */
export function updateStatus(ctx: Ctx, kind: 'ReplicaSet' | 'ReplicationController', name: string) {
  const rs = ctx.store.get<ReplicaOwner>(kind, name);
  if (!rs) return;
  const now = ctx.now();
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  let replicas = 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of ctx.pods.owned(rs.metadata?.uid)) {
    if (!isActive(p)) continue;
    replicas++;
    const labels = p.metadata?.labels ?? {};
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (isReady(p)) {
      ready++;
      if (isAvailable(p, minReady, now)) available++;
    }
  }
  const status = {
    ...rs.status,
    replicas,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata?.generation ?? 1,
  };
  if (deepEqual(status, rs.status)) return;
  ctx.store.update({ ...rs, status } as ReplicaOwner);
}

function createPod(ctx: Ctx, rs: ReplicaOwner): void {
  const kind = rs.kind as 'ReplicaSet' | 'ReplicationController';
  const rsName = rs.metadata?.name ?? '';
  const template = rs.spec?.template ?? {};
  const tmeta = template.metadata ?? {};
  // Pod names: generateName "<rs>-" plus five random characters from the safe alphabet.
  const podName = uniqueName(ctx, 'Pod', `${rsName}-`);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName,
      generateName: `${rsName}-`,
      ...(tmeta.labels ? { labels: clone(tmeta.labels) } : {}),
      ...(tmeta.annotations ? { annotations: clone(tmeta.annotations) } : {}),
      ownerReferences: [
        {
          apiVersion: kind === 'ReplicaSet' ? 'apps/v1' : 'v1',
          kind,
          name: rsName,
          uid: rs.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: clone(template.spec ?? { containers: [] }),
    status: { phase: 'Pending', qosClass: qosClass(template.spec?.containers ?? []) },
  };
  ctx.store.create(pod);
  ctx.events.record(
    kind,
    rsName,
    'Normal',
    'SuccessfulCreate',
    `Created pod: ${podName}`,
    controllerName(kind),
  );
}

/** All active pods of the same controller family (the Deployment's RSs), for rank (§12.2 rule 5). */
function relatedPods(ctx: Ctx, rs: ReplicaOwner): Pod[] {
  const owner = rs.metadata?.ownerReferences?.find((r) => r.controller);
  if (!owner || rs.kind !== 'ReplicaSet') return ctx.pods.owned(rs.metadata?.uid).filter(isActive);
  const out: Pod[] = [];
  for (const other of ctx.store.list<ReplicaSet>('ReplicaSet')) {
    const o = other.metadata?.ownerReferences?.find((r) => r.controller);
    if (o?.uid === owner.uid) out.push(...ctx.pods.owned(other.metadata?.uid).filter(isActive));
  }
  return out;
}

/** Whether `rs` selects a pod with these labels (used to adopt orphans and for validation). */
export function selects(rs: ReplicaOwner, labels: Record<string, string> | undefined): boolean {
  return rs.kind === 'ReplicationController'
    ? matchesMap((rs as ReplicationController).spec?.selector, labels)
    : matchesSelector((rs as ReplicaSet).spec?.selector, labels);
}

function controllerName(kind: string): string {
  return kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
}

function qosClass(
  containers: {
    resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  }[],
): string {
  const any = containers.some((c) => c.resources?.requests || c.resources?.limits);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    return (
      l.cpu !== undefined &&
      l.memory !== undefined &&
      (r.cpu ?? l.cpu) === l.cpu &&
      (r.memory ?? l.memory) === l.memory
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
