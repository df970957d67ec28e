/**
 * Graceful pod deletion as the API server performs it (registry/core/pod/strategy.go): a pod
 * bound to a node gets deletionTimestamp + grace period and the kubelet finishes it; a pod no
 * kubelet has started is removed at once.
 */
import type { Pod } from '../api/objects';
import type { Ctx } from './context';
import { toTimestamp } from '../core/time';

export function deletePod(ctx: Ctx, name: string, gracePeriodSeconds?: number): boolean {
  const pod = ctx.store.get<Pod>('Pod', name);
  if (!pod) return false;
  if (pod.metadata?.deletionTimestamp) return true;
  const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec?.nodeName || (grace === 0 && gracePeriodSeconds === 0)) {
    ctx.store.delete('Pod', name);
    return true;
  }
  ctx.store.update({
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: toTimestamp(ctx.now() + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  });
  return true;
}
