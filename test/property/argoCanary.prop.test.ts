/**
 * Invariants of the Argo canary without a traffic router, over random sizes, strategies, step
 * weights and pod timings (fast-check): the ReplicaSets never ask for more than
 * replicas + maxSurge pods, the Rollout never drops below replicas − maxUnavailable available
 * pods once it had them, and every update ends Healthy with all pods on the new version.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { TestCluster } from '../support/TestCluster';
import { canaryRolloutYaml } from '../support/rolloutYaml';
import { resolveCanarySurge } from '../../src/sim/controllers/rollout/canaryMath';

vi.setConfig({ testTimeout: 60_000 });

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
);

const params = fc.record({
  replicas: fc.integer({ min: 1, max: 10 }),
  maxSurge: intOrPercent,
  maxUnavailable: intOrPercent,
  weights: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }),
  startTime: fc.integer({ min: 0, max: 3000 }),
  shutdownTime: fc.integer({ min: 0, max: 3000 }),
});

type Params = typeof params extends fc.Arbitrary<infer T> ? T : never;

function load(p: Params): TestCluster {
  const steps = [...p.weights]
    .sort((a, b) => a - b)
    .flatMap((w) => [`setWeight: ${w}`, 'pause: { duration: 5s }']);
  const rollout = canaryRolloutYaml({
    replicas: p.replicas,
    canary: { maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable },
    steps,
  });
  return TestCluster.load(`${rollout}apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: prop }
spec:
  seed: 1
  duration: 600s
  defaults: { startTime: ${p.startTime}ms, shutdownTime: ${p.shutdownTime}ms }
  steps:
    - at: 30s
      kubectl: argo rollouts set image web web=app:v2
`);
}

describe('Argo canaries without a traffic router, over random sizes, strategies and weights', () => {
  it('stay within replicas + maxSurge and replicas − maxUnavailable, and finish Healthy on v2', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { maxSurge, maxUnavailable } = resolveCanarySurge(
          p.replicas,
          p.maxSurge,
          p.maxUnavailable,
        );
        const c = load(p);
        const rss = () => c.replicaSets();
        let started = false;
        c.walk(300_000, () => {
          const asked = rss().reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
          expect(asked).toBeLessThanOrEqual(p.replicas + maxSurge);
          if (c.now < 30_000) return;
          const available = rss().reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
          started ||= available >= p.replicas;
          if (started) expect(available).toBeGreaterThanOrEqual(p.replicas - maxUnavailable);
        });
        const ro = c.rollouts()[0];
        expect(ro?.status?.phase).toBe('Healthy');
        const live = rss().filter((rs) => (rs.spec?.replicas ?? 0) > 0);
        expect(live.map((rs) => rs.spec?.template?.spec?.containers[0]?.image)).toEqual(['app:v2']);
        expect(live[0]?.status?.availableReplicas).toBe(p.replicas);
      }),
      { numRuns: 30 },
    );
  });
});
