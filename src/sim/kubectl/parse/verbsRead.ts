/**
 * `kubectl get` and `kubectl describe` (kubectl v1.36 pkg/cmd/get/get.go Complete/Validate,
 * pkg/cmd/describe/describe.go ToOptions), including their messages for a missing type.
 */
import { flagBool, flagList, flagString } from './flags';
import {
  fail,
  readOutput,
  readTargeting,
  targetingOf,
  type VerbContext,
  type VerbResult,
} from './verbKit';

const API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

export function parseGet(ctx: VerbContext): VerbResult {
  if (ctx.args.length === 0 && flagList(ctx.flags, 'filename').length === 0) {
    // get.go writes the first sentence to stderr itself, then returns a usage error.
    return {
      ok: false,
      exitCode: 1,
      output:
        `You must specify the type of resource to get. ${API_RESOURCES}\n\n` +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    };
  }
  const watch = flagBool(ctx.flags, 'watch');
  const showLabels = flagBool(ctx.flags, 'show-labels');
  const rawOutput = flagString(ctx.flags, 'output');
  if (showLabels && rawOutput !== '' && rawOutput !== 'wide') {
    return fail(`--show-labels option cannot be used with ${rawOutput} printer`);
  }
  if (flagBool(ctx.flags, 'output-watch-events') && !watch && !flagBool(ctx.flags, 'watch-only')) {
    return fail('--output-watch-events option can only be used with --watch or --watch-only');
  }
  const out = readOutput(ctx, true);
  if ('error' in out) return fail(out.error);
  const t = readTargeting(ctx, true);
  if ('error' in t) return fail(t.error);
  return {
    ok: true,
    cmd: {
      verb: 'get',
      namespace: ctx.namespace,
      ...targetingOf(t),
      ...out,
      showLabels,
      showKind: flagBool(ctx.flags, 'show-kind'),
      noHeaders: flagBool(ctx.flags, 'no-headers'),
      allNamespaces: flagBool(ctx.flags, 'all-namespaces'),
      watch: watch || flagBool(ctx.flags, 'watch-only'),
      ignoreNotFound: flagBool(ctx.flags, 'ignore-not-found'),
      ...(flagString(ctx.flags, 'field-selector') !== ''
        ? { fieldSelector: flagString(ctx.flags, 'field-selector') }
        : {}),
      ...(flagString(ctx.flags, 'sort-by') !== ''
        ? { sortBy: flagString(ctx.flags, 'sort-by') }
        : {}),
    },
  };
}

export function parseDescribe(ctx: VerbContext): VerbResult {
  if (ctx.args.length === 0 && flagList(ctx.flags, 'filename').length === 0) {
    return fail(`You must specify the type of resource to describe. ${API_RESOURCES}\n`);
  }
  const t = readTargeting(ctx, true);
  if ('error' in t) return fail(t.error);
  const showEvents = ctx.flags.values.get('show-events');
  return {
    ok: true,
    cmd: {
      verb: 'describe',
      namespace: ctx.namespace,
      ...targetingOf(t),
      allNamespaces: flagBool(ctx.flags, 'all-namespaces'),
      ...(typeof showEvents === 'boolean' ? { showEvents } : {}),
    },
  };
}
