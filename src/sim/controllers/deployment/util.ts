/**
 * Port of pkg/controller/deployment/util/deployment_util.go (Kubernetes master, 2026): the
 * arithmetic, annotation and condition helpers every Deployment sync uses. Pure: objects in,
 * values out. The few helpers that mutate (set*Annotations, setDeploymentCondition) mutate only
 * the object passed in, exactly as their Go counterparts do, so callers pass a copy.
 */
import { utf8 } from '../../core/utf8';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  ReplicaSet,
} from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { scaledValue } from '../../core/quantity';
import { fromTimestamp, toTimestamp } from '../../core/time';

// Annotations the controller owns (§1.3).
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** apps.DefaultDeploymentUniqueLabelKey */
export const HASH_LABEL = 'pod-template-hash';

// Condition reasons (deployment_util.go constants).
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_RS_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

export const MAX_INT32 = 2147483647;

/** k8s.io/apimachinery/pkg/util/rand alphanums: no vowels, no 0/1/3. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Status fields newer than kubernetes-types 1.30 (KEP-3973, beta and on by default in 1.35). */
export type DeploymentStatusV135 = DeploymentStatus & { terminatingReplicas?: number };
type WithTerminating = { terminatingReplicas?: number | null };

type MaybeRS = ReplicaSet | undefined | null;
type IntOrString = number | string;

// ---- accessors (the API server defaults replicas to 1 and the strategy to RollingUpdate) ----

export function specReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

export function rsReplicas(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** A copy of `rs` with spec.replicas = n (what the API returns after a scale write). */
export function withReplicas(rs: ReplicaSet, n: number): ReplicaSet {
  return { ...rs, spec: { ...rs.spec, selector: rs.spec?.selector ?? {}, replicas: n } };
}

// ---- maxSurge / maxUnavailable (§2.1) ----

export interface Fenceposts {
  surge: number;
  unavailable: number;
  error?: string;
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; unset counts as 0; if both end up
 * 0, unavailable becomes 1 "on the theory that surge might not work due to quota".
 */
export function resolveFenceposts(
  maxSurgeValue: IntOrString | undefined | null,
  maxUnavailableValue: IntOrString | undefined | null,
  desired: number,
): Fenceposts {
  const surge = scaledValue(maxSurgeValue, desired, true);
  if (surge === undefined) {
    return {
      surge: 0,
      unavailable: 0,
      error: `invalid value for IntOrString: ${String(maxSurgeValue)}`,
    };
  }
  let unavailable = scaledValue(maxUnavailableValue, desired, false);
  if (unavailable === undefined) {
    return {
      surge: 0,
      unavailable: 0,
      error: `invalid value for IntOrString: ${String(maxUnavailableValue)}`,
    };
  }
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function fenceposts(d: Deployment): Fenceposts {
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d));
}

/** MaxSurge: 0 unless RollingUpdate; not clamped. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return fenceposts(d).surge;
}

/** MaxUnavailable: 0 unless RollingUpdate or when replicas is 0; clamped to replicas. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || specReplicas(d) === 0) return 0;
  return Math.min(fenceposts(d).unavailable, specReplicas(d));
}

/** MinAvailable: replicas − MaxUnavailable, 0 for Recreate. */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return specReplicas(d) - maxUnavailable(d);
}

/** NewRSNewReplicas (§4.2): the size the new RS may grow to in this sync. */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: readonly MaybeRS[],
  newRS: ReplicaSet,
): number {
  const R = specReplicas(d);
  const type = d.spec?.strategy?.type ?? 'RollingUpdate';
  if (type === 'Recreate') return R;
  if (type !== 'RollingUpdate') throw new Error(`deployment type ${type} isn't supported`);
  // Go reads the raw maxSurge here (GetScaledValueFromIntOrPercent), not the fencepost pair.
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge, R, true);
  if (surge === undefined) throw new Error('invalid maxSurge');
  const current = getReplicaCountForReplicaSets(allRSs);
  const maxTotal = R + surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, R - rsReplicas(newRS));
}

// ---- completion, progress, deadline (§9) ----

export function hasProgressDeadline(d: Deployment): boolean {
  const pds = d.spec?.progressDeadlineSeconds;
  return pds !== undefined && pds !== null && pds !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

/** DeploymentComplete: every replica updated and available, no old ones, generation observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const R = specReplicas(d);
  return (
    (s.updatedReplicas ?? 0) === R &&
    (s.replicas ?? 0) === R &&
    (s.availableReplicas ?? 0) === R &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/** DeploymentProgressing: compares d.status (before this sync) with the new status. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut (§9.4): lastUpdateTime + deadline strictly before now. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  // A missing lastUpdateTime is Go's zero time: long past.
  const from = fromTimestamp(c.lastUpdateTime) ?? -Infinity;
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

// ---- proportional scaling helpers (§6) ----

/** integer.RoundToInt32: half away from zero (JS Math.round differs on −x.5). */
export function roundHalfAwayFromZero(x: number): number {
  const r = x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5);
  return r === 0 ? 0 : r; // no −0
}

/** getReplicaSetFraction: how much `rs` should grow/shrink for the Deployment's new size. */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const R = specReplicas(d);
  if (R === 0) return -rsReplicas(rs);
  const newMax = R + maxSurge(d);
  let oldMax = getMaxReplicasAnnotation(rs) ?? 0;
  // Missing or zero annotation (removed by a third party): fall back to the current size.
  if (oldMax === 0) oldMax = d.status?.replicas ?? 0;
  if (oldMax === 0) return 0;
  return roundHalfAwayFromZero((rsReplicas(rs) * newMax) / oldMax) - rsReplicas(rs);
}

/** GetProportion: the fraction, bounded by what is still left to add (or remove). */
export function getProportion(rs: MaybeRS, d: Deployment, toAdd: number, added: number): number {
  if (!rs || rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

// ---- replica counts ----

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs ? rsReplicas(rs) : 0), 0);
}

/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export function getActualReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * GetTerminatingReplicaCountForReplicaSets: an RS never synced (observedGeneration 0) without
 * the field counts 0; a synced RS without it makes the total unknown (null).
 */
export function getTerminatingReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number | null {
  let total = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const t = (rs.status as WithTerminating | undefined)?.terminatingReplicas;
    if (t === undefined || t === null) {
      if ((rs.status?.observedGeneration ?? 0) === 0) continue;
      return null;
    }
    total += t;
  }
  return total;
}

// ---- annotations ----

/** Parsed integer annotation: strconv.ParseUint(v, 10, 32) limited to int32. */
export interface AnnotationInt {
  value: number;
  ok: boolean;
  error?: string;
}

export function getNonNegativeInt32FromAnnotation(rs: ReplicaSet, key: string): AnnotationInt {
  const v = rs.metadata?.annotations?.[key];
  if (v === undefined) return { value: 0, ok: false };
  if (!/^[0-9]+$/.test(v)) {
    return { value: 0, ok: false, error: `strconv.ParseUint: parsing "${v}": invalid syntax` };
  }
  const n = Number(v);
  if (n > 4294967295) {
    return { value: 0, ok: false, error: `strconv.ParseUint: parsing "${v}": value out of range` };
  }
  if (n > MAX_INT32) {
    return { value: 0, ok: false, error: `value ${v} is out of range (higher than ${MAX_INT32})` };
  }
  return { value: n, ok: true };
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const r = getNonNegativeInt32FromAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  return r.ok ? r.value : undefined;
}

export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const r = getNonNegativeInt32FromAnnotation(rs, MAX_REPLICAS_ANNOTATION);
  return r.ok ? r.value : undefined;
}

export function replicasAnnotationsNeedUpdate(
  rs: ReplicaSet,
  desired: number,
  max: number,
): boolean {
  const a = rs.metadata?.annotations;
  if (!a) return true;
  return (
    a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

function annotationsOf(obj: { metadata?: ObjectMeta }): Record<string, string> {
  const meta = (obj.metadata ??= {});
  return (meta.annotations ??= {});
}

/** SetReplicasAnnotations: writes desired/max on `rs` (mutates); true when something changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = annotationsOf(rs);
  let updated = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
]);

export function skipCopyAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

/** Go's strconv.ParseInt(v, 10, 64) for revisions; NaN when malformed. */
function parseRevision(v: string): number {
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : Number.NaN;
}

/**
 * SetNewReplicaSetAnnotations (mutates `rs`): copies the Deployment's annotations (except the
 * controller-owned ones), raises the revision to `newRevision` when smaller — moving the old
 * number into revision-history, trimmed from the front to `revHistoryLimitInChars` — and, for a
 * RS about to be created, writes desired/max. Returns whether any annotation changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars = 2000,
): boolean {
  const a = annotationsOf(rs);
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  let oldRevisionInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    oldRevisionInt = parseRevision(oldRevision);
    // Go logs and gives up (reporting false even though annotations were copied).
    if (Number.isNaN(oldRevisionInt)) return false;
  }
  const newRevisionInt = parseRevision(newRevision);
  if (Number.isNaN(newRevisionInt)) return false;
  if (oldRevisionInt < newRevisionInt) {
    a[REVISION_ANNOTATION] = newRevision;
    changed = true;
    // An existing revision replaced: a rollback onto this RS; keep the old number in history.
    if (oldRevision !== undefined) appendRevisionHistory(a, oldRevision, revHistoryLimitInChars);
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) {
    changed = true;
  }
  return changed;
}

function appendRevisionHistory(
  a: Record<string, string>,
  oldRevision: string,
  limit: number,
): void {
  const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
  const old = history.split(',');
  if ((old[0] ?? '').length === 0) {
    a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < old.length) {
    total -= (old[start] ?? '').length + 1;
    start++;
  }
  // Go only warns when even an empty history cannot take the new entry.
  if (total <= limit) a[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
}

/** IsSaturated: the new RS holds all replicas, was sized for them, and all are available. */
export function isSaturated(d: Deployment, rs: MaybeRS): boolean {
  if (!rs) return false;
  const desired = parseRevision(rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? '');
  if (Number.isNaN(desired)) return false;
  const R = specReplicas(d);
  return rsReplicas(rs) === R && desired === R && (rs.status?.availableReplicas ?? 0) === R;
}

// ---- revisions (§7.1) ----

/** Revision: the revision annotation as a number; 0 when absent, NaN when malformed. */
export function revision(obj: { metadata?: ObjectMeta }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  return v === undefined ? 0 : parseRevision(v);
}

/** MaxRevision: highest parseable revision (0 for none). */
export function maxRevision(rss: readonly MaybeRS[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = rs ? revision(rs) : Number.NaN;
    if (v > max) max = v; // NaN never compares greater: malformed ones are skipped, as in Go
  }
  return max;
}

/** LastRevision: the second-highest revision (what `kubectl rollout undo` goes back to). */
export function lastRevision(rss: readonly MaybeRS[]): number {
  let max = 0;
  let secMax = 0;
  for (const rs of rss) {
    const v = rs ? revision(rs) : Number.NaN;
    if (Number.isNaN(v)) continue;
    if (v >= max) {
      secMax = max;
      max = v;
    } else if (v > secMax) {
      secMax = v;
    }
  }
  return secMax;
}

// ---- ordering and filters (pkg/controller/controller_utils.go) ----

function creationMs(rs: { metadata?: ObjectMeta }): number {
  // A missing timestamp is Go's zero time, earlier than any real one.
  return fromTimestamp(rs.metadata?.creationTimestamp) ?? -Infinity;
}

/** ReplicaSetsByCreationTimestamp: older first, ties by name. */
export function compareByCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = creationMs(a);
  const tb = creationMs(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** FilterActiveReplicaSets: non-nil RSs with spec.replicas > 0. */
export function filterActiveReplicaSets(rss: readonly MaybeRS[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs && rsReplicas(rs) > 0);
}

// ---- pod templates: equality, hash, names (§1.2) ----

/**
 * Canonical form of plain JSON data for apiequality.Semantic.DeepEqual: null/undefined, empty
 * maps and empty lists count as absent (Go treats nil and empty alike), keys sorted.
 */
function canonical(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const items = v.map((x) => canonical(x) ?? null);
    return items.length ? items : undefined;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

function withoutHashLabel(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...t.metadata?.labels };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

function templateKey(t: PodTemplateSpec): string {
  return JSON.stringify(canonical(withoutHashLabel(t)) ?? {});
}

/** EqualIgnoreHash: templates equal apart from the pod-template-hash label. Inputs untouched. */
export function equalIgnoreHash(t1: PodTemplateSpec, t2: PodTemplateSpec): boolean {
  return templateKey(t1) === templateKey(t2);
}

function fnv1a32(bytes: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/**
 * ComputeHash stand-in (controller_utils.go): FNV-1a 32 over a canonical JSON of the template
 * (Go hashes its own object printout, which a simulator cannot reproduce), plus the
 * collisionCount as 8 little-endian bytes when set; the decimal sum is then mapped through
 * rand.SafeEncodeString like Go does — zero-padded to 10 digits so every hash has 10 characters.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  const bytes = utf8(templateKey(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    bytes.push(c & 255, (c >>> 8) & 255, (c >>> 16) & 255, (c >>> 24) & 255, 0, 0, 0, 0);
  }
  const digits = String(fnv1a32(bytes)).padStart(10, '0');
  let out = '';
  for (const ch of digits) out += SAFE_ALPHABET[ch.charCodeAt(0) % SAFE_ALPHABET.length];
  return out;
}

/** Newest master: cut the Deployment name so "<name>-<hash>" fits in 253 characters. */
export function generateReplicaSetName(name: string, hash: string): string {
  const maxNameLength = 253 - 1 - hash.length;
  if (name.length > maxNameLength && maxNameLength > 0) {
    return `${name.slice(0, maxNameLength)}-${hash}`;
  }
  return `${name}-${hash}`;
}

/** FindNewReplicaSet: the OLDEST RS whose template equals the Deployment's (ignoring the hash). */
export function findNewReplicaSet(
  d: Deployment,
  rsList: readonly ReplicaSet[],
): ReplicaSet | undefined {
  const template = d.spec?.template ?? {};
  return [...rsList]
    .sort(compareByCreationTimestamp)
    .find((rs) => equalIgnoreHash(rs.spec?.template ?? {}, template));
}

/**
 * FindOldReplicaSets: every RS except the new one (allOldRSs), and those of them with
 * spec.replicas > 0 (oldRSs). Go sorts the caller's list by creation time while looking for the
 * new RS, so both come out oldest first.
 */
export function findOldReplicaSets(
  d: Deployment,
  rsList: readonly ReplicaSet[],
): { oldRSs: ReplicaSet[]; allOldRSs: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = [...rsList].sort(compareByCreationTimestamp).filter((rs) => rs !== newRS);
  return { oldRSs: allOldRSs.filter((rs) => rsReplicas(rs) !== 0), allOldRSs };
}

// ---- conditions ----

export function newDeploymentCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const t = toTimestamp(nowMs);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getDeploymentCondition(
  status: DeploymentStatus | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition (mutates `status`, never the conditions in it): no-op when a condition
 * with the same status and reason exists; keeps lastTransitionTime when only the reason changes.
 */
export function setDeploymentCondition(
  status: DeploymentStatus,
  condition: DeploymentCondition,
): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next: DeploymentCondition = { ...condition };
  if (current && current.status === condition.status) {
    if (current.lastTransitionTime === undefined) delete next.lastTransitionTime;
    else next.lastTransitionTime = current.lastTransitionTime;
  }
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}

// ---- status (sync.go calculateStatus, §9.1-9.2) ----

/** calculateStatus: counts from the RS objects plus the Available condition. */
export function calculateStatus(
  allRSs: readonly MaybeRS[],
  newRS: MaybeRS,
  d: Deployment,
  nowMs: number,
): DeploymentStatusV135 {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const status: DeploymentStatusV135 = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    // Spec, not status: more available than desired (while scaling down) clamps to 0.
    unavailableReplicas: Math.max(0, total - available),
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const terminating = getTerminatingReplicaCountForReplicaSets(allRSs);
  if (terminating !== null) status.terminatingReplicas = terminating;
  const condition =
    available >= specReplicas(d) - maxUnavailable(d)
      ? newDeploymentCondition(
          'Available',
          'True',
          MINIMUM_REPLICAS_AVAILABLE,
          'Deployment has minimum availability.',
          nowMs,
        )
      : newDeploymentCondition(
          'Available',
          'False',
          MINIMUM_REPLICAS_UNAVAILABLE,
          'Deployment does not have minimum availability.',
          nowMs,
        );
  setDeploymentCondition(status, condition);
  return status;
}

// ---- scale writes (sync.go scaleReplicaSet / scaleReplicaSetAndRecordEvent) ----

/**
 * One ReplicaSet update the controller makes: spec.replicas `from` → `to` plus the desired/max
 * annotations. `sizeChanged` false = annotation-only write (no event). `scalingOperation` is the
 * word Go's ScalingReplicaSet event uses ("Scaled up/down replica set …"); in proportional
 * scaling it follows the overall direction, not this RS's own.
 */
export interface ScaleOp {
  name: string;
  from: number;
  to: number;
  sizeChanged: boolean;
  scalingOperation: 'up' | 'down' | '';
  desiredReplicas: number;
  maxReplicas: number;
  /** true when Go went through scaleReplicaSetAndRecordEvent (never writes an unchanged size). */
  recordEvent: boolean;
}

/** scaleReplicaSet: a write when the size or the desired/max annotations need it, else undefined. */
export function planScaleReplicaSet(
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
  scalingOperation: 'up' | 'down' | '',
  recordEvent = false,
): ScaleOp | undefined {
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  const sizeChanged = rsReplicas(rs) !== newScale;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return undefined;
  return {
    name: rs.metadata?.name ?? '',
    from: rsReplicas(rs),
    to: newScale,
    sizeChanged,
    scalingOperation,
    desiredReplicas: desired,
    maxReplicas: max,
    recordEvent,
  };
}

/** scaleReplicaSetAndRecordEvent: nothing at all when the size is already right. */
export function planScaleReplicaSetAndRecordEvent(
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): ScaleOp | undefined {
  if (rsReplicas(rs) === newScale) return undefined;
  return planScaleReplicaSet(rs, newScale, d, rsReplicas(rs) < newScale ? 'up' : 'down', true);
}
