/**
 * Writes to the `status` subresource (registry strategies' StatusStrategy: PrepareForUpdate
 * keeps the spec and metadata of the live object, only status changes): what the Argo Rollouts
 * plugin's `promote` sends (`{"status":{"pauseConditions":null}}` as a merge patch on
 * rollouts/NAME/status, cmd/promote/promote.go). The controllers that own the status react
 * to it as to any change of the object.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { kindFacts } from '../api/kinds';
import { clone, deepEqual } from '../core/clone';
import { badRequest, conflict, methodNotAllowed, notFound } from './writeStatus';
import { refused, written } from './outcome';
import { isRec, withoutNulls } from './decodeBody';
import { patchTypeRefusal, subresourceBody } from './applyPatch';
import { staleVersion } from './patchObject';
import type { ApiWriteRequest, WriteOutcome } from './writeRequest';

export function writeStatus(
  ctx: Ctx,
  kind: Kind,
  name: string,
  req: ApiWriteRequest,
  dryRun: boolean,
): WriteOutcome {
  if (!kindFacts(kind)?.statusSubresource) return refused(notFound(kind, name));
  if (req.method !== 'PATCH' && req.method !== 'PUT') return refused(methodNotAllowed(kind, name));
  if (req.method === 'PATCH') {
    const refusal = patchTypeRefusal(kind, req.contentType);
    if (refusal) return refused(refusal);
  }
  const live = ctx.store.get(kind, name);
  if (!live) return refused(notFound(kind, name));
  const body = subresourceBody(kind, req.method, req.contentType, live, req.body);
  if ('error' in body) return refused(body.error);
  const next = body.value;
  if (!isRec(next)) return refused(badRequest('the body of the request is not an object'));
  if (staleVersion(live, next)) return refused(conflict(kind, name));
  const updated = clone(live) as KubeObject & { status?: unknown };
  if (next.status === undefined) delete updated.status;
  else updated.status = withoutNulls(clone(next.status));
  if (deepEqual(updated, live)) return written(200, kind, live, 'patched');
  if (dryRun) return written(200, kind, updated, 'patched');
  return written(200, kind, ctx.store.update(updated), 'patched');
}
