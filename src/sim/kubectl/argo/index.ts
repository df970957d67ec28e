/**
 * `kubectl argo rollouts …`: the kubectl-argo-rollouts plugin (argo-rollouts
 * cmd/kubectl-argo-rollouts and pkg/kubectl-argo-rollouts) run against the simulated API
 * server. Command lookup, flag parsing and error printing follow cobra v1.10.2 (Command.Find,
 * stripFlags, legacyArgs, ExecuteC) and pflag; the plugin's commands print to stdout and
 * cobra's errors and usage to stderr, which the simulated console shows as one stream.
 *
 * Simulated: promote, abort, retry, pause, restart, set image, get, status, list, terminate,
 * version and help (Experiments are not simulated, so there are never any to find). A watching
 * `status` goes on until the rollout is Healthy or Degraded (statusWatchStep); `get rollout -w`
 * and `list rollouts -w` print the first state only.
 */
import type { AnalysisRun, Deployment, Pod, ReplicaSet, Rollout } from '../../api/objects';
import type { ArgoStatusWatch, KubectlHost, KubectlResult } from '../host';
import { flagBool, flagString, parseFlags, type FlagSpec, type ParsedFlags } from '../parse/flags';
import { levenshtein } from '../parse/suggest';
import { newRolloutInfo, type ClusterView, type RolloutInfo } from './info';
import { printRollout, printRolloutTable } from './print';
import {
  ROOT,
  commandPath,
  findChild,
  flagsOf,
  helpText,
  usage,
  type CommandDef,
  type CommandPath,
} from './usage';
import * as verbs from './verbs';
import { error, ok, type VerbResult } from './verbs';

/**
 * How often a watching `argo rollouts status` looks again. The plugin reacts to informer
 * events; it prints only when its line changes, so a short poll prints the same lines.
 */
export const ARGO_STATUS_POLL_MS = 250;
/**
 * The released plugin's `version` (v1.9.1, argo-rollouts b6bd3bc). Its Makefile never sets
 * utils/version.gitTag, so even release builds print version+commit (utils/version/version.go).
 */
const VERSION = {
  version: 'v1.9.1+b6bd3bc',
  buildDate: '2026-07-06T13:57:05Z',
  gitCommit: 'b6bd3bcf8f60d717a98763d26acc983db7f97cb0',
  gitTreeState: 'clean',
  goVersion: 'go1.24.13',
  compiler: 'gc',
  platform: 'linux/amd64',
};

interface RunContext {
  host: KubectlHost;
  path: CommandPath;
  args: string[];
  flags: ParsedFlags;
  namespace: string;
}

const result = (r: VerbResult): KubectlResult => ({ output: r.output, exitCode: r.exitCode });

/** options.UsageErr: the usage on stderr and exit 1, with no "Error:" line. */
const usageError = (path: CommandPath): KubectlResult => ({ output: usage(path), exitCode: 1 });

/** Runs the plugin with the words after `kubectl argo rollouts`. */
export function runArgoRollouts(host: KubectlHost, args: readonly string[]): KubectlResult {
  const found = find(args);
  if ('unknown' in found) return { output: unknownCommand(found.unknown), exitCode: 1 };
  const cmd = found.path[found.path.length - 1] ?? ROOT;
  // Their flags and texts are not modelled either, so even their help is declined.
  if (cmd.simulated === false) return result(error(notSimulated(found.path)));
  const parsed = parseFlags(found.rest, flagsOf(cmd));
  if (!parsed.ok) return result(error(parsed.error));
  const flags = parsed.flags;
  const warnings = shorthandDeprecations(found.rest, cmd.flags).concat(flags.warnings).join('');
  if (flags.help) return { output: warnings + helpText(found.path), exitCode: 0 };
  const ctx: RunContext = {
    host,
    path: found.path,
    args: flags.args,
    flags,
    namespace: flagString(flags, 'namespace') || 'default',
  };
  const r = run(ctx);
  return { ...r, output: warnings + r.output };
}

/** pflag prints this for a deprecated shorthand (-c, -a of promote) before the flag's own notice. */
function shorthandDeprecations(words: readonly string[], specs: readonly FlagSpec[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w === '--') break;
    if (!/^-[^-]/.test(w)) continue;
    for (const ch of w.slice(1).split('=')[0] ?? '') {
      const spec = specs.find((s) => s.short === ch);
      if (spec?.deprecated)
        out.push(`Flag shorthand -${ch} has been deprecated, ${spec.deprecated}\n`);
    }
  }
  return out;
}

/** hasNoOptDefVal / shortHasNoOptDefVal: flags that take no separate value (the bools). */
function takesNoValue(specs: readonly FlagSpec[], word: string): boolean {
  const spec = word.startsWith('--')
    ? specs.find((s) => s.name === word.slice(2))
    : specs.find((s) => s.short === word.slice(1));
  return spec !== undefined && (spec.type === 'bool' || spec.noOptDefVal !== undefined);
}

/** stripFlags: positions of the words that are neither flags nor flag values. */
function commandWords(args: readonly string[], specs: readonly FlagSpec[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i] ?? '';
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && !takesNoValue(specs, s);
    const shortWithValue =
      s.startsWith('-') && !s.includes('=') && s.length === 2 && !takesNoValue(specs, s);
    if (longWithValue || shortWithValue) {
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) out.push(i);
  }
  return out;
}

/** Command.Find: descend by subcommand names, then legacyArgs' check at the root. */
function find(
  args: readonly string[],
): { path: CommandPath; rest: string[] } | { unknown: string } {
  const path: CommandDef[] = [ROOT];
  let rest = [...args];
  for (;;) {
    const cmd = path[path.length - 1] ?? ROOT;
    const at = commandWords(rest, flagsOf(cmd))[0];
    if (at === undefined) break;
    const child = findChild(cmd, rest[at] ?? '');
    if (!child) break;
    path.push(child);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
  }
  if (path.length === 1) {
    const at = commandWords(rest, flagsOf(ROOT))[0];
    if (at !== undefined) return { unknown: rest[at] ?? '' };
  }
  return { path, rest };
}

/** legacyArgs' error with SuggestionsFor (Levenshtein ≤ 2 or a prefix), as ExecuteC prints it. */
function unknownCommand(word: string): string {
  const suggestions = (ROOT.children ?? [])
    .filter((c) => c.name !== 'help')
    .filter(
      (c) => levenshtein(word, c.name) <= 2 || c.name.toLowerCase().startsWith(word.toLowerCase()),
    )
    .map((c) => c.name);
  const did = suggestions.length
    ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
    : '';
  return (
    `Error: unknown command ${JSON.stringify(word)} for "kubectl-argo-rollouts"${did}\n` +
    "Run 'kubectl-argo-rollouts --help' for usage.\n"
  );
}

function run(c: RunContext): KubectlResult {
  const ctx = c.host.ctx;
  const { args, flags, namespace: ns } = c;
  switch (commandPath(c.path)) {
    case 'kubectl-argo-rollouts':
    case 'kubectl-argo-rollouts get':
    case 'kubectl-argo-rollouts list':
    case 'kubectl-argo-rollouts retry':
    case 'kubectl-argo-rollouts set':
    case 'kubectl-argo-rollouts terminate':
      return usageError(c.path);
    case 'kubectl-argo-rollouts help':
      return helpCommand(args);
    case 'kubectl-argo-rollouts version':
      return { output: versionText(flagBool(flags, 'short')), exitCode: 0 };
    case 'kubectl-argo-rollouts promote': {
      if (args.length !== 1) return usageError(c.path);
      const skipCurrentStep = flagBool(flags, 'skip-current-step');
      const skipAllSteps = flagBool(flags, 'skip-all-steps');
      if (skipCurrentStep && skipAllSteps)
        return result(
          error('Cannot use skip-current-step and skip-all-steps flags at the same time'),
        );
      return result(
        verbs.promote(ctx, ns, args[0] ?? '', {
          skipCurrentStep,
          skipAllSteps,
          full: flagBool(flags, 'full'),
        }),
      );
    }
    case 'kubectl-argo-rollouts abort':
      return args.length ? result(verbs.abort(ctx, ns, args)) : usageError(c.path);
    case 'kubectl-argo-rollouts retry rollout':
      return args.length ? result(verbs.retry(ctx, ns, args)) : usageError(c.path);
    case 'kubectl-argo-rollouts pause':
      return args.length ? result(verbs.pause(ctx, ns, args)) : usageError(c.path);
    case 'kubectl-argo-rollouts restart':
      if (args.length !== 1) return usageError(c.path);
      return result(verbs.restart(ctx, ns, args[0] ?? '', flagString(flags, 'in')));
    case 'kubectl-argo-rollouts set image': {
      const split = (args[1] ?? '').split('=');
      if (args.length !== 2 || split.length !== 2) return usageError(c.path);
      return result(verbs.setImage(ctx, ns, args[0] ?? '', split[0] ?? '', split[1] ?? ''));
    }
    case 'kubectl-argo-rollouts get rollout': {
      if (args.length !== 1) return usageError(c.path);
      const info = rolloutInfo(c.host, ns, args[0] ?? '');
      if (typeof info === 'string') return result(error(info));
      // -w (bounded by --timeout-seconds) would redraw on every change; this is its first frame.
      return { output: printRollout(info, ctx.now()), exitCode: 0 };
    }
    case 'kubectl-argo-rollouts status': {
      if (args.length !== 1) return usageError(c.path);
      return statusCommand(c.host, ns, args[0] ?? '', flagBool(flags, 'watch', true));
    }
    // The simulator runs no Experiments: the API server has none to show.
    case 'kubectl-argo-rollouts get experiment':
      if (args.length !== 1) return usageError(c.path);
      return result(error(`experiment.argoproj.io "${args[0] ?? ''}" not found`));
    case 'kubectl-argo-rollouts retry experiment':
    case 'kubectl-argo-rollouts terminate experiment':
      if (!args.length) return usageError(c.path);
      return result(error(`experiments.argoproj.io "${args[0] ?? ''}" not found`));
    case 'kubectl-argo-rollouts list experiments':
      return { output: 'No resources found.\n', exitCode: 0 };
    case 'kubectl-argo-rollouts terminate analysisrun':
      return args.length ? result(verbs.terminateAnalysisRuns(ctx, ns, args)) : usageError(c.path);
    case 'kubectl-argo-rollouts list rollouts': {
      const all = flagBool(flags, 'all-namespaces');
      const name = flagString(flags, 'name');
      const rollouts = ctx.store
        .list<Rollout>('Rollout')
        .filter((ro) => all || (ro.metadata?.namespace ?? 'default') === ns)
        .filter((ro) => name === '' || ro.metadata?.name === name)
        .sort((a, b) => compareKeys(a, b));
      if (rollouts.length === 0 && !flagBool(flags, 'watch'))
        return { output: 'No resources found.\n', exitCode: 0 };
      return {
        output: printRolloutTable(rollouts, ctx.now(), {
          allNamespaces: all,
          timestamps: flagBool(flags, 'timestamps'),
        }),
        exitCode: 0,
      };
    }
    default:
      return result(error(notSimulated(c.path)));
  }
}

const notSimulated = (path: CommandPath) =>
  `"kubectl argo rollouts ${commandPath(path.slice(1))}" is not supported by this simulator`;

/** The API server lists by namespace, then name. */
function compareKeys(a: Rollout, b: Rollout): number {
  const ka = `${a.metadata?.namespace ?? 'default'}/${a.metadata?.name ?? ''}`;
  const kb = `${b.metadata?.namespace ?? 'default'}/${b.metadata?.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** cobra's help command: the named command's help, or "Unknown help topic" and the root usage. */
function helpCommand(args: readonly string[]): KubectlResult {
  const found = find(args);
  if ('unknown' in found) {
    const topic = `[${args.map((a) => `\`${a}\``).join(' ')}]`;
    return { output: `Unknown help topic ${topic}\n${usage([ROOT])}`, exitCode: 0 };
  }
  return { output: helpText(found.path), exitCode: 0 };
}

/** version.go PrintVersion. */
function versionText(short: boolean): string {
  let out = `kubectl-argo-rollouts: ${VERSION.version}\n`;
  if (!short) {
    out += `  BuildDate: ${VERSION.buildDate}\n`;
    out += `  GitCommit: ${VERSION.gitCommit}\n`;
    out += `  GitTreeState: ${VERSION.gitTreeState}\n`;
    out += `  GoVersion: ${VERSION.goVersion}\n`;
    out += `  Compiler: ${VERSION.compiler}\n`;
    out += `  Platform: ${VERSION.platform}\n`;
  }
  return out;
}

const inNamespace = (ns: string) => (o: { metadata?: { namespace?: string } }) =>
  (o.metadata?.namespace ?? 'default') === ns;

/**
 * viewcontroller GetRolloutInfo: the Rollout from the lister (whose NotFound names the
 * resource `rollout.argoproj.io`), everything else in its namespace, and the workloadRef.
 */
export function rolloutInfo(host: KubectlHost, ns: string, name: string): RolloutInfo | string {
  const store = host.ctx.store;
  const ro = store.get<Rollout>('Rollout', name);
  if (!ro || !inNamespace(ns)(ro)) return `rollout.argoproj.io "${name}" not found`;
  const view: ClusterView = {
    replicaSets: store.list<ReplicaSet>('ReplicaSet').filter(inNamespace(ns)),
    pods: store.list<Pod>('Pod').filter(inNamespace(ns)),
    analysisRuns: store.list<AnalysisRun>('AnalysisRun').filter(inNamespace(ns)),
  };
  const ref = ro.spec.workloadRef;
  if (ref) {
    const d = store.get<Deployment>('Deployment', ref.name ?? '');
    if (!d || !inNamespace(ns)(d)) return `deployment.apps "${ref.name ?? ''}" not found`;
    view.workload = d;
  }
  return newRolloutInfo(ro, view);
}

/** WatchStatus's printStatus line: "Status" or "Status - Message". */
function watchLine(info: RolloutInfo): string {
  return info.message !== '' ? `${info.status} - ${info.message}` : info.status;
}

/** The end of a watching `status`: exit 0 when Healthy, the Degraded error otherwise. */
function statusEnd(info: RolloutInfo): VerbResult {
  if (info.status === 'Degraded')
    return error(`The rollout is in a degraded state with message: ${info.message}`);
  return ok('');
}

/**
 * One look of a watching `status` (status.go WatchStatus): prints the line when it changed,
 * and ends (exitCode set) once the rollout is Healthy or Degraded. exitCode null: keep
 * watching. For an engine to call on every change of the rollout and its children.
 */
export function statusWatchStep(
  host: KubectlHost,
  w: ArgoStatusWatch,
): { output: string; exitCode: number | null; watch: ArgoStatusWatch } {
  const info = rolloutInfo(host, w.namespace, w.rollout);
  // The view controller keeps its last state when the rollout goes away; nothing to print.
  if (typeof info === 'string') return { output: '', exitCode: null, watch: w };
  const line = watchLine(info);
  const output = line !== w.prevMessage ? `${line}\n` : '';
  const watch = { ...w, prevMessage: line };
  if (info.status === 'Healthy' || info.status === 'Degraded') {
    const end = statusEnd(info);
    return { output: output + end.output, exitCode: end.exitCode, watch };
  }
  return { output, exitCode: null, watch };
}

/**
 * `status NAME`: with --watch=false the phase (and message unless Healthy or Degraded) and the
 * Degraded error; watching (the default), the first WatchStatus line, and the end when the
 * rollout is already Healthy or Degraded. A watch still running goes on as a client process
 * (kubectl/process.ts) that prints each new line until the end; Ctrl-C stops it.
 */
function statusCommand(host: KubectlHost, ns: string, name: string, watch: boolean): KubectlResult {
  const info = rolloutInfo(host, ns, name);
  if (typeof info === 'string') return result(error(info));
  if (!watch) {
    const line =
      info.status === 'Healthy' || info.status === 'Degraded' ? info.status : watchLine(info);
    const end = info.status === 'Degraded' ? statusEnd(info) : ok('');
    return { output: `${line}\n${end.output}`, exitCode: end.exitCode };
  }
  const step = statusWatchStep(host, { rollout: name, namespace: ns, prevMessage: '' });
  if (step.exitCode !== null) return { output: step.output, exitCode: step.exitCode };
  // Still progressing: the engine keeps it watching, printing each new line, until it ends.
  return {
    output: step.output,
    exitCode: 0,
    process: { kind: 'argo-status', state: step.watch },
    nextInMs: ARGO_STATUS_POLL_MS,
  };
}
