/**
 * `/version` and the health endpoints. The version says v1.32 (what kubectl 1.32 expects to
 * talk to, so it prints no version-skew warning) and, in its git fields, that the server is
 * Rollout Lab's simulation, not a Kubernetes build.
 */
import type { ApiResponse } from './types';

/** version.Info as the API server serves it (apimachinery pkg/version/types.go). */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-rolloutlab',
  gitCommit: 'rollout-lab-simulated-cluster',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'simulated',
  compiler: 'rollout-lab',
  platform: 'simulated/rollout-lab',
};

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** `/version`, `/healthz`, `/livez`, `/readyz` (with or without a check name or `?verbose`). */
export function versionOrHealth(path: string, verbose: boolean): ApiResponse | undefined {
  if (path === '/version' || path === '/version/')
    return {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(VERSION_INFO, null, 2),
    };
  const base = `/${path.split('/')[1] ?? ''}`;
  if (!HEALTH.has(base)) return undefined;
  const check = path.slice(base.length + 1);
  if (check && check !== 'ping' && check !== 'log' && check !== 'etcd')
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
  const body = verbose
    ? `[+]ping ok\n[+]log ok\n[+]etcd ok\n${base.slice(1)} check passed\n`
    : 'ok';
  return { status: 200, contentType: 'text/plain; charset=utf-8', body };
}
