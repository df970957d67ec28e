/**
 * The kubectl command line → a typed command, or the exact text and exit code kubectl prints
 * when it refuses the line before talking to the API server. Shared by scenario steps and the
 * in-app console. Command lookup follows spf13/cobra (Command.Find, stripFlags, legacyArgs),
 * flags follow spf13/pflag, and each verb follows its kubectl v1.36 Complete/Validate.
 */
import type { KubectlCommand, ParseResult } from './command';
import { flagString, parseFlags } from './flags';
import { COMMAND_FLAGS, GLOBAL, SUBCOMMANDS } from './specs';
import { DEPRECATED_COMMANDS, HIDDEN_COMMANDS, ROOT_COMMANDS, unknownCommand } from './suggest';
import { tokenize } from './tokenize';
import { fail, flagError, usageError, type VerbContext, type VerbResult } from './verbKit';
import { parseGet, parseDescribe } from './verbsRead';
import { parseRollout, type RolloutAction } from './verbsRollout';
import { parsePatch } from './verbsPatch';
import { parseEdit } from './verbsEdit';
import { parseRollingUpdate } from './verbsRollingUpdate';
import {
  parseApply,
  parseDelete,
  parseLabelOrAnnotate,
  parseScale,
  parseSetImage,
  parseSetSelector,
} from './verbsWrite';

export type {
  KubectlCommand,
  KubectlVerb,
  ParseResult,
  ResourceKind,
  ResourceTarget,
  OutputFormat,
  DryRun,
} from './command';

const VERBS: Record<string, (ctx: VerbContext) => VerbResult> = {
  apply: parseApply,
  'set image': parseSetImage,
  'set selector': parseSetSelector,
  scale: parseScale,
  label: (ctx) => parseLabelOrAnnotate(ctx, 'label'),
  annotate: (ctx) => parseLabelOrAnnotate(ctx, 'annotate'),
  delete: parseDelete,
  patch: parsePatch,
  get: parseGet,
  describe: parseDescribe,
  edit: parseEdit,
  'rolling-update': parseRollingUpdate,
  ...Object.fromEntries(
    (['status', 'history', 'undo', 'pause', 'resume', 'restart'] as RolloutAction[]).map((a) => [
      `rollout ${a}`,
      (ctx: VerbContext) => parseRollout(ctx, a),
    ]),
  ),
};

/**
 * cobra stripFlags: the index of the first word that is not a flag or a flag's value. A flag
 * written `--name value` or `-n value` swallows the next word unless it takes no value.
 */
function firstCommandWord(words: readonly string[], from: number): number {
  const noValue = new Set(
    GLOBAL.filter((f) => f.type === 'bool').flatMap((f) => [
      `--${f.name}`,
      ...(f.short ? [`-${f.short}`] : []),
    ]),
  );
  for (let i = from; i < words.length; i++) {
    const s = words[i] ?? '';
    if (s === '--') return -1;
    const takesValue =
      !s.includes('=') &&
      ((s.startsWith('--') && !noValue.has(s)) ||
        (s.length === 2 && s.startsWith('-') && !noValue.has(s)));
    if (takesValue) {
      if (words.length - i - 1 <= 1) return -1;
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) return i;
  }
  return -1;
}

function without(words: readonly string[], index: number): string[] {
  return [...words.slice(0, index), ...words.slice(index + 1)];
}

const notSimulated = (path: string) => fail(`"kubectl ${path}" is not supported by this simulator`);

/** Parses one kubectl command line (with or without the leading `kubectl`). */
export function parseKubectl(line: string): ParseResult {
  const tok = tokenize(line);
  if (!tok.ok) return { ok: false, output: `bash: ${tok.error}\n`, exitCode: 2 };
  let words = tok.words;
  if (words[0] === 'kubectl') words = words.slice(1);
  // kubectl runs kubectl-argo-rollouts as a plugin before cobra sees the line.
  if (words[0] === 'argo' && words[1] === 'rollouts') {
    return {
      ok: true,
      cmd: { verb: 'argo rollouts', namespace: 'default', args: words.slice(2) },
      warnings: [],
    };
  }

  const at = firstCommandWord(words, 0);
  const root = at >= 0 ? (words[at] ?? '') : '';
  if (at < 0 || root === 'help') {
    const flags = parseFlags(at < 0 ? words : without(words, at), GLOBAL);
    if (!flags.ok) return rootFlagError(flags.error);
    const topic = at < 0 ? '' : flags.flags.args.join(' ');
    return {
      ok: true,
      cmd: { verb: 'help', namespace: 'default', command: topic, exitCode: 0 },
      warnings: [],
    };
  }
  if (!ROOT_COMMANDS.includes(root) && !HIDDEN_COMMANDS.includes(root))
    return unknownCommandResult(root);
  let path = root;
  let rest = without(words, at);
  const subs = SUBCOMMANDS[root];
  if (subs) {
    const subAt = firstCommandWord(rest, 0);
    const sub = subAt >= 0 ? (rest[subAt] ?? '') : '';
    if (subs.includes(sub)) {
      path = `${root} ${sub}`;
      rest = without(rest, subAt);
    }
  }
  const result = parseCommand(path, rest, subs);
  // cobra Command.execute prints a Deprecated command's notice before it parses the flags.
  const notice = DEPRECATED_COMMANDS[path];
  if (!notice) return result;
  return result.ok
    ? { ...result, warnings: [notice, ...result.warnings] }
    : { ...result, output: notice + result.output };
}

/** Flags, help and the verb's own checks of one resolved command path. */
function parseCommand(
  path: string,
  rest: readonly string[],
  subs: readonly string[] | undefined,
): ParseResult {
  const specs = COMMAND_FLAGS[path];
  if (!specs) return notSimulated(path);
  const parsed = parseFlags(rest, [...specs, ...GLOBAL]);
  if (!parsed.ok) return flagError(path, parsed.error);
  const flags = parsed.flags;
  const namespace = flagString(flags, 'namespace', 'default') || 'default';
  if (flags.help) {
    return {
      ok: true,
      cmd: { verb: 'help', namespace, command: path, exitCode: 0 },
      warnings: flags.warnings,
    };
  }
  if (path === 'rollout' || path === 'set') {
    // DefaultSubCommandRun: help (exit 1) without arguments, else RequireNoArguments.
    if (flags.args.length === 0) {
      return {
        ok: true,
        cmd: { verb: 'help', namespace, command: path, exitCode: 1 },
        warnings: flags.warnings,
      };
    }
    const sub = flags.args[0] ?? '';
    if (subs?.includes(sub)) return notSimulated(`${path} ${sub}`);
    return usageError(path, `unknown command ${JSON.stringify(flags.args.join(' '))}`);
  }
  const verb = VERBS[path];
  if (!verb) return notSimulated(path);
  const result = verb({ path, flags, args: flags.args, namespace });
  if (!result.ok) return result;
  return { ok: true, cmd: result.cmd, warnings: [...flags.warnings, ...(result.warnings ?? [])] };
}

function rootFlagError(message: string): ParseResult {
  return fail(`${message}\nSee 'kubectl --help' for usage.`);
}

function unknownCommandResult(word: string): ParseResult {
  return { ok: false, output: unknownCommand(word), exitCode: 1 };
}

/** Type guard helper for exhaustive switches over commands. */
export function isVerb<V extends KubectlCommand['verb']>(
  cmd: KubectlCommand,
  verb: V,
): cmd is Extract<KubectlCommand, { verb: V }> {
  return cmd.verb === verb;
}
