/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` (kubectl v1.36
 * pkg/cmd/patch/patch.go): Validate, then the patch is read as YAML or JSON
 * (yaml.ToJSON), then the resource builder runs.
 */
import { parse as parseYaml } from 'yaml';
import { flagBool, flagString } from './flags';
import {
  fail,
  readDryRun,
  readOutput,
  readTargeting,
  targetingOf,
  type VerbContext,
  type VerbResult,
} from './verbKit';

const PATCH_TYPES = ['json', 'merge', 'strategic'] as const;

export function parsePatch(ctx: VerbContext): VerbResult {
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  const dry = readDryRun(ctx);
  if ('error' in dry) return fail(dry.error);
  const text = flagString(ctx.flags, 'patch');
  const file = flagString(ctx.flags, 'patch-file');
  const local = flagBool(ctx.flags, 'local');
  if (text !== '' && file !== '') return fail('cannot specify --patch and --patch-file together');
  if (text === '' && file === '')
    return fail('must specify --patch or --patch-file containing the contents of the patch');
  if (local && ctx.args.length !== 0) return fail('cannot specify --local and server resources');
  if (local && dry.dryRun === 'server') {
    return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  }
  const rawType = flagString(ctx.flags, 'type', 'strategic');
  const patchType = PATCH_TYPES.find((t) => t === rawType.toLowerCase());
  if (!patchType)
    return fail(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(rawType)}`);
  // The simulator has no file system: a patch file can never be read.
  if (file !== '')
    return fail(`unable to read patch file: open ${file}: no such file or directory`);
  if (local) return fail('--local is not supported by this simulator');
  let patch: unknown;
  try {
    patch = parseYaml(text, { prettyErrors: false });
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return fail(
      `unable to parse ${JSON.stringify(text)}: error converting YAML to JSON: yaml: ${msg}`,
    );
  }
  const t = readTargeting(ctx, false);
  if ('error' in t) return fail(t.error);
  return {
    ok: true,
    cmd: {
      verb: 'patch',
      namespace: ctx.namespace,
      ...targetingOf(t),
      patchType,
      patchText: text,
      patch,
      record: flagBool(ctx.flags, 'record'),
      ...out,
      dryRun: dry.dryRun,
    },
  };
}
