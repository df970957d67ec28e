/**
 * `kubectl rolling-update` (kubectl 1.11–1.17 staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/
 * rollingupdate.go, removed in 1.18): Complete cannot fail here, so the first errors are
 * validateArguments', each a UsageErrorf, joined the way utilerrors.NewAggregate and
 * cmdutil.CheckErr print them. Everything that needs the API server is checked when it runs.
 */
import { flagBool, flagInt, flagList, flagString } from './flags';
import type { VerbContext, VerbResult } from './verbKit';

/** rollingupdate.go: updatePeriod 1m, timeout 5m, pollInterval 3s. */
const UPDATE_PERIOD_MS = 60_000;
const TIMEOUT_MS = 300_000;
const POLL_INTERVAL_MS = 3_000;

const usage = (message: string) =>
  `${message}\nSee 'kubectl rolling-update -h' for help and examples`;

export function parseRollingUpdate(ctx: VerbContext): VerbResult {
  const { flags, args } = ctx;
  const deploymentKey = flagString(flags, 'deployment-label-key', 'deployment');
  const image = flagString(flags, 'image');
  const rollback = flagBool(flags, 'rollback');
  const filenames = flagList(flags, 'filename');

  // validateArguments, in its order.
  const errors: string[] = [];
  if (deploymentKey === '') errors.push(usage('--deployment-label-key can not be empty'));
  if (filenames.length > 1)
    errors.push(usage('May only specify a single filename for new controller'));
  if (!rollback) {
    if (filenames.length === 0 && image === '')
      errors.push(usage('Must specify --filename or --image for new controller'));
    else if (filenames.length !== 0 && image !== '')
      errors.push(usage('--filename and --image can not both be specified'));
  } else if (filenames.length !== 0 || image !== '') {
    errors.push(usage("Don't specify --filename or --image on rollback"));
  }
  if (args.length < 1) errors.push(usage('Must specify the controller to update'));
  if (errors.length === 1) return { ok: false, output: `error: ${errors[0]}\n`, exitCode: 1 };
  // CheckErr prints an aggregate of several as MultipleErrors: one per line, no `error: `.
  if (errors.length > 1)
    return { ok: false, output: errors.map((e) => `${e}\n`).join(''), exitCode: 1 };

  const filename = filenames[0];
  const newName = args[1];
  return {
    ok: true,
    cmd: {
      verb: 'rolling-update',
      namespace: ctx.namespace,
      oldName: args[0] ?? '',
      ...(newName !== undefined ? { newName } : {}),
      ...(filename !== undefined ? { filename } : {}),
      image,
      deploymentKey,
      container: flagString(flags, 'container'),
      imagePullPolicy: flagString(flags, 'image-pull-policy'),
      rollback,
      updatePeriodMs: flagInt(flags, 'update-period', UPDATE_PERIOD_MS),
      pollIntervalMs: flagInt(flags, 'poll-interval', POLL_INTERVAL_MS),
      timeoutMs: flagInt(flags, 'timeout', TIMEOUT_MS),
      dryRun: flagBool(flags, 'dry-run'),
      output: flagString(flags, 'output'),
    },
  };
}
