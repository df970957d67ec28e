/**
 * Storing a new version of an existing object, as the API server's update path does
 * (registry/generic/registry/store.go Update, rest.BeforeUpdate): the server-owned metadata and
 * the status are the live object's (a write to the main resource never changes status), the
 * kind's defaults are applied, the object and the update are validated, and an update that
 * changes nothing is not written (no new resourceVersion, no watch event).
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { applyDefaults } from '../api/defaults';
import { clone, deepEqual } from '../core/clone';
import { validateObject, validateUpdate } from '../scenario/validate';
import { denied, invalid } from './writeStatus';
import { refused, written } from './outcome';
import type { WriteOutcome } from './writeRequest';
import { withoutNulls } from './decodeBody';

const SERVER_META = [
  'name',
  'namespace',
  'uid',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

/** Validation messages as a refusal: a webhook's denial, or Invalid with causes. */
export function invalidOutcome(kind: Kind, name: string, errors: string[]): WriteOutcome {
  const webhook = errors.find((e) => e.startsWith('admission webhook'));
  return refused(webhook ? denied(webhook) : invalid(kind, name, errors));
}

/** `candidate` stored over `live` (unless `dryRun`): the answer names the result `verb`. */
export function commitUpdate(
  ctx: Ctx,
  kind: Kind,
  live: KubeObject,
  candidate: KubeObject,
  dryRun: boolean,
  verb: string,
  scale = false,
): WriteOutcome {
  const next = withoutNulls(clone(candidate)) as KubeObject & { status?: unknown };
  if (live.kind) next.kind = live.kind;
  if (live.apiVersion) next.apiVersion = live.apiVersion;
  const meta = (next.metadata ??= {}) as Record<string, unknown>;
  const liveMeta = (live.metadata ?? {}) as Record<string, unknown>;
  for (const k of SERVER_META) {
    if (liveMeta[k] === undefined) delete meta[k];
    else meta[k] = clone(liveMeta[k]);
  }
  meta.resourceVersion = liveMeta.resourceVersion;
  const liveStatus = (live as { status?: unknown }).status;
  if (liveStatus === undefined) delete next.status;
  else next.status = clone(liveStatus);
  if (kind === 'Service') keepAllocatedIPs(live, next);
  const defaulted = applyDefaults(next);
  const name = String(liveMeta.name ?? '');
  const errors = [...validateObject(defaulted), ...validateUpdate(live, defaulted)];
  if (errors.length) return invalidOutcome(kind, name, errors);
  if (deepEqual(defaulted, live)) return written(200, kind, live, verb, scale);
  if (dryRun) return written(200, kind, defaulted, verb, scale);
  return written(200, kind, ctx.store.update(defaulted), verb, scale);
}

/**
 * An update that leaves a Service's cluster IPs out keeps the allocated ones
 * (registry/core/service/storage patchAllocatedValues), so `kubectl replace -f svc.yaml`
 * works without them.
 */
function keepAllocatedIPs(live: KubeObject, next: KubeObject): void {
  const liveSpec = (live as { spec?: Record<string, unknown> }).spec ?? {};
  const spec = ((next as { spec?: Record<string, unknown> }).spec ??= {});
  if (!spec.clusterIP && liveSpec.clusterIP !== undefined) {
    spec.clusterIP = liveSpec.clusterIP;
    if (liveSpec.clusterIPs !== undefined && !spec.clusterIPs)
      spec.clusterIPs = clone(liveSpec.clusterIPs);
  }
}
