/**
 * The scale subresource (`/deployments/web/scale`), served as autoscaling/v1 Scale
 * (registry/apps/deployment/storage/storage.go ScaleREST; for a custom resource the CRD's
 * scale paths `.spec.replicas`, `.status.replicas`, `.status.selector`). `kubectl scale` sends
 * a merge patch here; an update (PUT) with a stale resourceVersion is a Conflict.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { kindFacts } from '../api/kinds';
import { clone } from '../core/clone';
import { badRequest, conflict, methodNotAllowed, notFound } from './writeStatus';
import { commitUpdate } from './commit';
import { refused } from './outcome';
import { isRec } from './decodeBody';
import { patchTypeRefusal, subresourceBody } from './applyPatch';
import { staleVersion } from './patchObject';
import { invalid } from './writeStatus';
import type { ApiWriteRequest, WriteOutcome } from './writeRequest';

type Rec = Record<string, unknown>;

/** metav1.FormatLabelSelector: `app=web,tier in (a,b)`; `<none>` for no selector. */
function formatSelector(sel: unknown): string {
  if (!isRec(sel)) return '';
  const parts: string[] = [];
  const labels = isRec(sel.matchLabels) ? sel.matchLabels : {};
  for (const k of Object.keys(labels).sort()) parts.push(`${k}=${String(labels[k])}`);
  for (const e of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    if (!isRec(e)) continue;
    const values = Array.isArray(e.values) ? e.values.map(String).sort().join(',') : '';
    const op = String(e.operator);
    if (op === 'In') parts.push(`${String(e.key)} in (${values})`);
    else if (op === 'NotIn') parts.push(`${String(e.key)} notin (${values})`);
    else if (op === 'Exists') parts.push(String(e.key));
    else if (op === 'DoesNotExist') parts.push(`!${String(e.key)}`);
  }
  return parts.join(',');
}

/**
 * The Scale of an object as served (`served` is the object in the API server's shape, so its
 * timestamps are the served ones): name, namespace, uid, resourceVersion, creationTimestamp.
 */
export function scaleOf(kind: Kind, served: Record<string, unknown>): Record<string, unknown> {
  const meta = isRec(served.metadata) ? served.metadata : {};
  const spec = isRec(served.spec) ? served.spec : {};
  const status = isRec(served.status) ? served.status : {};
  const selector =
    kind === 'ReplicationController'
      ? formatSelector({ matchLabels: spec.selector })
      : typeof status.selector === 'string' && kindFacts(kind)?.group === 'argoproj.io'
        ? status.selector
        : formatSelector(spec.selector);
  const keep = ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'];
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: Object.fromEntries(
      keep.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]),
    ),
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 1 },
    status: {
      replicas: typeof status.replicas === 'number' ? status.replicas : 0,
      ...(selector ? { selector } : {}),
    },
  };
}

/** PATCH or PUT on `…/scale`: the new replicas stored on the object, the answer its Scale. */
export function writeScale(
  ctx: Ctx,
  kind: Kind,
  name: string,
  req: ApiWriteRequest,
  dryRun: boolean,
): WriteOutcome {
  if (!kindFacts(kind)?.scalable) return refused(notFound(kind, name));
  if (req.method !== 'PATCH' && req.method !== 'PUT') return refused(methodNotAllowed(kind, name));
  if (req.method === 'PATCH') {
    const refusal = patchTypeRefusal('Deployment', req.contentType);
    if (refusal) return refused(refusal);
  }
  const live = ctx.store.get(kind, name);
  if (!live) return refused(notFound(kind, name));
  const current = scaleOf(kind, live as unknown as Rec);
  const body = subresourceBody('Scale', req.method, req.contentType, current, req.body);
  if ('error' in body) return refused(body.error);
  const next = body.value;
  if (!isRec(next)) return refused(badRequest('the body of the request is not a Scale'));
  if (staleVersion(live, next)) return refused(conflict(kind, name));
  const replicas = isRec(next.spec) ? next.spec.replicas : undefined;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    return refused(
      invalid(kind, name, [
        `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${String(replicas)}: must be greater than or equal to 0`,
      ]),
    );
  }
  const updated = clone(live) as KubeObject & { spec?: Rec };
  updated.spec = { ...updated.spec, replicas };
  return commitUpdate(ctx, kind, live, updated, dryRun, 'scaled', true);
}
