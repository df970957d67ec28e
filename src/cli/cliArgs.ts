/**
 * What the runner and `serve` share on their command lines: flags in pflag's two forms
 * (`--seed 7`, `--seed=7`), exactly one scenario FILE, and reading it with kubectl's wording
 * when it is missing.
 */
import { readFileSync } from 'node:fs';

export interface CommandLine {
  files: string[];
  /** Each `--flag value` in order; a switch (no value) has value ''. */
  flags: { flag: string; value: string }[];
  /**
   * A last flag with no value: its error, said after the flags before it were checked (as
   * pflag reads left to right).
   */
  missing?: string;
}

/** `argv` split into files and flags; `switches` take no value. */
export function splitArgs(argv: readonly string[], switches: readonly string[]): CommandLine {
  const out: CommandLine = { files: [], flags: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      out.files.push(a);
      continue;
    }
    if (switches.includes(a)) {
      out.flags.push({ flag: a, value: '' });
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq >= 0 ? a.slice(0, eq) : a;
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) out.missing = `error: flag needs an argument: ${flag}`;
    else out.flags.push({ flag, value });
  }
  return out;
}

/** The one scenario FILE, or the error for none or several. */
export function oneFile(files: readonly string[]): { file: string } | string {
  if (files.length === 1) return { file: files[0] ?? '' };
  return files.length === 0
    ? 'error: a scenario FILE is required'
    : 'error: exactly one scenario FILE is expected';
}

/** The file's text, or undefined after saying on stderr that it does not exist. */
export function readScenarioFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    process.stderr.write(`error: the path "${path}" does not exist\n`);
    return undefined;
  }
}
