/**
 * Objects owned by another object in the same file: what `kubectl get all -o yaml` prints
 * besides the Deployments (their ReplicaSets, and those ReplicaSets' Pods). Applying them would
 * make copies beside the ones the controllers create again from their owners, so import skips
 * them and lists them as ignored. An owner is matched by uid (what an export carries), or by
 * kind and name when a reference has no uid; only what the owner's simulated controller creates
 * counts (a Service that some operator marked as owned by a Deployment is applied as usual).
 */
import type { Rec } from './specReader';
import { isRec } from './specReader';

/** The kinds each simulated controller creates for the objects it owns. */
const CREATES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['ReplicaSet'],
  Rollout: ['ReplicaSet', 'AnalysisRun'],
  ReplicaSet: ['Pod'],
  ReplicationController: ['Pod'],
};

const label = (o: Rec): string =>
  `${String(o.kind)}/${isRec(o.metadata) ? String(o.metadata.name ?? '') : ''}`;

/** For each object of the file, `Kind/name` of its owner in the file, if it has one. */
export function ownersInFile(objects: readonly unknown[]): (obj: Rec) => string | undefined {
  const byUid = new Map<string, string>();
  const byName = new Set<string>();
  for (const o of objects) {
    if (!isRec(o)) continue;
    byName.add(label(o));
    if (isRec(o.metadata) && typeof o.metadata.uid === 'string')
      byUid.set(o.metadata.uid, label(o));
  }
  return (obj) => {
    const refs = isRec(obj.metadata) ? obj.metadata.ownerReferences : undefined;
    if (!Array.isArray(refs)) return undefined;
    for (const ref of refs) {
      if (!isRec(ref)) continue;
      const owner =
        typeof ref.uid === 'string' && byUid.has(ref.uid)
          ? byUid.get(ref.uid)
          : `${String(ref.kind)}/${String(ref.name)}`;
      const ownerKind = owner?.slice(0, owner.indexOf('/')) ?? '';
      const creates = Object.hasOwn(CREATES, ownerKind) ? CREATES[ownerKind] : undefined;
      if (owner !== undefined && byName.has(owner) && creates?.includes(String(obj.kind)))
        return owner;
    }
    return undefined;
  };
}
