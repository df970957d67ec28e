/**
 * `npm run --silent sim -- FILE [--seed N] [--duration 300s] [--sample 1s] [--format json|text]`
 * The headless runner (scenario-format.md §2): JSON or text on stdout; exit 2 with the errors on
 * stderr and nothing on stdout for an invalid file or arguments.
 */
import { basename } from 'node:path';
import { parseDuration, runScenario } from '../sim';
import { convertRetiredVersions } from '../sim';
import { formatText } from './formatText';
import { importReport } from './importReport';
import { oneFile, readScenarioFile, splitArgs } from './cliArgs';
import { serveMain } from './serve/serve';

interface Args {
  file: string;
  seed?: number;
  durationMs?: number;
  sampleMs?: number;
  format: 'json' | 'text';
  /** Convert retired Deployment/ReplicaSet versions to apps/v1 before running. */
  convert?: boolean;
}

const USAGE =
  'usage: npm run --silent sim -- FILE [--seed N] [--duration 300s] [--sample 1s] [--format json|text] [--convert]\n' +
  '       npm run --silent sim -- serve FILE [--port 8001] [--speed 1] [--seed N] [--start 30s] [--kubeconfig PATH]';

function parseArgs(argv: string[]): Args | string {
  const line = splitArgs(argv, ['--convert']);
  const out: Partial<Args> = {};
  for (const { flag, value } of line.flags) {
    switch (flag) {
      case '--convert':
        if (value !== '') return `error: unknown flag: ${flag}`;
        out.convert = true;
        break;
      case '--seed': {
        if (!/^-?\d+$/.test(value))
          return `error: invalid argument "${value}" for "--seed" flag: must be an integer`;
        out.seed = Number(value);
        break;
      }
      case '--duration': {
        const ms = parseDuration(value);
        if (ms === undefined || ms <= 0)
          return `error: invalid argument "${value}" for "--duration" flag: must be a positive duration such as 300s or 5m`;
        out.durationMs = ms;
        break;
      }
      case '--sample': {
        const ms = parseDuration(value);
        if (ms === undefined || ms < 100)
          return `error: invalid argument "${value}" for "--sample" flag: must be a duration of at least 100ms`;
        out.sampleMs = ms;
        break;
      }
      case '--format':
        if (value !== 'json' && value !== 'text')
          return `error: invalid argument "${value}" for "--format" flag: must be json or text`;
        out.format = value;
        break;
      default:
        return `error: unknown flag: ${flag}`;
    }
  }
  if (line.missing) return line.missing;
  const one = oneFile(line.files);
  if (typeof one === 'string') return one;
  return {
    file: one.file,
    format: out.format ?? (process.stdout.isTTY ? 'text' : 'json'),
    ...out,
  } as Args;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  let text = readScenarioFile(args.file);
  if (text === undefined) return 2;
  if (args.convert) text = convertFirst(text);
  const outcome = runScenario(text, basename(args.file), {
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(args.durationMs !== undefined ? { durationMs: args.durationMs } : {}),
    ...(args.sampleMs !== undefined ? { sampleMs: args.sampleMs } : {}),
  });
  // What import found (a generated Scenario, ignored kinds and fields) goes to stderr: stdout
  // stays the JSON or text contract.
  process.stderr.write(importReport(outcome));
  if (!outcome.ok) {
    process.stderr.write(`${outcome.errors.join('\n')}\n`);
    return 2;
  }
  process.stdout.write(
    args.format === 'json'
      ? `${JSON.stringify(outcome.result, null, 2)}\n`
      : formatText(outcome.result),
  );
  return 0;
}

/**
 * `--convert`: retired apiVersions rewritten as apps/v1 (convertApiVersion.ts), each change said
 * on stderr so the person knows the file that ran is not the file they gave.
 */
function convertFirst(text: string): string {
  const { text: converted, changes } = convertRetiredVersions(text);
  if (changes.length) {
    process.stderr.write(
      `converted to apps/v1 (--convert):\n${changes.map((c) => `  ${c}\n`).join('')}`,
    );
  }
  return converted;
}

// `sim serve FILE …` (issue 12): the simulated cluster serving the Kubernetes API (src/cli/serve).
if (process.argv[2] === 'serve')
  void serveMain(process.argv.slice(3)).then((code) => (process.exitCode = code));
else process.exitCode = main();
