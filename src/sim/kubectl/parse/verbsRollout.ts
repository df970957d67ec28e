/**
 * `kubectl rollout status|history|undo|pause|resume|restart` (kubectl v1.36 pkg/cmd/rollout):
 * each Validates "required resource not specified" first, then the resource builder reads the
 * arguments with ResourceTypeOrNameArgs(true, …), so `TYPE` alone means every object of it.
 */
import { flagBool, flagInt, flagList } from './flags';
import {
  fail,
  readDryRun,
  readOutput,
  readTargeting,
  targetingOf,
  type VerbContext,
  type VerbResult,
} from './verbKit';

export type RolloutAction = 'status' | 'history' | 'undo' | 'pause' | 'resume' | 'restart';

export function parseRollout(ctx: VerbContext, action: RolloutAction): VerbResult {
  const out = action === 'status' ? {} : readOutput(ctx);
  if ('error' in out) return fail(out.error);
  const dry = action === 'undo' ? readDryRun(ctx) : { dryRun: 'none' as const };
  if ('error' in dry) return fail(dry.error);
  if (ctx.args.length === 0 && flagList(ctx.flags, 'filename').length === 0) {
    return fail('required resource not specified');
  }
  const revision = flagInt(ctx.flags, 'revision', 0);
  if ((action === 'status' || action === 'history') && revision < 0) {
    return fail(`revision must be a positive integer: ${revision}`);
  }
  const t = readTargeting(ctx, true);
  if ('error' in t) return fail(t.error);
  const base = { namespace: ctx.namespace, ...targetingOf(t) };
  switch (action) {
    case 'status':
      return {
        ok: true,
        cmd: {
          verb: 'rollout status',
          ...base,
          watch: flagBool(ctx.flags, 'watch', true),
          revision,
          timeoutMs: flagInt(ctx.flags, 'timeout', 0),
        },
      };
    case 'history':
      return { ok: true, cmd: { verb: 'rollout history', ...base, revision, ...out } };
    case 'undo':
      return {
        ok: true,
        cmd: {
          verb: 'rollout undo',
          ...base,
          toRevision: flagInt(ctx.flags, 'to-revision', 0),
          ...out,
          dryRun: dry.dryRun,
        },
      };
    default:
      return { ok: true, cmd: { verb: `rollout ${action}`, ...base, ...out } };
  }
}
