/**
 * `kubectl edit TYPE NAME | TYPE/NAME | TYPE` (kubectl v1.32 pkg/cmd/edit/edit.go: the resource
 * builder's ResourceTypeOrNameArgs(true, …), -o yaml|json for the editor's format).
 */
import { flagBool } from './flags';
import {
  fail,
  readOutput,
  readTargeting,
  targetingOf,
  type VerbContext,
  type VerbResult,
} from './verbKit';

export function parseEdit(ctx: VerbContext): VerbResult {
  const out = readOutput(ctx);
  if ('error' in out) return fail(out.error);
  // editoptions.go Complete: only yaml and json can be edited.
  if (out.output !== undefined && out.output !== 'yaml' && out.output !== 'json')
    return fail(`the flag 'output' must be one of yaml|json`);
  const t = readTargeting(ctx, true);
  if ('error' in t) return fail(t.error);
  return {
    ok: true,
    cmd: {
      verb: 'edit',
      namespace: ctx.namespace,
      ...targetingOf(t),
      ...(out.output ? { output: out.output } : {}),
      outputPatch: flagBool(ctx.flags, 'output-patch'),
    },
  };
}
