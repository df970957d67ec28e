/**
 * `npm run sim -- serve FILE [--port 8001] [--speed 1] [--seed N] [--start 30s]
 * [--kubeconfig PATH]`: the arguments, checked with messages in kubectl's flag wording.
 */
import { parseDuration } from '../../sim';

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
  const files: string[] = [];
  const out: Partial<ServeArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq >= 0 ? a.slice(0, eq) : a;
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return `error: flag needs an argument: ${flag}`;
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
  if (files.length !== 1)
    return files.length === 0
      ? 'error: a scenario FILE is required'
      : 'error: exactly one scenario FILE is expected';
  return {
    file: files[0] ?? '',
    port: out.port ?? 8001,
    speed: out.speed ?? 1,
    startMs: out.startMs ?? 0,
    kubeconfig: out.kubeconfig ?? 'rollout-lab.kubeconfig',
    ...(out.seed !== undefined ? { seed: out.seed } : {}),
  };
}
