/**
 * `npm run sim -- serve FILE [--port 8001] [--speed 1] [--seed N] [--start 30s]
 * [--kubeconfig PATH]`: the arguments, checked with messages in kubectl's flag wording.
 */
import { parseDuration } from '../../sim';
import { oneFile, splitArgs } from '../cliArgs';

export interface ServeArgs {
  file: string;
  port: number;
  /** Simulated seconds per wall second; 0 pauses the cluster at `startMs`. */
  speed: number;
  seed?: number;
  /** Simulated ms to fast-forward to before serving. */
  startMs: number;
  kubeconfig: string;
}

export const SERVE_USAGE =
  'usage: npm run --silent sim -- serve FILE [--port 8001] [--speed 1] [--seed N] [--start 30s] [--kubeconfig ./rollout-lab.kubeconfig]';

export function parseServeArgs(argv: readonly string[]): ServeArgs | string {
  const line = splitArgs(argv, []);
  const out: Partial<ServeArgs> = {};
  for (const { flag, value } of line.flags) {
    switch (flag) {
      case '--port':
        if (!/^\d+$/.test(value) || Number(value) > 65535)
          return `error: invalid argument "${value}" for "--port" flag: must be a port number (0 picks a free one)`;
        out.port = Number(value);
        break;
      case '--speed': {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1000)
          return `error: invalid argument "${value}" for "--speed" flag: must be a number from 0 (paused) to 1000`;
        out.speed = n;
        break;
      }
      case '--seed':
        if (!/^-?\d+$/.test(value))
          return `error: invalid argument "${value}" for "--seed" flag: must be an integer`;
        out.seed = Number(value);
        break;
      case '--start': {
        const ms = parseDuration(value);
        if (ms === undefined || ms < 0)
          return `error: invalid argument "${value}" for "--start" flag: must be a duration such as 30s or 2m`;
        out.startMs = ms;
        break;
      }
      case '--kubeconfig':
        if (value === '')
          return 'error: invalid argument "" for "--kubeconfig" flag: must be a path';
        out.kubeconfig = value;
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
    port: out.port ?? 8001,
    speed: out.speed ?? 1,
    startMs: out.startMs ?? 0,
    kubeconfig: out.kubeconfig ?? 'rollout-lab.kubeconfig',
    ...(out.seed !== undefined ? { seed: out.seed } : {}),
  };
}
