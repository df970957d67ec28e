/**
 * Pieces every verb parser shares: kubectl's error decoration (cmdutil.CheckErr adds `error: `,
 * UsageErrorf adds a "See 'kubectl … -h'" line), and readers for the common flags
 * (-o, --dry-run, -l, resource arguments).
 */
import { parseCustomColumns, type CustomColumn } from '../print/customColumns';
import type { DryRun, KubectlCommand, OutputFormat, Targeting } from './command';
import { flagBool, flagList, flagString, type ParsedFlags } from './flags';
import { buildTargets } from './resources';
import { parseSelector } from './selector';
import { GENERIC_FORMATS, GET_FORMATS } from './specs';

export interface VerbContext {
  /** Command path without `kubectl`, e.g. `rollout status`. */
  path: string;
  flags: ParsedFlags;
  args: string[];
  namespace: string;
}

export type VerbResult =
  | { ok: true; cmd: KubectlCommand; warnings?: string[] }
  | { ok: false; output: string; exitCode: number };

/** cmdutil.CheckErr: `error: ` prefix (unless present), newline added when missing, exit 1. */
export function fail(message: string): { ok: false; output: string; exitCode: number } {
  const msg = message.startsWith('error: ') ? message : `error: ${message}`;
  return { ok: false, output: msg.endsWith('\n') ? msg : `${msg}\n`, exitCode: 1 };
}

/** cmdutil.UsageErrorf. */
export function usageError(
  path: string,
  message: string,
): { ok: false; output: string; exitCode: number } {
  return fail(`${message}\nSee 'kubectl ${path} -h' for help and examples`);
}

/** The templater's FlagErrorFunc decoration of pflag errors. */
export function flagError(
  path: string,
  message: string,
): { ok: false; output: string; exitCode: number } {
  return fail(`${message}\nSee 'kubectl ${path} --help' for usage.`);
}

type Err = { error: string };

/** `-o`: a simulated format, none, or kubectl's (or the simulator's) refusal. */
export function readOutput(
  ctx: VerbContext,
  forGet = false,
): { output?: OutputFormat; customColumns?: CustomColumn[] } | Err {
  const raw = flagString(ctx.flags, 'output');
  if (raw === '') return {};
  const name = raw.split('=')[0] ?? '';
  const allowed = forGet ? GET_FORMATS : GENERIC_FORMATS;
  if (!allowed.includes(name)) {
    return {
      error: `unable to match a printer suitable for the output format ${JSON.stringify(raw)}, allowed formats are: ${allowed.join(',')}`,
    };
  }
  if (name === 'wide' || name === 'yaml' || name === 'json' || name === 'name')
    return { output: name };
  if (forGet && name === 'custom-columns') {
    // PrintFlags: the text after the first '=' is the spec (`-o custom-columns=NAME:.metadata.name`).
    const columns = parseCustomColumns(raw.slice(name.length + 1));
    return 'error' in columns ? columns : { customColumns: columns };
  }
  return {
    error: `-o ${name} is not supported by this simulator (use -o yaml, -o json or -o name)`,
  };
}

/** cmdutil.GetDryRunStrategy. */
export function readDryRun(ctx: VerbContext): { dryRun: DryRun } | Err {
  const v = flagString(ctx.flags, 'dry-run', 'none');
  if (v === 'true' || v === 'unchanged' || v === 'client') return { dryRun: 'client' };
  if (v === 'false' || v === 'none') return { dryRun: 'none' };
  if (v === 'server') return { dryRun: 'server' };
  return { error: `Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

/** Resource arguments + `-l` + `--all` + `-f`, read as the resource builder does. */
export function readTargeting(
  ctx: VerbContext,
  allowEmptySelector: boolean,
  args: readonly string[] = ctx.args,
): (Targeting & { filenames: string[] }) | Err {
  const rawSelector = flagString(ctx.flags, 'selector');
  let selector: Targeting['selector'];
  if (rawSelector !== '') {
    const parsed = parseSelector(rawSelector);
    if (!parsed.ok)
      return {
        error: `the provided selector ${JSON.stringify(rawSelector)} is not valid: ${parsed.error}`,
      };
    selector = parsed.selector;
  }
  const all = flagBool(ctx.flags, 'all');
  const filenames = flagList(ctx.flags, 'filename');
  const built = buildTargets({
    args,
    allowEmptySelector,
    hasSelector: selector !== undefined,
    selectAll: all,
    hasFilenames: filenames.length > 0,
  });
  if ('error' in built) return built;
  return {
    targets: built.targets,
    ...(selector ? { selector } : {}),
    ...(all ? { all } : {}),
    filenames,
  };
}

/** Drops `filenames` when empty so commands stay small. */
export function targetingOf(t: Targeting & { filenames: string[] }): Targeting {
  const { filenames, ...rest } = t;
  return filenames.length ? { ...rest, filenames } : rest;
}
