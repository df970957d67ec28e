/**
 * DELETE (registry/generic/registry/store.go Delete, handlers/delete.go) with DeleteOptions
 * from the body or the query: `propagationPolicy` Background (the default for the workload
 * kinds: the garbage collector deletes the dependents after the owner), Foreground (the
 * dependents first, then the owner — done at once here rather than through the
 * foregroundDeletion finalizer), Orphan (the dependents lose their owner reference and stay);
 * `gracePeriodSeconds` for pods; preconditions. Pods and Services answer with the object
 * (ReturnDeletedObject), the other kinds with a Success status.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { clone } from '../core/clone';
import { collectDependents } from '../controllers/garbageCollector';
import { deletePod } from '../controllers/podDeletion';
import { resourceRef } from '../api/resourceRef';
import { badRequest, conflict, deleted, notFound } from './writeStatus';
import { refused } from './outcome';
import { isRec } from './decodeBody';
import type { ApiWriteRequest, WriteOutcome } from './writeRequest';

const DEPENDENT_KINDS: Kind[] = ['ReplicaSet', 'Pod', 'EndpointSlice'];

interface DeleteOptions {
  propagationPolicy?: string;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string } | undefined;
}

function optionsOf(req: ApiWriteRequest): DeleteOptions | string {
  let body: Record<string, unknown> = {};
  if (req.body.trim()) {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (isRec(parsed)) body = parsed;
    } catch (e) {
      return (e as Error).message;
    }
  }
  const q = req.query;
  const grace =
    body.gracePeriodSeconds ??
    (q.gracePeriodSeconds !== undefined ? Number(q.gracePeriodSeconds) : undefined);
  const policy = body.propagationPolicy ?? q.propagationPolicy;
  if (body.orphanDependents === true) return { propagationPolicy: 'Orphan' };
  return {
    ...(typeof policy === 'string' ? { propagationPolicy: policy } : {}),
    ...(typeof grace === 'number' && Number.isFinite(grace) ? { gracePeriodSeconds: grace } : {}),
    ...(isRec(body.preconditions)
      ? { preconditions: body.preconditions as DeleteOptions['preconditions'] }
      : {}),
  };
}

export function deleteObject(
  ctx: Ctx,
  kind: Kind,
  name: string,
  req: ApiWriteRequest,
  dryRun: boolean,
): WriteOutcome {
  const opts = optionsOf(req);
  if (typeof opts === 'string') return refused(badRequest(opts));
  const policy = opts.propagationPolicy;
  if (policy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    return refused(
      badRequest(
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`,
      ),
    );
  }
  const live = ctx.store.get<KubeObject>(kind, name);
  if (!live) return refused(notFound(kind, name));
  const pre = opts.preconditions;
  if (
    (pre?.uid && pre.uid !== live.metadata?.uid) ||
    (pre?.resourceVersion && pre.resourceVersion !== live.metadata?.resourceVersion)
  )
    return refused(conflict(kind, name));
  const uid = live.metadata?.uid ?? '';
  const line = `${resourceRef(kind, name)} deleted\n`;
  if (dryRun) return answer(kind, live, line);
  if (policy === 'Orphan') orphanDependents(ctx, uid);
  if (policy === 'Foreground') collectDependents(ctx, uid);
  if (kind === 'Pod') {
    deletePod(ctx, name, opts.gracePeriodSeconds);
    // A pod on a node stays until its kubelet is done: the answer is the pod as it is now.
    return answer(kind, ctx.store.get(kind, name) ?? live, line);
  }
  ctx.store.delete(kind, name);
  return answer(kind, live, line);
}

function answer(kind: Kind, obj: KubeObject, output: string): WriteOutcome {
  if (kind === 'Pod' || kind === 'Service')
    return { code: 200, kind, object: obj, output, exitCode: 0 };
  const s = deleted(kind, obj.metadata?.name ?? '', obj.metadata?.uid);
  return { code: 200, status: s.body, output, exitCode: 0 };
}

/** Orphan: the dependents' owner references to `uid` removed, so the collector leaves them. */
function orphanDependents(ctx: Ctx, uid: string): void {
  for (const kind of DEPENDENT_KINDS) {
    for (const o of ctx.store.list<KubeObject>(kind)) {
      const refs = o.metadata?.ownerReferences;
      if (!refs?.some((r) => r.uid === uid)) continue;
      const next = clone(o);
      const left = refs.filter((r) => r.uid !== uid);
      if (left.length) next.metadata = { ...next.metadata, ownerReferences: left };
      else delete next.metadata?.ownerReferences;
      ctx.store.update(next);
    }
  }
}
