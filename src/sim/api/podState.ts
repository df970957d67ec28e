/**
 * Pod predicates the controllers share (pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go).
 */
import type { Pod } from './objects';
import { fromTimestamp } from '../core/time';

export function isTerminal(p: Pod): boolean {
  const phase = p.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isDeleting(p: Pod): boolean {
  return !!p.metadata?.deletionTimestamp;
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isActive(p: Pod): boolean {
  return !isTerminal(p) && !isDeleting(p);
}

export function readyCondition(p: Pod) {
  return p.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isReady(p: Pod): boolean {
  return readyCondition(p)?.status === 'True';
}

/** podutil.IsPodAvailable: Ready for longer than minReadySeconds (strictly), §4.5. */
export function isAvailable(p: Pod, minReadySeconds: number, nowMs: number): boolean {
  const c = readyCondition(p);
  if (c?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = fromTimestamp(c.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}
