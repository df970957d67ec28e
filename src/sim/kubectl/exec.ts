/**
 * The kubectl executor: parses a command line and runs it against the simulated API server,
 * printing what kubectl prints. Parsing (and its errors) is parse/; the verbs are readVerbs.ts
 * (get, describe), writeVerbs.ts (apply, set, scale, label, annotate, delete, patch),
 * rolloutVerbs.ts, rollingUpdate.ts and argo/ (the Argo Rollouts plugin); layout is print/.
 */
import { parseKubectl } from './parse/parseKubectl';
import type { KubectlCommand } from './parse/command';
import { runDescribe, runGet } from './readVerbs';
import {
  runApply,
  runDelete,
  runLabel,
  runPatch,
  runScale,
  runSetImage,
  runSetSelector,
} from './writeVerbs';
import {
  runRolloutHistory,
  runRolloutPause,
  runRolloutRestart,
  runRolloutStatus,
  runRolloutUndo,
} from './rolloutVerbs';
import type { KubectlHost, KubectlResult } from './host';
import { startRollingUpdate } from './rollingUpdate';
import { runArgoRollouts } from './argo/index';
import { dryRunHost, markDryRun } from './dryRun';
import { runEdit } from './edit';
import { SUBCOMMAND_HELP } from './helpTexts';
import { dryRunObjects } from './dryRunObjects';

export function executeKubectl(host: KubectlHost, line: string): KubectlResult {
  const parsed = parseKubectl(line);
  if (!parsed.ok) return { output: parsed.output, exitCode: parsed.exitCode };
  const warnings = parsed.warnings.join('');
  const r = runMaybeDry(host, parsed.cmd, line);
  return { ...r, output: warnings + r.output };
}

/** A command with `--dry-run=client|server` runs against a copy and says so on each line. */
function runMaybeDry(host: KubectlHost, cmd: KubectlCommand, line: string): KubectlResult {
  const mode = 'dryRun' in cmd && typeof cmd.dryRun === 'string' ? cmd.dryRun : 'none';
  if (mode === 'none') return run(host, cmd, line);
  const dry = dryRunHost(host);
  const r = run(dry, cmd, line);
  const printed = dryRunObjects(host, dry, cmd, r);
  if (printed) return printed;
  // A client-side undo prints the revision's pod template itself (rollback.go printTemplate).
  // kubectl 1.32 patch.go replaces the printer's operation after PrintFlagsWithDryRunStrategy
  // added the strategy to it, so `patch --dry-run=…` prints a plain "patched".
  const unmarked = (cmd.verb === 'rollout undo' && mode === 'client') || cmd.verb === 'patch';
  const marked = unmarked ? r.output : markDryRun(r.output, mode);
  return { output: marked, exitCode: r.exitCode };
}

function run(host: KubectlHost, cmd: KubectlCommand, line: string): KubectlResult {
  switch (cmd.verb) {
    case 'help':
      return { output: SUBCOMMAND_HELP[cmd.command] ?? HELP, exitCode: cmd.exitCode };
    case 'argo rollouts':
      return runArgoRollouts(host, cmd.args);
    case 'apply':
      return runApply(host, cmd);
    case 'set image':
      return runSetImage(host, cmd, line);
    case 'set selector':
      return runSetSelector(host, cmd);
    case 'scale':
      return runScale(host, cmd);
    case 'label':
    case 'annotate':
      return runLabel(host, cmd);
    case 'delete':
      return runDelete(host, cmd);
    case 'patch':
      return runPatch(host, cmd);
    case 'rollout status':
      return runRolloutStatus(host, cmd);
    case 'rollout history':
      return runRolloutHistory(host, cmd);
    case 'rollout undo':
      return runRolloutUndo(host, cmd);
    case 'rollout pause':
    case 'rollout resume':
      return runRolloutPause(host, cmd);
    case 'rollout restart':
      return runRolloutRestart(host, cmd);
    case 'get':
      return runGet(host, cmd);
    case 'describe':
      return runDescribe(host, cmd);
    case 'edit':
      // No editor here (a scenario step, the runner): the console opens one through edit.ts.
      return runEdit(host, cmd);
    case 'rolling-update':
      // Client-side, kubectl ≤ 1.17: the first lines now, then a process the engine wakes.
      return startRollingUpdate(host, cmd);
  }
}

const HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Commands the simulator runs:
  apply -f NAME       Apply a manifest of the scenario file by name
  get                 Display one or many resources
  describe            Show details of a specific resource or group of resources
  edit                Edit a resource (the in-app console opens it in the Scenario YAML editor)
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
