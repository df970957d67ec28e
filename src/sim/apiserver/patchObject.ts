/**
 * PATCH on an object (handlers/patch.go): the patch applied to the live object, a
 * resourceVersion it carries checked as a precondition (Conflict), unknown fields refused under
 * `fieldValidation=Strict`, then stored as an update (commit.ts). An apply patch
 * (`kubectl apply --server-side`) creates the object when it is missing and otherwise merges
 * the applied configuration into it.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { mergePatch } from '../kubectl/patch';
import { badRequest, conflict, notFound } from './writeStatus';
import { commitUpdate } from './commit';
import { createObject, nameMismatch, urlMismatch } from './create';
import { refused } from './outcome';
import { decodeYaml, isRec } from './decodeBody';
import { APPLY_PATCH, patchDocument, patchTypeRefusal } from './applyPatch';
import { unknownFields } from './unknownFields';
import { apiVersionOf } from '../api/kinds';
import { strategicMerge } from './strategicMerge';
import { isCustomResource } from './resourceKind';
import { strictRefusal } from './unknownFields';
import type { ApiWriteRequest, WriteOutcome } from './writeRequest';

/** A resourceVersion the new version carries must be the live one (optimistic concurrency). */
export function staleVersion(live: KubeObject, next: unknown): boolean {
  const rv = isRec(next) && isRec(next.metadata) ? next.metadata.resourceVersion : undefined;
  return rv !== undefined && rv !== '' && rv !== live.metadata?.resourceVersion;
}

export function patchObject(
  ctx: Ctx,
  kind: Kind,
  name: string,
  req: ApiWriteRequest,
  dryRun: boolean,
): WriteOutcome {
  const refusal = patchTypeRefusal(kind, req.contentType);
  if (refusal) return refused(refusal);
  if (req.contentType === APPLY_PATCH) return serverSideApply(ctx, kind, name, req, dryRun);
  const live = ctx.store.get(kind, name);
  if (!live) return refused(notFound(kind, name));
  const patched = patchDocument(kind, req.contentType, live, req.body);
  if ('error' in patched) return refused(patched.error);
  if (!isRec(patched.value)) return refused(badRequest('patched object is not a JSON object'));
  if (staleVersion(live, patched.value)) return refused(conflict(kind, name));
  const strict = strictRefusal(kind, req, patched.value, false);
  if (strict) return refused(strict);
  return commitUpdate(ctx, kind, live, patched.value as KubeObject, dryRun, 'patched');
}

/** Server-side apply, for the fields the simulator models: create, or merge into the live object. */
function serverSideApply(
  ctx: Ctx,
  kind: Kind,
  name: string,
  req: ApiWriteRequest,
  dryRun: boolean,
): WriteOutcome {
  const decoded = decodeYaml(req.body, 'error decoding YAML');
  if ('error' in decoded) return refused(decoded.error);
  const applied = decoded.value;
  if (!isRec(applied)) return refused(badRequest("couldn't get version/kind; json parse error"));
  const mismatch = urlMismatch(kind, applied, req.path.namespace);
  if (mismatch) return refused(badRequest(mismatch));
  const meta = isRec(applied.metadata) ? applied.metadata : {};
  if (meta.name !== undefined && meta.name !== name) return refused(nameMismatch(meta.name, name));
  const unknown = req.query.fieldValidation === 'Strict' ? unknownFields(kind, applied) : [];
  if (unknown.length) {
    // Server-side apply types the patch with structured-merge-diff, which words it so.
    const ns = req.path.namespace ?? '';
    return refused(
      badRequest(
        `failed to create typed patch object (${ns}/${name}; ${apiVersionOf(kind)}, Kind=${kind}): .${unknown[0]}: field not declared in schema`,
      ),
    );
  }
  const live = ctx.store.get(kind, name);
  if (!live)
    return createObject(
      ctx,
      kind,
      { ...applied, metadata: { ...meta, name } },
      req.path.namespace,
      dryRun,
    );
  if (staleVersion(live, applied)) return refused(conflict(kind, name));
  const merged = isCustomResource(kind)
    ? mergePatch(live, applied, false)
    : strategicMerge(kind, live, applied);
  return commitUpdate(ctx, kind, live, merged as KubeObject, dryRun, 'serverside-applied');
}
