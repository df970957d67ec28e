/**
 * One write against the cluster, as the API server performs it: POST creates, PUT replaces,
 * PATCH patches (or applies), DELETE deletes, on an object or its scale subresource. Runs
 * through the engine's Ctx at the session's current instant (session.ts `apiWrite`), so the
 * object store's watch wakes the controllers exactly as a console command's writes do.
 */
import type { KubectlHost } from '../kubectl/host';
import { NAMESPACE } from '../api/objects';
import { isReadOnly, kindFacts } from '../api/kinds';
import { methodNotAllowed, notFound, badRequest, noSuchResource } from './writeStatus';
import { refused } from './outcome';
import { isReadOnlyPath, kindOfPath } from './resourceKind';
import { createObject } from './create';
import { replaceObject } from './replace';
import { patchObject } from './patchObject';
import { deleteObject } from './deleteObject';
import { writeScale } from './scale';
import { writeStatus } from './statusWrite';
import { decodeJson } from './decodeBody';
import { strictRefusal } from './unknownFields';
import { isDryRun, type ApiWriteRequest, type WriteOutcome } from './writeRequest';

export function performWrite(host: KubectlHost, req: ApiWriteRequest): WriteOutcome {
  const ctx = host.ctx;
  const { path } = req;
  // The fixed namespaces (api/namespaces.ts) take no write, as the nodes below.
  if (path.namespace === undefined && isReadOnlyPath(path))
    return refused(methodNotAllowed(undefined, path.name));
  const kind = kindOfPath(path);
  if (!kind) return refused(noSuchResource());
  // Nodes are the engine's fixed machines: no write on them is modelled (KindFacts.readOnly).
  if (isReadOnly(kind)) return refused(methodNotAllowed(kind, path.name));
  if (req.query.dryRun !== undefined && req.query.dryRun !== 'All') {
    return refused(
      badRequest(`Invalid dry run value: ${req.query.dryRun}; valid values are: "All"`),
    );
  }
  // One namespace is simulated: any other is empty (and cannot take objects).
  if (kindFacts(kind)?.namespaced && path.namespace !== undefined && path.namespace !== NAMESPACE)
    return refused(notFound(kind, path.name ?? ''));
  const dryRun = isDryRun(req);
  const name = path.name;
  if (path.subresource === 'scale' && name) return writeScale(ctx, kind, name, req, dryRun);
  if (path.subresource === 'status' && name) return writeStatus(ctx, kind, name, req, dryRun);
  if (path.subresource) return refused(methodNotAllowed(kind, name));
  if (req.method === 'POST' && !name) {
    const d = decodeJson(req.body, "couldn't get version/kind; json parse error");
    if ('error' in d) return refused(d.error);
    const strict = strictRefusal(kind, req, d.value, true);
    if (strict) return refused(strict);
    return createObject(ctx, kind, d.value, path.namespace, dryRun);
  }
  if (!name) return refused(methodNotAllowed(kind, name));
  if (req.method === 'PUT') return replaceObject(ctx, kind, name, req, dryRun);
  if (req.method === 'PATCH') return patchObject(ctx, kind, name, req, dryRun);
  if (req.method === 'DELETE') return deleteObject(ctx, kind, name, req, dryRun);
  return refused(methodNotAllowed(kind, name));
}

/** The line the engine's command log shows for a write (`PATCH deployment.apps/web`). */
export function writeLine(req: ApiWriteRequest): string {
  const p = req.path;
  const target = [p.resource, p.name, p.subresource].filter(Boolean).join('/');
  const by = req.command ? ` (${req.command})` : '';
  return `${req.method} ${target}${by}`;
}
