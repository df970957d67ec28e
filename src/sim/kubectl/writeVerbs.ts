/**
 * The verbs that write: `apply -f`, `set image`, `set selector`, `scale`, `label`, `annotate`,
 * `delete` and `patch`. Each resolves its targets (targets.ts) and hands every object to
 * mutate.ts, which changes it as the API server would and words kubectl's result line.
 */
import type { KubeObject } from '../api/objects';
import type { KubectlCommand } from './parse/command';
import * as mutate from './mutate';
import { applyManifest } from '../api/apply';
import { mergePatch, jsonPatch } from './patch';
import { validateObject, validateUpdate } from '../scenario/validate';
import { kubectlInvalid, resourceRef } from '../api/resourceRef';
import { clone, deepEqual } from '../core/clone';
import { each, fail, kindOf, nameOf, READ_ONLY_REFUSAL, resolve } from './targets';
import { isReadOnly } from '../api/kinds';
import type { KubectlHost, KubectlResult } from './host';

type Cmd<V extends KubectlCommand['verb']> = Extract<KubectlCommand, { verb: V }>;

/** `apply -f NAME`: the scenario's manifests of that name (`-` for all of them). */
export function runApply(host: KubectlHost, cmd: Cmd<'apply'>): KubectlResult {
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
      const r = applyManifest(host.ctx, m);
      output += r.output;
      if (r.exitCode) exitCode = r.exitCode;
    }
  }
  return { output, exitCode };
}

export function runSetImage(host: KubectlHost, cmd: Cmd<'set image'>, line: string): KubectlResult {
  const images: Record<string, string> = {};
  for (const { container, image } of cmd.images) images[container] = image;
  const cause = cmd.record ? changeCause(line) : undefined;
  return each(host, cmd, (o) => mutate.setImage(host.ctx, kindOf(o), nameOf(o), images, cause));
}

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

export function runSetSelector(host: KubectlHost, cmd: Cmd<'set selector'>): KubectlResult {
  if (cmd.matchExpressionsError) return fail(cmd.matchExpressionsError);
  return each(host, cmd, (o) =>
    mutate.setSelector(host.ctx, kindOf(o), nameOf(o), cmd.newSelector.matchLabels ?? {}),
  );
}

/** `scale --replicas=N [--current-replicas=M]`. */
export function runScale(host: KubectlHost, cmd: Cmd<'scale'>): KubectlResult {
  return each(host, cmd, (o) => {
    const current = (o as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
    if (cmd.currentReplicas >= 0 && cmd.currentReplicas !== current) {
      return fail(`error: Expected replicas to be ${cmd.currentReplicas}, was ${current}`);
    }
    return mutate.scale(host.ctx, kindOf(o), nameOf(o), cmd.replicas);
  });
}

/** `label` and `annotate`: set and remove keys, or `--list` them. */
export function runLabel(host: KubectlHost, cmd: Cmd<'label' | 'annotate'>): KubectlResult {
  const field = cmd.verb === 'label' ? 'labels' : 'annotations';
  if (cmd.list) {
    return each(
      host,
      cmd,
      (o) => ({
        output: Object.entries(o.metadata?.[field] ?? {})
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
        exitCode: 0,
      }),
      true,
    );
  }
  const set: Record<string, string> = {};
  for (const { key, value } of cmd.set) set[key] = value;
  return each(host, cmd, (o) =>
    mutate.setMetadataMap(host.ctx, field, kindOf(o), nameOf(o), set, cmd.remove, cmd.overwrite),
  );
}

/** `delete`: missing objects are errors unless --ignore-not-found. */
export function runDelete(host: KubectlHost, cmd: Cmd<'delete'>): KubectlResult {
  const { objects, errors } = resolve(host, cmd);
  let output = '';
  let refused = false;
  for (const o of objects) {
    if (isReadOnly(kindOf(o))) {
      output += `${READ_ONLY_REFUSAL}\n`;
      refused = true;
      continue;
    }
    output += mutate.deleteObject(host.ctx, kindOf(o), nameOf(o), cmd.gracePeriodSeconds).output;
  }
  const shown = cmd.ignoreNotFound ? [] : errors;
  for (const e of shown) output += `${e}\n`;
  if (!objects.length && !errors.length) output += 'No resources found\n';
  return { output, exitCode: shown.length || refused ? 1 : 0 };
}

/** `patch` with a strategic-merge, merge or JSON patch; validated as an update. */
export function runPatch(host: KubectlHost, cmd: Cmd<'patch'>): KubectlResult {
  return each(host, cmd, (o) => patchOne(host, o, cmd.patchType, cmd.patch));
}

function patchOne(
  host: KubectlHost,
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
  host.ctx.store.update(clone(next));
  return { output: `${ref} patched\n`, exitCode: 0 };
}
