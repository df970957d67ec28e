/**
 * PUT: update (store.go Update): the body replaces the object; a resourceVersion in it must be
 * the live one (the optimistic lock, Conflict otherwise); without one the update is
 * unconditional, as the built-in kinds allow (AllowUnconditionalUpdate). A missing object is
 * NotFound (AllowCreateOnUpdate is false for the served kinds).
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { badRequest, conflict, notFound } from './writeStatus';
import { commitUpdate } from './commit';
import { nameMismatch, urlMismatch } from './create';
import { refused } from './outcome';
import { decodeJson, isRec } from './decodeBody';
import { staleVersion } from './patchObject';
import { strictRefusal } from './unknownFields';
import type { ApiWriteRequest, WriteOutcome } from './writeRequest';

export function replaceObject(
  ctx: Ctx,
  kind: Kind,
  name: string,
  req: ApiWriteRequest,
  dryRun: boolean,
): WriteOutcome {
  const d = decodeJson(req.body, "couldn't get version/kind; json parse error");
  if ('error' in d) return refused(d.error);
  const body = d.value;
  if (!isRec(body)) return refused(badRequest("Object 'Kind' is missing in the request body"));
  const mismatch = urlMismatch(kind, body, req.path.namespace);
  if (mismatch) return refused(badRequest(mismatch));
  const meta = isRec(body.metadata) ? body.metadata : {};
  if (meta.name !== name) return refused(nameMismatch(meta.name, name));
  const strict = strictRefusal(kind, req, body, true);
  if (strict) return refused(strict);
  const live = ctx.store.get(kind, name);
  if (!live) return refused(notFound(kind, name));
  if (staleVersion(live, body)) return refused(conflict(kind, name));
  return commitUpdate(ctx, kind, live, body as KubeObject, dryRun, 'replaced');
}
