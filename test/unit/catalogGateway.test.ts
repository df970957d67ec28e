/**
 * The Gateway API catalog scenarios (gateway-canary, argo-gateway-canary), run as the headless
 * runner runs them: each does what its title, description and captions say, in the runner's
 * samples, over several seeds.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runner/run';
import type { RunResult, Sample } from '../../src/sim/runner/runResult';
import { TestCluster } from '../support/TestCluster';
import { catalogText } from '../support/catalog';

const SEEDS = [1, 2, 3, 7];

function run(id: string, seed?: number): RunResult {
  const out = runScenario(catalogText(id), `${id}.yaml`, seed === undefined ? {} : { seed });
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.result;
}

/** Requests per image over the samples whose interval ends in (from, to] seconds. */
function served(r: RunResult, from: number, to: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of r.samples) {
    if (s.t <= from || s.t > to) continue;
    for (const [image, n] of Object.entries(s.traffic.byImage)) out[image] = (out[image] ?? 0) + n;
  }
  return out;
}

/** |p̂ − p| within the two-sided 99.9% normal interval of a binomial(n, p): z = 3.29. */
function expectShare(k: number, n: number, p: number): void {
  expect(n).toBeGreaterThan(500);
  expect(Math.abs(k / n - p)).toBeLessThanOrEqual(3.29 * Math.sqrt((p * (1 - p)) / n));
}

const errors = (r: RunResult) =>
  r.samples.reduce(
    (n, s: Sample) =>
      n +
      s.traffic.errors['no-endpoints'] +
      s.traffic.errors.refused +
      s.traffic.errors['app-error'],
    0,
  );

describe('gateway-canary: "weights 9 and 1 … 90/10, then even, then 0/1"', () => {
  it.each(SEEDS)('splits as the HTTPRoute weights say, seed %i', (seed) => {
    const r = run('gateway-canary', seed);
    // Steps at 25 s (9/1), 55 s (unset: 1/1), 85 s (0/1); a second's margin after each apply.
    const w91 = served(r, 26, 55);
    expectShare(w91['nginx:1.27'] ?? 0, (w91['nginx:1.26'] ?? 0) + (w91['nginx:1.27'] ?? 0), 0.1);
    const even = served(r, 56, 85);
    expectShare(
      even['nginx:1.27'] ?? 0,
      (even['nginx:1.26'] ?? 0) + (even['nginx:1.27'] ?? 0),
      0.5,
    );
    const after = served(r, 86, 130);
    expect(after['nginx:1.26'] ?? 0).toBe(0);
    expect(after['nginx:1.27'] ?? 0).toBeGreaterThan(3000);
    // "whatever the replica counts": 3 pods each, and still not an even split at 9/1.
    expect(errors(r)).toBe(0);
  });

  it('sends nothing to v2 before the weights change, though its pods are ready', () => {
    const r = run('gateway-canary');
    expect(served(r, 0, 25)['nginx:1.27'] ?? 0).toBe(0);
  });
});

describe('argo-gateway-canary: the plugin moves the HTTPRoute weights step by step', () => {
  it.each(SEEDS)('the samples go 20% → 50% → 100%, traffic following, seed %i', (seed) => {
    const r = run('argo-gateway-canary', seed);
    const weights = r.samples.map((s) => s.rollouts[0]?.actualWeight);
    // Distinct values in order: the stable revision (100), 0 until the canary pod is available,
    // then the steps, then promoted.
    const steps = weights.filter((w, i) => i === 0 || w !== weights[i - 1]);
    expect(steps).toEqual([100, 0, 20, 50, 100]);
    const at = (w: number) => r.samples.filter((s) => s.rollouts[0]?.actualWeight === w);
    const window = (w: number) => {
      const ss = at(w);
      return served(r, (ss[0]?.t ?? 0) + 1, ss.at(-1)?.t ?? 0);
    };
    const w20 = window(20);
    expectShare(w20['app:2.0'] ?? 0, (w20['app:1.0'] ?? 0) + (w20['app:2.0'] ?? 0), 0.2);
    const w50 = window(50);
    expectShare(w50['app:2.0'] ?? 0, (w50['app:1.0'] ?? 0) + (w50['app:2.0'] ?? 0), 0.5);
    expect(served(r, 80, 120)['app:1.0'] ?? 0).toBe(0);
    expect(errors(r)).toBe(0);
  });

  it('writes canary = setWeight, stable = 100 − setWeight and the in-progress label', () => {
    const c = TestCluster.load(catalogText('argo-gateway-canary'));
    const route = () => c.kubectl('get httproute web -o yaml');
    const weightsOf = (yaml: string) =>
      // kubectl -o yaml: keys sorted, list items at their key's column (sigs.k8s.io/yaml).
      [...yaml.matchAll(/ {6}name: (web-\w+)\n(?: {6}\S.*\n)*? {6}weight: (\d+)/g)].map(
        (m) => `${m[1]}=${m[2]}`,
      );
    c.advance('9s');
    expect(weightsOf(route())).toEqual(['web-stable=100', 'web-canary=0']);
    expect(route()).not.toContain('rollouts.argoproj.io/gatewayapi-canary');
    c.advance('21s');
    expect(weightsOf(route())).toEqual(['web-stable=80', 'web-canary=20']);
    expect(route()).toContain('rollouts.argoproj.io/gatewayapi-canary: in-progress');
    c.advance('20s');
    expect(weightsOf(route())).toEqual(['web-stable=50', 'web-canary=50']);
    c.advance('70s');
    expect(weightsOf(route())).toEqual(['web-stable=100', 'web-canary=0']);
    expect(route()).not.toContain('rollouts.argoproj.io/gatewayapi-canary');
  });
});
