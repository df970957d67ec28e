/**
 * Which pods a ReplicaSet deletes first (§12.2): controller.ActivePods and ActivePodsWithRanks
 * from pkg/controller/controller_utils.go, and getPodsToDelete from
 * pkg/controller/replicaset/replica_set.go. "Less" means "delete first".
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fromTimestamp } from '../core/time';
import { isActive, isReady } from '../api/podState';

/** Feature gates that change the order; both are on by default since v1.22. */
export interface RankingGates {
  podDeletionCost: boolean;
  logarithmicScaleDown: boolean;
}

export const DEFAULT_RANKING_GATES: RankingGates = {
  podDeletionCost: true,
  logarithmicScaleDown: true,
};

export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

/** A pod with its rank: the number of active related pods on its node. */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

// Phases not listed (Succeeded, Failed, empty) rank like Pending, as Go's map lookup gives 0.
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(p: Pod): number {
  return PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;
}

/** podReadyTime in ms; undefined is Go's zero time (also for pods that are not ready). */
function readyTime(p: Pod): number | undefined {
  if (!isReady(p)) return undefined;
  const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return fromTimestamp(c?.lastTransitionTime);
}

function creationTime(p: Pod): number | undefined {
  return fromTimestamp(p.metadata?.creationTimestamp);
}

/** afterOrZero: t1 after t2, a zero time counting as "after" everything. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** floor(log2(age in ns)), -1 for no age: LogarithmicScaleDown buckets. */
function logRank(t: number, nowMs: number): number {
  const ns = (nowMs - t) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/** helper.GetDeletionCostFromPodAnnotations: int32, no '+' or leading zeros; invalid → 0. */
export function podDeletionCost(p: Pod): number {
  const v = p.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^(0|-[0-9]+|[1-9][0-9]*)$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/**
 * compareMaxContainerRestarts: more restarts in regular containers first, then more in sidecars
 * (init containers with restartPolicy Always); undefined when equal.
 */
function compareMaxContainerRestarts(a: Pod, b: Pod): boolean | undefined {
  const [ra, sa] = maxContainerRestarts(a);
  const [rb, sb] = maxContainerRestarts(b);
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  return undefined;
}

function maxContainerRestarts(p: Pod): [number, number] {
  let regular = 0;
  for (const c of p.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount);
  const sidecars = new Set(
    (p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  let sidecar = 0;
  for (const c of p.status?.initContainerStatuses ?? []) {
    if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount);
  }
  return [regular, sidecar];
}

/** Rules 1-3, shared by both orders; undefined when they do not decide. */
function lessByStateAndReadiness(a: Pod, b: Pod): boolean | undefined {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  if (isReady(a) !== isReady(b)) return !isReady(a);
  return undefined;
}

/** controller.ActivePods Less (no ranks, exact timestamps). */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const byState = lessByStateAndReadiness(a, b);
  if (byState !== undefined) return byState;
  if (isReady(a) && isReady(b)) {
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) return afterOrZero(ta, tb);
  }
  const byRestarts = compareMaxContainerRestarts(a, b);
  if (byRestarts !== undefined) return byRestarts;
  const ca = creationTime(a);
  const cb = creationTime(b);
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** Compare two times: exactly, or (LogarithmicScaleDown) by log2 age bucket, then by UID. */
function lessByTime(
  ta: number | undefined,
  tb: number | undefined,
  a: Pod,
  b: Pod,
  nowMs: number | undefined,
  gates: RankingGates,
): boolean {
  if (!gates.logarithmicScaleDown || nowMs === undefined || ta === undefined || tb === undefined) {
    return afterOrZero(ta, tb);
  }
  const diff = logRank(ta, nowMs) - logRank(tb, nowMs);
  // Same bucket: UID order, a pseudo-random but stable choice among equivalent pods.
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

/**
 * ActivePodsWithRanks.Less (§12.2). `nowMs` is the reference for logarithmic age buckets;
 * undefined plays Go's zero Now (exact comparison).
 */
export function activePodsWithRanksLess(
  a: RankedPod,
  b: RankedPod,
  nowMs: number | undefined,
  gates: RankingGates = DEFAULT_RANKING_GATES,
): boolean {
  const byState = lessByStateAndReadiness(a.pod, b.pod);
  if (byState !== undefined) return byState;
  if (gates.podDeletionCost) {
    const ca = podDeletionCost(a.pod);
    const cb = podDeletionCost(b.pod);
    if (ca !== cb) return ca < cb;
  }
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (isReady(a.pod) && isReady(b.pod)) {
    const ta = readyTime(a.pod);
    const tb = readyTime(b.pod);
    if (ta !== tb) return lessByTime(ta, tb, a.pod, b.pod, nowMs, gates);
  }
  const byRestarts = compareMaxContainerRestarts(a.pod, b.pod);
  if (byRestarts !== undefined) return byRestarts;
  const ca = creationTime(a.pod);
  const cb = creationTime(b.pod);
  if (ca !== cb) return lessByTime(ca, cb, a.pod, b.pod, nowMs, gates);
  return false;
}

function toComparator<T>(less: (a: T, b: T) => boolean): (a: T, b: T) => number {
  return (a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0);
}

/** The pods in controller.ActivePods order (a sorted copy). */
export function sortActivePods(pods: readonly Pod[]): Pod[] {
  return [...pods].sort(toComparator(activePodsLess));
}

/**
 * getPodsToDelete: the first `diff` pods of `filteredPods` in ActivePodsWithRanks order, ranked
 * by how many active `relatedPods` (all pods of the Deployment's RSs) share their node. When
 * every pod goes, Go does not sort and neither do we.
 */
export function getPodsToDelete(
  filteredPods: readonly Pod[],
  relatedPods: readonly Pod[],
  diff: number,
  nowMs: number,
  gates: RankingGates = DEFAULT_RANKING_GATES,
): Pod[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked: RankedPod[] = filteredPods.map((pod) => ({
    pod,
    rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0,
  }));
  ranked.sort(
    toComparator((a: RankedPod, b: RankedPod) => activePodsWithRanksLess(a, b, nowMs, gates)),
  );
  return ranked.slice(0, diff).map((r) => r.pod);
}
