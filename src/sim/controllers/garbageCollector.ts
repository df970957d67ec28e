/**
 * The garbage collector, background propagation only: when an owner goes, its dependents
 * (ReplicaSets of a Deployment, pods of a ReplicaSet, slices of a Service) are deleted too.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from './context';
import { deletePod } from './podDeletion';

const DEPENDENT_KINDS: Kind[] = ['ReplicaSet', 'Pod', 'EndpointSlice'];

export function collectDependents(ctx: Ctx, ownerUid: string): void {
  for (const kind of DEPENDENT_KINDS) {
    for (const o of ctx.store.list<KubeObject>(kind)) {
      if (!o.metadata?.ownerReferences?.some((r) => r.uid === ownerUid)) continue;
      const name = o.metadata.name ?? '';
      if (kind === 'Pod') deletePod(ctx, name);
      else ctx.store.delete(kind, name);
    }
  }
}
