/**
 * `kubectl apply` of one manifest against the simulated API server: defaulting, validation (in
 * the API server's words, as kubectl prints them), create or update, and kubectl's one-line
 * result (`deployment.apps/web created|configured|unchanged`).
 */
import type { Kind, KubeObject, Service } from './objects';
import type { Ctx } from '../controllers/context';
import { applyDefaults } from './defaults';
import { validateObject, validateUpdate } from '../scenario/validate';
import { clone, deepEqual } from '../core/clone';
import { kubectlInvalid, resourceRef } from './resourceRef';
import { threeWayMerge } from './threeWayMerge';
import { lastAppliedConfiguration } from './lastApplied';

export interface ApplyResult {
  output: string;
  exitCode: number;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The API server's ClusterIP allocator, deterministic: 10.96.0.10, .11, … (10.96.0.1 is kubernetes). */
export function allocateClusterIP(ctx: Ctx, svc: Service): void {
  const spec = (svc.spec ??= {});
  if (spec.clusterIP || spec.type === 'ExternalName') return;
  const ip = `10.96.0.${10 + ctx.store.count('Service')}`;
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
}

export function applyManifest(ctx: Ctx, manifest: KubeObject): ApplyResult {
  const kind = manifest.kind as Kind;
  const name = manifest.metadata?.name ?? '';
  const obj = applyDefaults(clone(manifest));
  const meta = (obj.metadata ??= {});
  meta.annotations = { ...meta.annotations, [LAST_APPLIED]: lastAppliedConfiguration(manifest) };
  delete (obj as { status?: unknown }).status;
  const errors = validateObject(obj);
  const webhook = errors.find((e) => e.startsWith('admission webhook'));
  if (webhook)
    return {
      output: `Error from server: error when creating "${name}": ${webhook}\n`,
      exitCode: 1,
    };
  if (errors.length) return { output: kubectlInvalid(kind, name, errors), exitCode: 1 };
  const existing = ctx.store.get(kind, name);
  if (!existing) {
    if (obj.kind === 'Service') allocateClusterIP(ctx, obj);
    ctx.store.create(obj);
    return { output: `${resourceRef(kind, name)} created\n`, exitCode: 0 };
  }
  const next = mergeIntoLive(existing, manifest, obj);
  const updateErrors = [...validateObject(next), ...validateUpdate(existing, next)];
  if (updateErrors.length) return { output: kubectlInvalid(kind, name, updateErrors), exitCode: 1 };
  const sameSpec = deepEqual(
    (existing as { spec?: unknown }).spec,
    (next as { spec?: unknown }).spec,
  );
  const sameMeta =
    deepEqual(existing.metadata?.labels, next.metadata?.labels) &&
    deepEqual(existing.metadata?.annotations, next.metadata?.annotations);
  if (sameSpec && sameMeta)
    return { output: `${resourceRef(kind, name)} unchanged\n`, exitCode: 0 };
  ctx.store.update(next);
  return { output: `${resourceRef(kind, name)} configured\n`, exitCode: 0 };
}

/** The last applied manifest recorded on `live`, or undefined (created some other way). */
function lastApplied(live: KubeObject): Record<string, unknown> | undefined {
  const raw = live.metadata?.annotations?.[LAST_APPLIED];
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the API server stores after `kubectl apply` of `manifest` onto `live`: the three-way
 * merge of labels, annotations and spec, then the server's defaults for what the merge left
 * unset. `applied` is the manifest as defaulted for a create, carrying the new annotation.
 */
function mergeIntoLive(live: KubeObject, manifest: KubeObject, applied: KubeObject): KubeObject {
  const original = lastApplied(live);
  const origMeta = (original?.metadata ?? {}) as Record<string, unknown>;
  const field = (o: unknown, k: string): unknown => (o as Record<string, unknown> | undefined)?.[k];
  const labels = threeWayMerge(
    live.metadata?.labels ?? {},
    origMeta.labels,
    manifest.metadata?.labels ?? {},
  ) as Record<string, string>;
  const annotations = {
    ...(threeWayMerge(
      live.metadata?.annotations ?? {},
      origMeta.annotations,
      manifest.metadata?.annotations ?? {},
    ) as Record<string, string>),
    [LAST_APPLIED]: applied.metadata?.annotations?.[LAST_APPLIED] ?? '',
  };
  const metadata: NonNullable<KubeObject['metadata']> = { ...live.metadata, annotations };
  if (Object.keys(labels).length) metadata.labels = labels;
  else delete metadata.labels;
  const merged = { ...live, metadata } as KubeObject;
  if ('spec' in manifest || 'spec' in live) {
    (merged as { spec?: unknown }).spec = threeWayMerge(
      field(live, 'spec') ?? {},
      field(original, 'spec'),
      field(manifest, 'spec') ?? {},
    );
  }
  return applyDefaults(merged);
}
