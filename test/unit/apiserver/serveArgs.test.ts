/** `sim serve`'s arguments and kubeconfig (src/cli/serve). */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseServeArgs } from '../../../src/cli/serve/args';
import { kubeconfigText, writeKubeconfig } from '../../../src/cli/serve/kubeconfig';

describe('sim serve arguments', () => {
  it('defaults to port 8001, speed 1, from t = 0, and its own kubeconfig file', () => {
    expect(parseServeArgs(['s.yaml'])).toEqual({
      file: 's.yaml',
      port: 8001,
      speed: 1,
      startMs: 0,
      kubeconfig: 'rollout-lab.kubeconfig',
    });
    expect(
      parseServeArgs(['s.yaml', '--speed=0', '--start', '30s', '--seed', '7', '--port', '0']),
    ).toMatchObject({
      speed: 0,
      startMs: 30_000,
      seed: 7,
      port: 0,
    });
  });

  it('refuses bad values in kubectl flag wording', () => {
    expect(parseServeArgs(['s.yaml', '--speed', '-1'])).toBe(
      'error: invalid argument "-1" for "--speed" flag: must be a number from 0 (paused) to 1000',
    );
    expect(parseServeArgs(['s.yaml', '--port', 'x'])).toMatch(
      /^error: invalid argument "x" for "--port" flag/,
    );
    expect(parseServeArgs([])).toBe('error: a scenario FILE is required');
  });
});

describe('the kubeconfig', () => {
  it('names cluster, user and context rollout-lab, on plain HTTP at 127.0.0.1', () => {
    const text = kubeconfigText(8123);
    expect(text).toContain('    server: http://127.0.0.1:8123\n');
    expect(text).toContain('current-context: rollout-lab\n');
    expect(text.match(/name: rollout-lab\n/g)).toHaveLength(3);
  });

  it('is never written over ~/.kube/config', () => {
    // A home of the test's own: were the guard broken, the real ~/.kube/config stays untouched.
    const home = mkdtempSync(join(tmpdir(), 'rollout-lab-home-'));
    const config = join(home, '.kube', 'config');
    mkdirSync(join(home, '.kube'));
    try {
      expect(() => writeKubeconfig(config, 8001, home)).toThrow(
        /refusing to write over .*\.kube\/config/,
      );
      expect(existsSync(config)).toBe(false);
      expect(readFileSync(writeKubeconfig(join(home, 'lab.kubeconfig'), 8001, home), 'utf8')).toBe(
        kubeconfigText(8001),
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
