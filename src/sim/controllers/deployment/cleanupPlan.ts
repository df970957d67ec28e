/**
 * revisionHistoryLimit cleanup: sync.go cleanupDeployment (§7.3). Returns the names of the old
 * ReplicaSets to delete, in the order Go deletes them.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { compareByCreationTimestamp, hasRevisionHistoryLimit, revision, rsReplicas } from './util';

type WithTerminating = { terminatingReplicas?: number | null };

/** ReplicaSetsByRevision: lower revision first; equal or unparseable → by creation time. */
function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revision(a);
  const rb = revision(b);
  if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return compareByCreationTimestamp(a, b);
  return ra - rb;
}

/**
 * Only the (count − limit) lowest revisions are examined, and of those only fully empty,
 * observed, not-yet-deleted RSs are deleted; a non-empty one is skipped, not replaced.
 */
export function cleanupDeployment(d: Deployment, oldRSs: readonly ReplicaSet[]): string[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  if (diff <= 0) return [];
  return [...cleanable]
    .sort(byRevision)
    .slice(0, diff)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        rsReplicas(rs) === 0 &&
        (rs.metadata?.generation ?? 0) <= (rs.status?.observedGeneration ?? 0) &&
        // KEP-3973: an RS still reporting terminating pods is kept (an unknown count is not
        // treated as blocking, since not every RS status carries the field).
        !((rs.status as WithTerminating | undefined)?.terminatingReplicas ?? 0),
    )
    .map((rs) => rs.metadata?.name ?? '');
}
