/**
 * What kubectl's mutating verbs do to the API objects, with kubectl's own result lines and
 * errors (kubernetes/kubectl pkg/cmd/{set,scale,label,delete,rollout} and
 * pkg/polymorphichelpers at dee3483a, 2026-07-22). Each returns what kubectl prints and its exit code.
 */
import type { Deployment, Kind, KubeObject, ReplicaSet } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { clone, deepEqual } from '../core/clone';
import { toTimestamp } from '../core/time';
import { kubectlInvalid, resourceRef } from '../api/resourceRef';
import { kindFacts, qualifiedResource, resourceName } from '../api/kinds';
import { validateObject, validateUpdate } from '../scenario/validate';
import { deletePod } from '../controllers/podDeletion';
import { controllerRef } from '../api/podIndex';
import { PrefixWriter } from './print/describeText';
import { describePodTemplate } from './print/describeContainers';
import { equalIgnoreHash, HASH_LABEL, REVISION_ANNOTATION } from '../controllers/deployment/util';

export interface Result {
  output: string;
  exitCode: number;
}

const ok = (output: string): Result => ({ output, exitCode: 0 });
const fail = (output: string): Result => ({
  output: output.endsWith('\n') ? output : `${output}\n`,
  exitCode: 1,
});

/** The API server's NotFound: `deployments.apps "web" not found`. */
export function notFound(kind: Kind, name: string): Result {
  return fail(`Error from server (NotFound): ${qualifiedResource(kind)} "${name}" not found`);
}

/** Writes `next` after validating it as the API server would; kubectl's message otherwise. */
function write(ctx: Ctx, prev: KubeObject, next: KubeObject): Result | null {
  const kind = next.kind as Kind;
  const name = next.metadata?.name ?? '';
  const errors = [...validateObject(next), ...validateUpdate(prev, next)];
  if (errors.length) return fail(kubectlInvalid(kind, name, errors));
  ctx.store.update(next);
  return null;
}

type WithTemplate = KubeObject & {
  spec?: { template?: { spec?: { containers: { name: string; image?: string }[] } } };
};

/** `kubectl set image TYPE/NAME c=img ...` (set_image.go: no output when nothing changed). */
export function setImage(
  ctx: Ctx,
  kind: Kind,
  name: string,
  images: Record<string, string>,
  changeCause?: string,
): Result {
  const obj = ctx.store.get<WithTemplate>(kind, name);
  if (!obj) return notFound(kind, name);
  const next = clone(obj);
  const containers =
    kind === 'Pod'
      ? (next as unknown as { spec: { containers: { name: string; image?: string }[] } }).spec
          .containers
      : (next.spec?.template?.spec?.containers ?? []);
  for (const c of Object.keys(images)) {
    if (c !== '*' && !containers.some((x) => x.name === c)) {
      return fail(`error: unable to find container named "${c}"`);
    }
  }
  for (const x of containers) {
    // Own keys only: a container may be called `constructor`.
    const img = Object.hasOwn(images, x.name) ? images[x.name] : images['*'];
    if (img !== undefined) x.image = img;
  }
  if (changeCause !== undefined) setAnnotation(next, 'kubernetes.io/change-cause', changeCause);
  if (deepEqual(obj, next)) return ok('');
  return write(ctx, obj, next) ?? ok(`${resourceRef(kind, name)} image updated\n`);
}

/** `kubectl scale TYPE/NAME --replicas=N`. */
export function scale(ctx: Ctx, kind: Kind, name: string, replicas: number): Result {
  if (!Number.isInteger(replicas) || replicas < 0) {
    return fail(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  const obj = ctx.store.get<KubeObject & { spec?: { replicas?: number } }>(kind, name);
  if (!obj) return notFound(kind, name);
  // Only kinds with the scale subresource (kinds.ts `scalable`) have a scaler.
  if (!kindFacts(kind)?.scalable) {
    return fail(`error: no scaler has been implemented for {"" "${kind}"}`);
  }
  const next = clone(obj);
  next.spec = { ...next.spec, replicas };
  return write(ctx, obj, next) ?? ok(`${resourceRef(kind, name)} scaled\n`);
}

/** `kubectl set selector TYPE/NAME k=v,...` replaces the selector (set_selector.go). */
export function setSelector(
  ctx: Ctx,
  kind: Kind,
  name: string,
  selector: Record<string, string>,
): Result {
  const obj = ctx.store.get<KubeObject>(kind, name);
  if (!obj) return notFound(kind, name);
  const next = clone(obj) as KubeObject & { spec?: Record<string, unknown> };
  if (kind === 'Service' || kind === 'ReplicationController')
    next.spec = { ...next.spec, selector };
  else next.spec = { ...next.spec, selector: { matchLabels: selector } };
  if (deepEqual(obj, next)) return ok(`${resourceRef(kind, name)} selector updated\n`);
  return write(ctx, obj, next) ?? ok(`${resourceRef(kind, name)} selector updated\n`);
}

/** `kubectl label|annotate TYPE NAME k=v k-` (label.go). */
export function setMetadataMap(
  ctx: Ctx,
  field: 'labels' | 'annotations',
  kind: Kind,
  name: string,
  set: Record<string, string>,
  remove: string[],
  overwrite: boolean,
): Result {
  const obj = ctx.store.get<KubeObject>(kind, name);
  if (!obj) return notFound(kind, name);
  const next = clone(obj);
  const meta = (next.metadata ??= {});
  const map: Record<string, string> = { ...(meta[field] ?? {}) };
  for (const [k, v] of Object.entries(set)) {
    if (!overwrite && map[k] !== undefined && map[k] !== v) {
      return fail(`error: '${k}' already has a value (${map[k]}), and --overwrite is false`);
    }
    map[k] = v;
  }
  for (const k of remove) delete map[k];
  meta[field] = map;
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  if (deepEqual(obj, next)) return ok(`${resourceRef(kind, name)} not ${verb}\n`);
  return write(ctx, obj, next) ?? ok(`${resourceRef(kind, name)} ${verb}\n`);
}

/** `kubectl delete TYPE NAME` — pods gracefully; owners with their dependents (background). */
export function deleteObject(ctx: Ctx, kind: Kind, name: string, gracePeriod?: number): Result {
  const obj = ctx.store.get<KubeObject>(kind, name);
  if (!obj) return notFound(kind, name);
  const resource = resourceName(kind);
  if (kind === 'Pod') deletePod(ctx, name, gracePeriod);
  else ctx.store.delete(kind, name);
  const op = gracePeriod === 0 ? 'force deleted' : 'deleted';
  // kubectl 1.32 delete.go PrintObj: `pod "x" deleted` (the namespace came in later releases).
  return ok(`${resource} "${name}" ${op}\n`);
}

/** `kubectl rollout pause|resume` (objectpauser.go / objectresumer.go). */
export function setPaused(ctx: Ctx, name: string, paused: boolean): Result {
  const d = ctx.store.get<Deployment>('Deployment', name);
  if (!d) return notFound('Deployment', name);
  if (!!d.spec?.paused === paused) {
    return fail(
      `error: deployments.apps "${name}" ${paused ? 'is already paused' : 'is not paused'}`,
    );
  }
  const next = clone(d);
  next.spec = {
    ...next.spec,
    selector: next.spec?.selector ?? {},
    template: next.spec?.template ?? {},
    paused,
  };
  if (!paused) delete next.spec.paused;
  return write(ctx, d, next) ?? ok(`deployment.apps/${name} ${paused ? 'paused' : 'resumed'}\n`);
}

/** `kubectl rollout restart` stamps the template (objectrestarter.go). */
export function restart(ctx: Ctx, name: string): Result {
  const d = ctx.store.get<Deployment>('Deployment', name);
  if (!d) return notFound('Deployment', name);
  if (d.spec?.paused)
    return fail(
      `error: deployments.apps "${name}" can't restart paused deployment (run rollout resume first)`,
    );
  const next = clone(d);
  const tmeta = ((next.spec ??= { selector: {}, template: {} }).template.metadata ??= {});
  // time.RFC3339 has no fractional seconds.
  tmeta.annotations = {
    ...tmeta.annotations,
    'kubectl.kubernetes.io/restartedAt': toTimestamp(ctx.now()).replace(/\.\d+Z$/, 'Z'),
  };
  return write(ctx, d, next) ?? ok(`deployment.apps/${name} restarted\n`);
}

const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** `kubectl rollout undo [--to-revision=N]`: client-side, as kubectl's DeploymentRollbacker (§7.4). */
export function undo(ctx: Ctx, name: string, toRevision = 0, clientDryRun = false): Result {
  const d = ctx.store.get<Deployment>('Deployment', name);
  if (!d) return notFound('Deployment', name);
  if (toRevision < 0)
    return fail(`error: unable to find specified revision ${toRevision} in history`);
  if (d.spec?.paused && !clientDryRun) {
    return fail(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  const owned = ctx.store
    .list<ReplicaSet>('ReplicaSet')
    .filter((rs) => controllerRef(rs)?.uid === d.metadata?.uid);
  let target: ReplicaSet | undefined;
  let latest: { rev: number; rs?: ReplicaSet } = { rev: -1 };
  let previous: { rev: number; rs?: ReplicaSet } = { rev: -1 };
  for (const rs of owned) {
    const raw = rs.metadata?.annotations?.[REVISION_ANNOTATION];
    if (raw === undefined || !/^\d+$/.test(raw)) continue;
    const v = Number(raw);
    if (toRevision === 0) {
      if (latest.rev < v) {
        previous = latest;
        latest = { rev: v, rs };
      } else if (previous.rev < v) previous = { rev: v, rs };
    } else if (toRevision === v) target = rs;
  }
  if (toRevision > 0 && !target)
    return fail(`error: unable to find specified revision ${toRevision} in history`);
  if (toRevision === 0) target = previous.rs;
  if (!target) return fail(`error: no rollout history found for deployment "${name}"`);
  // rollback.go: a client dry run prints the revision's template before any other check, through
  // the name printer with the text as its operation.
  if (clientDryRun) {
    const w = new PrefixWriter();
    describePodTemplate(w, target.spec?.template);
    return ok(`deployment.apps/${name} ${w.raw()} (dry run)\n`);
  }
  const revision = toRevision || previous.rev;
  if (equalIgnoreHash(target.spec?.template ?? {}, d.spec?.template ?? {})) {
    return ok(
      `deployment.apps/${name} skipped rollback (current template already matches revision ${revision})\n`,
    );
  }
  const template = clone(target.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {}))
    if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata?.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const next = clone(d);
  next.metadata = { ...next.metadata, annotations };
  next.spec = { ...next.spec, selector: next.spec?.selector ?? {}, template };
  return write(ctx, d, next) ?? ok(`deployment.apps/${name} rolled back\n`);
}

function setAnnotation(obj: KubeObject, key: string, value: string): void {
  const meta = (obj.metadata ??= {});
  meta.annotations = { ...meta.annotations, [key]: value };
}
