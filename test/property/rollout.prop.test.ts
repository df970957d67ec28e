/**
 * Invariants of the Deployment controller over random strategies and pod timings (fast-check).
 * Every happening is processed one at a time so the invariants hold at every instant.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Pod, ReplicaSet } from '../../src/sim/api/objects';
import { TestCluster, deploymentYaml } from '../support/TestCluster';
import { runScenario } from '../../src/sim/runner/run';
import { resolveFenceposts } from '../../src/sim/controllers/deployment/util';
import { controllerRef } from '../../src/sim/api/podIndex';
import { isComplete } from '../../src/sim/engine/rolloutTracker';

// Each property simulates dozens of rollouts; on a busy 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
);
const literal = (v: number | string) => (typeof v === 'number' ? v : Number(v.slice(0, -1)));

const params = fc
  .record({
    replicas: fc.integer({ min: 1, max: 10 }),
    maxSurge: intOrPercent,
    maxUnavailable: intOrPercent,
    minReadySeconds: fc.integer({ min: 0, max: 4 }),
    pullTime: fc.integer({ min: 0, max: 4000 }),
    startTime: fc.integer({ min: 0, max: 4000 }),
    shutdownTime: fc.integer({ min: 0, max: 5000 }),
    readinessProbe: fc.boolean(),
  })
  .filter((p) => literal(p.maxSurge) !== 0 || literal(p.maxUnavailable) !== 0);

type Params = typeof params extends fc.Arbitrary<infer T> ? T : never;

function load(p: Params, strategy: 'RollingUpdate' | 'Recreate' = 'RollingUpdate'): TestCluster {
  const yaml = deploymentYaml(
    {
      replicas: p.replicas,
      minReadySeconds: p.minReadySeconds,
      readinessProbe: p.readinessProbe,
      strategy,
      ...(strategy === 'RollingUpdate'
        ? { maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable }
        : {}),
    },
    `  defaults: { pullTime: ${p.pullTime}ms, startTime: ${p.startTime}ms, shutdownTime: ${p.shutdownTime}ms }
  steps:
    - at: 60s
      kubectl: set image deployment/web web=app:v2
`,
  );
  return TestCluster.load(yaml);
}

describe('Rolling updates over random strategies and timings', () => {
  it('never let the ReplicaSets ask for more than replicas + maxSurge pods', () => {
    fc.assert(
      fc.property(params, (p) => {
        const c = load(p);
        const { surge } = resolveFenceposts(p.maxSurge, p.maxUnavailable, p.replicas);
        c.walk(400_000, () => {
          const sum = c.replicaSets().reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
          expect(sum).toBeLessThanOrEqual(p.replicas + surge);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('keep at least replicas − maxUnavailable available once the first rollout is complete', () => {
    fc.assert(
      fc.property(params, (p) => {
        const c = load(p);
        const { unavailable } = resolveFenceposts(p.maxSurge, p.maxUnavailable, p.replicas);
        const minAvailable = p.replicas - Math.min(unavailable, p.replicas);
        c.advance('59s');
        expect(isComplete(c.deployment('web'))).toBe(true);
        c.walk(400_000, () => {
          const available = c
            .replicaSets()
            .reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
          expect(available).toBeGreaterThanOrEqual(minAvailable);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('always converge: every pod runs the new image and the old ReplicaSet is empty', () => {
    fc.assert(
      fc.property(params, (p) => {
        const c = load(p).advance('10m');
        const d = c.deployment('web');
        expect(isComplete(d)).toBe(true);
        const images = c.pods().map((pod) => pod.spec?.containers[0]?.image);
        expect(images).toEqual(new Array(p.replicas).fill('app:v2'));
        const old = c
          .replicaSets()
          .filter((rs) => rs.spec?.template?.spec?.containers[0]?.image === 'app:v1');
        expect(old.map((rs) => rs.spec?.replicas)).toEqual([0]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('Recreate over random timings', () => {
  it('never runs old and new pods at the same time', () => {
    fc.assert(
      fc.property(params, (p) => {
        const c = load(p, 'Recreate');
        c.advance('59s');
        const oldRs = c.replicaSets()[0]?.metadata?.uid;
        c.walk(400_000, () => {
          const owners = new Set(c.pods().map((pod: Pod) => controllerRef(pod)?.uid));
          if (owners.has(oldRs)) expect(owners.size).toBe(1);
        });
        expect(isComplete(c.deployment('web'))).toBe(true);
        expect(
          c
            .replicaSets()
            .map((rs: ReplicaSet) => rs.spec?.replicas)
            .sort(),
        ).toEqual([0, p.replicas].sort());
      }),
      { numRuns: 30 },
    );
  });
});

/** A rolling update to app:v2 at 20 s under steady traffic, for the runner's determinism. */
function updateUnderTraffic(p: Params, duration: string, rps: number): string {
  return deploymentYaml(
    {
      replicas: p.replicas,
      maxSurge: p.maxSurge,
      maxUnavailable: p.maxUnavailable,
      readinessProbe: p.readinessProbe,
    },
    `  duration: ${duration}
  traffic: { target: web, rps: ${rps} }
  steps:
    - at: 20s
      kubectl: set image deployment/web web=app:v2
`,
  );
}

describe('Determinism', () => {
  it('gives byte-identical runner output for the same scenario and seed', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 1_000_000 }), (p, seed) => {
        const yaml = updateUnderTraffic(p, '90s', 80);
        const a = runScenario(yaml, 'a.yaml', { seed, sampleMs: 500 });
        const b = runScenario(yaml, 'a.yaml', { seed, sampleMs: 500 });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 10 },
    );
  });
});

describe('Determinism across sampling', () => {
  it('gives the same events and totals whatever the sample interval', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 1000 }), (p, seed) => {
        const yaml = updateUnderTraffic(p, '60s', 300);
        const a = runScenario(yaml, 'a.yaml', { seed, sampleMs: 100 });
        const b = runScenario(yaml, 'a.yaml', { seed, sampleMs: 3000 });
        if (!a.ok || !b.ok) throw new Error('invalid');
        expect(b.result.events).toEqual(a.result.events);
        expect(b.result.summary).toEqual(a.result.summary);
      }),
      { numRuns: 10 },
    );
  });
});
