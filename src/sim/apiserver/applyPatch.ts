/**
 * The four patch types the API server takes (handlers/patch.go): JSON patch (RFC 6902), JSON
 * merge patch (RFC 7386), strategic merge patch (built-in kinds only: a custom resource answers
 * 415, and kubectl falls back to a merge patch) and apply (server-side apply, handled by the
 * caller). Any other media type is 415 with the accepted ones listed.
 */
import type { Kind } from '../api/objects';
import { jsonPatch, mergePatch } from '../kubectl/patch';
import { PatchError, strategicMerge } from './strategicMerge';
import { badRequest, unsupportedMediaType, type StatusAnswer } from './writeStatus';
import { decodeJson } from './decodeBody';
import { isCustomResource } from './resourceKind';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

/** The patch types a resource takes, in the order the 415 message lists them. */
export function acceptedPatchTypes(kind: Kind): string[] {
  return isCustomResource(kind)
    ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH]
    : [JSON_PATCH, MERGE_PATCH, STRATEGIC_PATCH, APPLY_PATCH];
}

/** 415 when `kind` does not take this patch type. */
export function patchTypeRefusal(kind: Kind, contentType: string): StatusAnswer | undefined {
  const accepted = acceptedPatchTypes(kind);
  return accepted.includes(contentType) ? undefined : unsupportedMediaType(accepted);
}

/**
 * `target` with the JSON, merge or strategic patch `body` applied (`schemaKind` picks the
 * strategic merge keys: the object's kind, or `Scale`).
 */
export function patchDocument(
  schemaKind: string,
  contentType: string,
  target: unknown,
  body: string,
): { value: unknown } | { error: StatusAnswer } {
  const decoded = decodeJson(body, 'error decoding patch');
  if ('error' in decoded) return decoded;
  try {
    if (contentType === JSON_PATCH) return { value: jsonPatch(target, decoded.value) };
    if (contentType === MERGE_PATCH) return { value: mergePatch(target, decoded.value, false) };
    return { value: strategicMerge(schemaKind, target, decoded.value) };
  } catch (e) {
    if (e instanceof PatchError || e instanceof Error) return { error: badRequest(e.message) };
    throw e;
  }
}

/**
 * The new document a write on a subresource (`/scale`, `/status`) asks for: a PUT's whole body,
 * or a PATCH's patch (its type already checked) applied to `current`.
 */
export function subresourceBody(
  schemaKind: string,
  method: string,
  contentType: string,
  current: unknown,
  body: string,
): { value: unknown } | { error: StatusAnswer } {
  if (method === 'PUT') return decodeJson(body, "couldn't get version/kind; json parse error");
  return patchDocument(schemaKind, contentType, current, body);
}
