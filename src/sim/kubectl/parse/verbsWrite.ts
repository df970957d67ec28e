/**
 * The mutating verbs: apply, set image, set selector, scale, label, annotate, delete. Checks run
 * in the order kubectl's Complete/Validate/Run run them (kubectl v1.36 pkg/cmd/apply, set,
 * scale, label, annotate, delete), so the first error is the one kubectl would print.
 */
import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { flagBool, flagInt, flagList, flagString } from './flags';
import { parsePairs, parseLabels, resourcesAndPairs } from './labelPairs';
import { parseSelector } from './selector';
import {
  fail,
  readDryRun,
  readOutput,
  readTargeting,
  targetingOf,
  usageError,
  type VerbContext,
  type VerbResult,
} from './verbKit';

const NOT_SIMULATED = (what: string) => fail(`${what} is not supported by this simulator`);

export function parseApply(ctx: VerbContext): VerbResult {
  if (ctx.args.length > 0) return usageError('apply', `Unexpected args: [${ctx.args.join(' ')}]`);
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  if (flagString(ctx.flags, 'kustomize') !== '') return NOT_SIMULATED('-k (kustomize)');
  const filenames = flagList(ctx.flags, 'filename');
  if (filenames.length === 0) return fail('must specify one of -f and -k');
  return {
    ok: true,
    cmd: { verb: 'apply', namespace: ctx.namespace, filenames, ...out, dryRun: dry.dryRun },
  };
}

export function parseSetImage(ctx: VerbContext): VerbResult {
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  const split = resourcesAndPairs(ctx.args, 'image');
  if ('error' in split) return fail(split.error);
  const images = parsePairs(split.pairs, 'image', false);
  if ('error' in images) return fail(images.error);
  if (flagBool(ctx.flags, 'local')) return NOT_SIMULATED('--local');
  const all = flagBool(ctx.flags, 'all');
  const t = readTargeting(ctx, all, split.resources);
  if ('error' in t) return fail(t.error);
  if (all && t.selector) return fail('cannot set --all and --selector at the same time');
  if (images.set.length < 1) return fail('at least one image update is required');
  if (images.set.length > 1 && images.set.some((p) => p.key === '*')) {
    return fail(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  }
  return {
    ok: true,
    cmd: {
      verb: 'set image',
      namespace: ctx.namespace,
      ...targetingOf(t),
      images: images.set.map((p) => ({ container: p.key, image: p.value })),
      record: flagBool(ctx.flags, 'record'),
      ...out,
      dryRun: dry.dryRun,
    },
  };
}

/** Go's %v of []LabelSelectorRequirement: `[{app In [a b]}]`. */
function goRequirements(reqs: readonly LabelSelectorRequirement[]): string {
  return `[${reqs.map((r) => `{${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

export function parseSetSelector(ctx: VerbContext): VerbResult {
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  const last = ctx.args[ctx.args.length - 1];
  // getResourcesAndSelector: the last argument is the selector.
  if (last === undefined) return fail('one selector is required');
  const parsed = parseSelector(last);
  if (!parsed.ok) return fail(parsed.error);
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  if (flagBool(ctx.flags, 'local')) return NOT_SIMULATED('--local');
  const t = readTargeting(ctx, flagBool(ctx.flags, 'all'), ctx.args.slice(0, -1));
  if ('error' in t) return fail(t.error);
  const exprs = parsed.selector.matchExpressions ?? [];
  return {
    ok: true,
    cmd: {
      verb: 'set selector',
      namespace: ctx.namespace,
      ...targetingOf(t),
      newSelector: parsed.selector,
      ...(exprs.length
        ? {
            matchExpressionsError: `match expression ${goRequirements(exprs)} not supported on this object`,
          }
        : {}),
      record: flagBool(ctx.flags, 'record'),
      ...out,
      dryRun: dry.dryRun,
    },
  };
}

export function parseScale(ctx: VerbContext): VerbResult {
  // cobra ValidateRequiredFlags runs before the command (no FlagErrorFunc decoration).
  if (!ctx.flags.values.has('replicas')) return fail('required flag(s) "replicas" not set');
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  const replicas = flagInt(ctx.flags, 'replicas', -1);
  const currentReplicas = flagInt(ctx.flags, 'current-replicas', -1);
  if (replicas < 0)
    return fail(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  if (currentReplicas < -1)
    return fail('The --current-replicas must specify an integer of -1 or greater');
  const t = readTargeting(ctx, flagBool(ctx.flags, 'all'));
  if ('error' in t) return fail(t.error);
  return {
    ok: true,
    cmd: {
      verb: 'scale',
      namespace: ctx.namespace,
      ...targetingOf(t),
      replicas,
      currentReplicas,
      record: flagBool(ctx.flags, 'record'),
      ...out,
      dryRun: dry.dryRun,
    },
  };
}

/** label and annotate share their shape; their checks differ in wording and order. */
export function parseLabelOrAnnotate(ctx: VerbContext, verb: 'label' | 'annotate'): VerbResult {
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  const split = resourcesAndPairs(ctx.args, verb === 'label' ? 'label' : 'annotation');
  if ('error' in split) return fail(split.error);
  const pairs =
    verb === 'label' ? parseLabels(split.pairs) : parsePairs(split.pairs, 'annotation', true);
  if ('error' in pairs) return fail(pairs.error);
  const list = flagBool(ctx.flags, 'list');
  const all = flagBool(ctx.flags, 'all');
  if (list && flagString(ctx.flags, 'output') !== '')
    return fail('--list and --output may not be specified together');
  if (all && flagString(ctx.flags, 'selector') !== '')
    return fail('cannot set --all and --selector at the same time');
  if (all && flagString(ctx.flags, 'field-selector') !== '') {
    return fail('cannot set --all and --field-selector at the same time');
  }
  if (flagBool(ctx.flags, 'local')) return NOT_SIMULATED('--local');
  if (split.resources.length < 1 && flagList(ctx.flags, 'filename').length === 0) {
    return fail(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  }
  if (pairs.set.length < 1 && pairs.remove.length < 1 && !list) {
    return fail(`at least one ${verb === 'label' ? 'label' : 'annotation'} update is required`);
  }
  if (verb === 'annotate') {
    const both = pairs.remove.filter((k) => pairs.set.some((p) => p.key === k));
    if (both.length) {
      return fail(
        `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
      );
    }
  }
  const t = readTargeting(ctx, all, split.resources);
  if ('error' in t) return fail(t.error);
  return {
    ok: true,
    cmd: {
      verb,
      namespace: ctx.namespace,
      ...targetingOf(t),
      set: pairs.set,
      remove: pairs.remove,
      overwrite: flagBool(ctx.flags, 'overwrite'),
      list,
      ...out,
      dryRun: dry.dryRun,
    },
  };
}

export const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. ' +
  'The resource may continue to run on the cluster indefinitely.\n';

export function parseDelete(ctx: VerbContext): VerbResult {
  const all = flagBool(ctx.flags, 'all');
  const hasSelector = flagString(ctx.flags, 'selector') !== '';
  const force = flagBool(ctx.flags, 'force');
  let grace = flagInt(ctx.flags, 'grace-period', -1);
  if (flagBool(ctx.flags, 'now')) {
    if (grace !== -1) return fail('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  // --grace-period=0 means 1 unless --force asks for an immediate removal.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  const cascade = flagString(ctx.flags, 'cascade', 'background');
  if (!['background', 'foreground', 'orphan', 'true', 'false'].includes(cascade)) {
    return fail(
      `invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`,
    );
  }
  if (all && hasSelector) return fail("setting 'all' parameter but found a non empty selector. ");
  const t = readTargeting(ctx, false);
  if ('error' in t) return fail(t.error);
  const output = flagString(ctx.flags, 'output');
  if (output !== '' && output !== 'name')
    return fail(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (grace > 0 && force)
    return fail('--force and --grace-period greater than 0 cannot be specified together');
  const warnings = grace === 0 && force ? [FORCE_WARNING] : [];
  // --all, -l and --field-selector default --ignore-not-found to true.
  const ignoreDefault = all || hasSelector || flagString(ctx.flags, 'field-selector') !== '';
  return {
    ok: true,
    warnings,
    cmd: {
      verb: 'delete',
      namespace: ctx.namespace,
      ...targetingOf(t),
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      force,
      ignoreNotFound: flagBool(ctx.flags, 'ignore-not-found', ignoreDefault),
      wait: flagBool(ctx.flags, 'wait', true),
      ...(output === 'name' ? { output: 'name' as const } : {}),
      dryRun: dry.dryRun,
    },
  };
}
