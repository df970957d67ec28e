/**
 * The kubectl executor: runs a parsed command against the simulated API server and prints what
 * kubectl prints. Parsing (and its errors) is parse.ts; object changes are mutate.ts; layout is
 * print/*. `rollout status` with watching keeps printing on every Deployment update until the
 * rollout finishes, as kubectl's watch does.
 */
import { stringify } from 'yaml';
import type { Deployment, EndpointSlice, Kind, KubeObject, ReplicaSet } from '../api/objects';
import type { KubectlCommand, ResourceTarget } from './parse/command';
import { parseKubectl } from './parse/parseKubectl';
import * as mutate from './mutate';
import { applyManifest } from '../api/apply';
import { matchesSelector } from '../api/labels';
import { deploymentRolloutStatus } from './rolloutStatus';
import { printGetList, type GetGroup } from './print/get';
import { rolloutHistory } from './print/rolloutHistory';
import { endpointsFromSlices } from './print/endpoints';
import { eventsFor } from './eventObjects';
import { mergePatch, jsonPatch } from './patch';
import { validateObject, validateUpdate } from '../scenario/validate';
import { kubectlInvalid, resourceRef } from '../api/resourceRef';
import { asServed } from './print/served';
import { isSimulated } from '../api/kinds';
import { REGISTRY } from '../api/registry';
import { ownedBy } from './describers';
import { clone, deepEqual } from '../core/clone';
import type { Ctx } from '../controllers/context';
import type { KubectlHost, KubectlResult } from './host';
import { startRollingUpdate } from './rollingUpdate';
import { runArgoRollouts } from './argo/index';

export function executeKubectl(host: KubectlHost, line: string): KubectlResult {
  const parsed = parseKubectl(line);
  if (!parsed.ok) return { output: parsed.output, exitCode: parsed.exitCode };
  const warnings = parsed.warnings.join('');
  const r = run(host, parsed.cmd, line);
  return { ...r, output: warnings + r.output };
}

function fail(output: string): KubectlResult {
  return { output: output.endsWith('\n') ? output : `${output}\n`, exitCode: 1 };
}

/** Objects a command names: TYPE NAME, TYPE/NAME, TYPE -l selector, TYPE --all. */
function resolve(
  host: KubectlHost,
  cmd: { targets: ResourceTarget[]; selector?: unknown; all?: boolean },
): { objects: KubeObject[]; errors: string[] } {
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const t of cmd.targets) {
    const kind = t.kind as Kind;
    if (!isSimulated(t.kind)) {
      errors.push(`error: the server doesn't have a resource type "${t.kind.toLowerCase()}s"`);
      continue;
    }
    if (t.name !== undefined) {
      const o = host.ctx.store.get(kind, t.name);
      if (o) objects.push(o);
      else if (t.kind === 'Endpoints')
        // Endpoints are derived, never stored. The word "undefined" is what this printed before
        // the kind registry and is kept byte-identical; kubectl says `endpoints "x" not found`.
        errors.push(`Error from server (NotFound): undefined "${t.name}" not found`);
      else errors.push(mutate.notFound(kind, t.name).output.trimEnd());
    } else {
      const sel = cmd.selector as Parameters<typeof matchesSelector>[0] | undefined;
      objects.push(
        ...host.ctx.store
          .list(kind)
          .filter((o) => !sel || matchesSelector(sel, o.metadata?.labels)),
      );
    }
  }
  return { objects, errors };
}

/** Runs `fn` on each named object and joins the outputs; exit 1 if any failed. */
function each(
  host: KubectlHost,
  cmd: { targets: ResourceTarget[]; selector?: unknown; all?: boolean },
  fn: (o: KubeObject) => KubectlResult,
): KubectlResult {
  const { objects, errors } = resolve(host, cmd);
  let output = '';
  let exitCode = errors.length ? 1 : 0;
  for (const o of objects) {
    const r = fn(o);
    output += r.output;
    if (r.exitCode) exitCode = r.exitCode;
  }
  for (const e of errors) output += `${e}\n`;
  if (!objects.length && !errors.length) return fail('error: no objects passed to apply');
  return { output, exitCode };
}

const kindOf = (o: KubeObject): Kind => o.kind as Kind;
const nameOf = (o: KubeObject): string => o.metadata?.name ?? '';

/** kubectl's --record: the command path, its arguments, then every flag as --name=value (record_flags.go). */
function changeCause(line: string): string {
  const tokens = line
    .trim()
    .replace(/^kubectl\s+/, '')
    .split(/\s+/);
  const args: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!t.startsWith('-')) args.push(t);
    else if (t.includes('=')) flags.push(t.startsWith('--') ? t : `-${t}`);
    else if (t === '--record' || t === '--overwrite' || t === '--all') flags.push(`${t}=true`);
    else flags.push(`${t}=${tokens[++i] ?? ''}`);
  }
  return `kubectl ${args.join(' ')}${flags.length ? ` ${flags.join(' ')}` : ''}`;
}

function run(host: KubectlHost, cmd: KubectlCommand, line: string): KubectlResult {
  const ctx = host.ctx;
  switch (cmd.verb) {
    case 'help':
      return { output: HELP, exitCode: cmd.exitCode };
    case 'argo rollouts':
      return runArgoRollouts(host, cmd.args);
    case 'apply': {
      let output = '';
      let exitCode = 0;
      for (const f of cmd.filenames) {
        const manifests = host.scenario.manifests.filter(
          (m) => m.metadata?.name === f.replace(/\.ya?ml$/, '') || f === '-',
        );
        if (!manifests.length) {
          output += `error: the path "${f}" does not exist\n`;
          exitCode = 1;
          continue;
        }
        for (const m of manifests) {
          const r = applyManifest(ctx, m);
          output += r.output;
          if (r.exitCode) exitCode = r.exitCode;
        }
      }
      return { output, exitCode };
    }
    case 'set image': {
      const images: Record<string, string> = {};
      for (const { container, image } of cmd.images) images[container] = image;
      const cause = cmd.record ? changeCause(line) : undefined;
      return each(host, cmd, (o) => mutate.setImage(ctx, kindOf(o), nameOf(o), images, cause));
    }
    case 'set selector': {
      if (cmd.matchExpressionsError) return fail(cmd.matchExpressionsError);
      return each(host, cmd, (o) =>
        mutate.setSelector(ctx, kindOf(o), nameOf(o), cmd.newSelector.matchLabels ?? {}),
      );
    }
    case 'scale':
      return each(host, cmd, (o) => {
        const current = (o as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
        if (cmd.currentReplicas >= 0 && cmd.currentReplicas !== current) {
          return fail(`error: Expected replicas to be ${cmd.currentReplicas}, was ${current}`);
        }
        return mutate.scale(ctx, kindOf(o), nameOf(o), cmd.replicas);
      });
    case 'label':
    case 'annotate': {
      const field = cmd.verb === 'label' ? 'labels' : 'annotations';
      if (cmd.list) {
        return each(host, cmd, (o) => ({
          output: Object.entries(o.metadata?.[field] ?? {})
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
          exitCode: 0,
        }));
      }
      const set: Record<string, string> = {};
      for (const { key, value } of cmd.set) set[key] = value;
      return each(host, cmd, (o) =>
        mutate.setMetadataMap(ctx, field, kindOf(o), nameOf(o), set, cmd.remove, cmd.overwrite),
      );
    }
    case 'delete': {
      const { objects, errors } = resolve(host, cmd);
      let output = '';
      for (const o of objects)
        output += mutate.deleteObject(ctx, kindOf(o), nameOf(o), cmd.gracePeriodSeconds).output;
      const shown = cmd.ignoreNotFound ? [] : errors;
      for (const e of shown) output += `${e}\n`;
      if (!objects.length && !errors.length) output += 'No resources found\n';
      return { output, exitCode: shown.length ? 1 : 0 };
    }
    case 'rollout status':
      return rolloutStatus(host, cmd);
    case 'rollout history':
      return each(host, cmd, (o) => {
        if (o.kind !== 'Deployment')
          return fail(`error: no history viewer has been implemented for ${o.kind}`);
        return historyOf(ctx, o as Deployment, cmd.revision);
      });
    case 'rollout undo':
      return each(host, cmd, (o) =>
        o.kind === 'Deployment'
          ? mutate.undo(ctx, nameOf(o), cmd.toRevision)
          : fail(`error: no rollbacker has been implemented for "${o.kind}"`),
      );
    case 'rollout pause':
    case 'rollout resume':
      return each(host, cmd, (o) =>
        o.kind === 'Deployment'
          ? mutate.setPaused(ctx, nameOf(o), cmd.verb === 'rollout pause')
          : fail(`error: ${kindOf(o).toLowerCase()}s "${nameOf(o)}" pausing is not supported`),
      );
    case 'rollout restart':
      return each(host, cmd, (o) =>
        o.kind === 'Deployment'
          ? mutate.restart(ctx, nameOf(o))
          : fail(`error: ${kindOf(o).toLowerCase()}s "${nameOf(o)}" restarting is not supported`),
      );
    case 'patch':
      return each(host, cmd, (o) => patch(ctx, o, cmd.patchType, cmd.patch));
    case 'get':
      return get(host, cmd);
    case 'describe':
      return describe(host, cmd);
    case 'rolling-update':
      // Client-side, kubectl ≤ 1.17: the first lines now, then a process the engine wakes.
      return startRollingUpdate(host, cmd);
  }
}

function patch(
  ctx: Ctx,
  o: KubeObject,
  type: 'strategic' | 'merge' | 'json',
  body: unknown,
): KubectlResult {
  let next: KubeObject;
  try {
    next = (
      type === 'json' ? jsonPatch(o, body) : mergePatch(o, body, type === 'strategic')
    ) as KubeObject;
  } catch (e) {
    return fail(`Error from server (BadRequest): ${(e as Error).message}`);
  }
  const ref = resourceRef(kindOf(o), nameOf(o));
  if (deepEqual(o, next)) return { output: `${ref} patched (no change)\n`, exitCode: 0 };
  const errors = [...validateObject(next), ...validateUpdate(o, next)];
  if (errors.length) return fail(kubectlInvalid(kindOf(o), nameOf(o), errors));
  ctx.store.update(clone(next));
  return { output: `${ref} patched\n`, exitCode: 0 };
}

function historyOf(ctx: Ctx, d: Deployment, revision: number): KubectlResult {
  const r = rolloutHistory(
    d.metadata?.name ?? '',
    ownedBy<ReplicaSet>(ctx.store, 'ReplicaSet', d),
    revision,
  );
  return typeof r === 'string' ? { output: r, exitCode: 0 } : r;
}

function rolloutStatus(
  host: KubectlHost,
  cmd: Extract<KubectlCommand, { verb: 'rollout status' }>,
): KubectlResult {
  const target = cmd.targets[0];
  if (!target?.name) return fail('error: required resource not specified');
  if (target.kind !== 'Deployment')
    return fail(`error: no status viewer has been implemented for ${target.kind}`);
  const name = target.name;
  const d = host.ctx.store.get<Deployment>('Deployment', name);
  if (!d) return mutate.notFound('Deployment', name);
  const first = statusStep(d, cmd.revision);
  if (first.exitCode !== -1 || !cmd.watch)
    return { output: first.output, exitCode: Math.max(0, first.exitCode) };
  return { output: first.output, exitCode: 0, watch: { deployment: name, revision: cmd.revision } };
}

/**
 * One line of a watching `kubectl rollout status`, printed on each watch event of the
 * Deployment (rollout_status.go); exitCode -1 while it keeps watching.
 */
export function statusStep(d: Deployment | undefined, revision: number, name = ''): KubectlResult {
  if (!d) return { output: `error: deployments.apps "${name}" not found\n`, exitCode: 1 };
  const s = deploymentRolloutStatus(d, revision);
  if (s.error) return { output: `error: ${s.error}\n`, exitCode: 1 };
  return { output: s.message, exitCode: s.done ? 0 : -1 };
}

function get(host: KubectlHost, cmd: Extract<KubectlCommand, { verb: 'get' }>): KubectlResult {
  const ctx = host.ctx;
  const now = ctx.now();
  const groups: GetGroup[] = [];
  const errors: string[] = [];
  const found: KubeObject[] = [];
  for (const t of cmd.targets) {
    if (!isSimulated(t.kind)) {
      errors.push(`error: the server doesn't have a resource type "${t.kind.toLowerCase()}s"`);
      continue;
    }
    const kind = t.kind === 'Endpoints' ? 'EndpointSlice' : (t.kind as Kind);
    let objs = ctx.store.list(kind);
    if (cmd.selector) objs = objs.filter((o) => matchesSelector(cmd.selector, o.metadata?.labels));
    if (t.kind === 'Endpoints') {
      const eps = endpointsFromSlices(objs as EndpointSlice[]).filter(
        (e) => t.name === undefined || e.metadata?.name === t.name,
      );
      if (t.name !== undefined && !eps.length)
        errors.push(`Error from server (NotFound): endpoints "${t.name}" not found`);
      groups.push({ kind: 'Endpoints', objects: eps });
      continue;
    }
    if (t.name !== undefined) {
      objs = objs.filter((o) => o.metadata?.name === t.name);
      if (!objs.length && !cmd.ignoreNotFound)
        errors.push(mutate.notFound(kind, t.name).output.trimEnd());
    }
    found.push(...objs);
    groups.push({ kind, objects: objs } as GetGroup);
  }
  let output: string;
  if (cmd.output === 'yaml' || cmd.output === 'json') {
    const doc =
      found.length === 1 && cmd.targets.length === 1 && cmd.targets[0]?.name
        ? found[0]
        : { apiVersion: 'v1', items: found, kind: 'List', metadata: { resourceVersion: '' } };
    const wire = asServed(doc);
    output = cmd.output === 'json' ? `${JSON.stringify(wire, null, 4)}\n` : stringify(wire);
  } else {
    output = printGetList(groups, now, {
      wide: cmd.output === 'wide',
      showLabels: cmd.showLabels,
      withKindPrefix: cmd.showKind,
      noHeaders: cmd.noHeaders,
      name: cmd.output === 'name',
    });
    if (errors.length && output === 'No resources found in default namespace.\n') output = '';
  }
  for (const e of errors) output += `${e}\n`;
  return { output, exitCode: errors.length ? 1 : 0 };
}

function describe(
  host: KubectlHost,
  cmd: Extract<KubectlCommand, { verb: 'describe' }>,
): KubectlResult {
  const ctx = host.ctx;
  const now = ctx.now();
  const outputs: string[] = [];
  const errors: string[] = [];
  for (const t of cmd.targets) {
    const describer = isSimulated(t.kind) ? REGISTRY[t.kind].describe : null;
    if (!describer) {
      // Lower-cased kind + "s": the plural for Node and Event; "endpointss" for Endpoints, kept
      // byte-identical (kubectl itself describes Endpoints).
      errors.push(`error: the server doesn't have a resource type "${t.kind.toLowerCase()}s"`);
      continue;
    }
    const kind = t.kind as Kind;
    let objs = ctx.store.list(kind);
    if (t.name !== undefined) {
      const exact = objs.filter((o) => o.metadata?.name === t.name);
      objs = exact.length ? exact : objs.filter((o) => o.metadata?.name?.startsWith(t.name ?? ''));
      if (!objs.length) errors.push(mutate.notFound(kind, t.name).output.trimEnd());
    } else if (cmd.selector)
      objs = objs.filter((o) => matchesSelector(cmd.selector, o.metadata?.labels));
    const showEvents = cmd.showEvents ?? true;
    for (const o of objs) {
      const events = showEvents ? eventsFor(ctx.events, kind, nameOf(o)) : [];
      outputs.push(describer(o as never, events, ctx.store, now));
    }
  }
  let output = outputs.join('\n\n');
  for (const e of errors) output += `${e}\n`;
  return { output, exitCode: errors.length ? 1 : 0 };
}

const HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Commands the simulator runs:
  apply -f NAME       Apply a manifest of the scenario file by name
  get                 Display one or many resources
  describe            Show details of a specific resource or group of resources
  set image           Update the image of a pod template
  set selector        Set the selector on a resource
  scale               Set a new size for a deployment, replica set, or replication controller
  label / annotate    Update the labels / annotations on a resource
  patch               Update fields of a resource
  delete              Delete resources by names or label selector
  rollout             Manage the rollout of a resource (status, history, undo, pause, resume, restart)

Usage:
  kubectl [flags] [options]
`;
