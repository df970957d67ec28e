/**
 * POST: create (registry/generic/registry/store.go Create with rest.BeforeCreate): the URL's
 * kind and namespace must be the body's, the server fills uid, resourceVersion and timestamps,
 * drops any status, defaults and validates; a taken name is AlreadyExists.
 */
import type { Kind, KubeObject, Service } from '../api/objects';
import { NAMESPACE } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { apiVersionOf, kindFacts } from '../api/kinds';
import { applyDefaults } from '../api/defaults';
import { allocateClusterIP } from '../api/apply';
import { clone } from '../core/clone';
import { toTimestamp } from '../core/time';
import { SAFE_ALPHABET } from '../controllers/context';
import { validateObject } from '../scenario/validate';
import { alreadyExists, badRequest, type StatusAnswer } from './writeStatus';
import { invalidOutcome } from './commit';
import { refused, written } from './outcome';
import { isRec, withoutNulls } from './decodeBody';
import type { WriteOutcome } from './writeRequest';

/**
 * generateName's suffix: five characters of the safe alphabet, derived from the prefix and the
 * store's size rather than drawn from the pods' name stream, so a dry run (which must change
 * nothing, not even the next pod's name) and a real create take the same path.
 */
function generatedName(ctx: Ctx, kind: Kind, prefix: string): string {
  for (let salt = ctx.store.count(kind); ; salt++) {
    let h = 2166136261 ^ salt;
    for (const ch of `${prefix}/${salt}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    let suffix = '';
    for (let i = 0; i < 5; i++) {
      suffix += SAFE_ALPHABET[h % SAFE_ALPHABET.length];
      h = Math.floor(h / SAFE_ALPHABET.length) ^ (Math.imul(h, 2654435761) >>> 0);
      h >>>= 0;
    }
    const name = `${prefix}${suffix}`;
    if (!ctx.store.get(kind, name)) return name;
  }
}

/** A body naming another object than the URL (replace, server-side apply). */
export function nameMismatch(bodyName: unknown, urlName: string): StatusAnswer {
  return badRequest(
    `the name of the object (${String(bodyName ?? '')}) does not match the name on the URL (${urlName})`,
  );
}

/** The body checked against the URL: kind and apiVersion, namespace. */
export function urlMismatch(kind: Kind, body: Record<string, unknown>, namespace?: string): string {
  const want = apiVersionOf(kind);
  if (body.apiVersion !== undefined && body.kind !== undefined) {
    const facts = kindFacts(kind);
    const [group, version] = String(body.apiVersion).includes('/')
      ? String(body.apiVersion).split('/')
      : ['', String(body.apiVersion)];
    if (body.kind !== kind || group !== facts?.group || !facts?.versions.includes(version ?? ''))
      return `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${want})`;
  }
  const meta = isRec(body.metadata) ? body.metadata : {};
  if (namespace && meta.namespace !== undefined && meta.namespace !== namespace)
    return 'the namespace of the provided object does not match the namespace sent on the request';
  return '';
}

export function createObject(
  ctx: Ctx,
  kind: Kind,
  body: unknown,
  namespace: string | undefined,
  dryRun: boolean,
): WriteOutcome {
  if (!isRec(body)) return refused(badRequest("Object 'Kind' is missing in 'null'"));
  const mismatch = urlMismatch(kind, body, namespace);
  if (mismatch) return refused(badRequest(mismatch));
  const obj = withoutNulls(clone(body)) as KubeObject & { status?: unknown };
  obj.kind = kind as never;
  obj.apiVersion = apiVersionOf(kind);
  const meta = (obj.metadata ??= {}) as Record<string, unknown>;
  if (meta.resourceVersion)
    return refused(badRequest('resourceVersion should not be set on objects to be created'));
  if (!meta.name && typeof meta.generateName === 'string' && meta.generateName)
    meta.name = generatedName(ctx, kind, meta.generateName);
  for (const k of ['uid', 'creationTimestamp', 'generation', 'deletionTimestamp', 'managedFields'])
    delete meta[k];
  delete obj.status;
  const name = String(meta.name ?? '');
  if (!name) {
    return invalidOutcome(kind, '', [
      `${kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
    ]);
  }
  const defaulted = applyDefaults(obj);
  const errors = validateObject(defaulted);
  if (errors.length) return invalidOutcome(kind, name, errors);
  if (ctx.store.get(kind, name)) return refused(alreadyExists(kind, name));
  if (kind === 'Service') allocateClusterIP(ctx, defaulted as Service);
  if (dryRun) {
    const m = (defaulted.metadata ??= {});
    if (kindFacts(kind)?.namespaced !== false) m.namespace ??= NAMESPACE;
    (m as Record<string, unknown>).creationTimestamp = toTimestamp(ctx.now());
    return written(201, kind, defaulted, 'created');
  }
  return written(201, kind, ctx.store.create(defaulted), 'created');
}
