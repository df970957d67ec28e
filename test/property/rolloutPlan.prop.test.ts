/**
 * The rollout plan is what then plays: over random Deployments (replicas, maxSurge,
 * maxUnavailable, minReadySeconds, probes, start times) and random canary steps (weights, timed
 * pauses, with or without a router), the plan made on a session at a random time T (often while
 * its first pods are still starting) equals the sequence of
 * states a session plays when the same text is applied at T (an inline `apply` step, the
 * scenario's `kubectl apply`), observed one controller action at a time (Session.step).
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { ReplicaSet, Rollout } from '../../src/sim/api/objects';
import type { Session } from '../../src/sim/session/session';
import { previewRollout } from '../../src/sim/plan/preview';
import type { CanaryStepRow, DeploymentWave, RolloutPlan } from '../../src/sim/plan/planTypes';
import { rolloutSample } from '../../src/sim/runner/rolloutSample';
import { deploymentYaml } from '../support/TestCluster';
import { canaryRollout, canaryScenario, session } from '../unit/plan/planScenarios';

vi.setConfig({ testTimeout: 120_000 });

const RUNS = 12;

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
);
const literal = (v: number | string) => (typeof v === 'number' ? v : Number(v.slice(0, -1)));

/** The same scenario with `manifest` applied by an inline step at T. */
function withApplyAt(yaml: string, manifest: string, T: number): string {
  const doc = JSON.stringify(parse(manifest.split('\n---')[0]!));
  return `${yaml}  steps:\n    - at: ${T}ms\n      apply: ${doc}\n`;
}

/** Steps the played session until `until` ms after T, calling `look` after each change. */
function play(s: Session, T: number, untilMs: number, look: (t: number) => void): void {
  s.advanceTo(T);
  look(0);
  while (s.now - T < untilMs) {
    s.step();
    look(s.now - T);
  }
}

type Step = Pick<
  CanaryStepRow,
  'index' | 'setWeight' | 'canary' | 'stable' | 'actualWeight' | 'from' | 'to'
>;
const step = (r: CanaryStepRow): Step => ({
  index: r.index,
  setWeight: r.setWeight,
  canary: r.canary,
  stable: r.stable,
  actualWeight: r.actualWeight,
  from: r.from,
  to: r.to,
});

type Wave = Pick<DeploymentWave, 't' | 'old' | 'new' | 'total' | 'available'>;
const wave = ({ t, old, total, available, ...w }: DeploymentWave): Wave => ({
  t,
  old,
  new: w.new,
  total,
  available,
});

function owned(s: Session): ReplicaSet[] {
  return s.cluster.list<ReplicaSet>('ReplicaSet');
}
const image = (rs: ReplicaSet) => rs.spec?.template?.spec?.containers[0]?.image;

describe('The rollout plan equals what then plays', () => {
  it('for random Deployments', () => {
    const params = fc
      .record({
        replicas: fc.integer({ min: 1, max: 10 }),
        maxSurge: intOrPercent,
        maxUnavailable: intOrPercent,
        minReadySeconds: fc.integer({ min: 0, max: 3 }),
        readinessProbe: fc.boolean(),
        startTime: fc.integer({ min: 0, max: 3000 }),
        // Mid-flight as often as not: the first pods may still be starting when the edit lands.
        T: fc.integer({ min: 1, max: 20_000 }),
      })
      .filter((p) => literal(p.maxSurge) !== 0 || literal(p.maxUnavailable) !== 0);
    fc.assert(
      fc.property(params, (p) => {
        const spec = `  duration: 900s\n  defaults: { startTime: ${p.startTime}ms }\n`;
        const yaml = deploymentYaml({ ...p }, spec);
        const manifest = yaml.split('---')[0]!.replace('app:v1', 'app:v2');
        const plan = previewRollout(session(yaml, p.T), manifest);
        expect(plan.kind).toBe('deployment');
        if (plan.kind !== 'deployment') return;
        expect(plan.end.state).toBe('complete');

        const live = session(withApplyAt(yaml, manifest, p.T), 0);
        const played: Wave[] = [];
        play(live, p.T, plan.end.t, (t) => {
          let old = 0;
          let fresh = 0;
          let available = 0;
          for (const rs of owned(live)) {
            if (image(rs) === 'app:v2') fresh += rs.spec?.replicas ?? 0;
            else old += rs.spec?.replicas ?? 0;
            available += rs.status?.availableReplicas ?? 0;
          }
          const last = played.at(-1);
          if (last && last.old === old && last.new === fresh && last.available === available)
            return;
          if (t <= plan.end.t) played.push({ t, old, new: fresh, total: old + fresh, available });
        });
        expect(plan.waves.map(wave)).toEqual(played);
      }),
      { numRuns: RUNS },
    );
  });

  it('for random canary steps, with and without a traffic router', () => {
    const params = fc.record({
      replicas: fc.integer({ min: 1, max: 10 }),
      maxSurge: intOrPercent,
      maxUnavailable: intOrPercent,
      weights: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
      pause: fc.integer({ min: 1, max: 5 }),
      router: fc.boolean(),
      startTime: fc.integer({ min: 0, max: 3000 }),
      T: fc.integer({ min: 1, max: 20_000 }),
    });
    fc.assert(
      fc.property(params, (p) => {
        const steps = [...p.weights]
          .sort((a, b) => a - b)
          .flatMap((w) => [`setWeight: ${w}`, `pause: { duration: ${p.pause}s }`]);
        const c = {
          replicas: p.replicas,
          steps,
          router: p.router,
          canary: { maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable },
          spec: `  defaults: { startTime: ${p.startTime}ms }\n`,
        };
        const yaml = canaryScenario(c);
        const manifest = canaryRollout(c, 'app:v2');
        const plan: RolloutPlan = previewRollout(session(yaml, p.T), manifest);
        expect(plan.kind).toBe('canary');
        if (plan.kind !== 'canary') return;
        expect(plan.end.state).toBe('complete');

        const live = session(withApplyAt(yaml, manifest, p.T), 0);
        const played: Step[] = [];
        play(live, p.T, plan.end.t, (t) => {
          if (t > plan.end.t) return;
          const ro = live.cluster.list<Rollout>('Rollout')[0]!;
          const rss = owned(live);
          const canaryRS = rss.find((rs) => image(rs) === 'app:v2');
          const hash = canaryRS?.metadata?.labels?.['rollouts-pod-template-hash'];
          if (!hash || ro.status?.currentPodHash !== hash) return;
          const stableRS = rss.find((rs) => image(rs) === 'app:v1');
          const sample = rolloutSample(ro, rss);
          const promoted = ro.status?.stableRS === hash;
          const index = promoted || (sample.step ?? 0) >= steps.length ? null : sample.step;
          const now: Step = {
            index,
            setWeight: sample.setWeight ?? 0,
            canary: canaryRS.spec?.replicas ?? 0,
            stable: stableRS?.spec?.replicas ?? 0,
            actualWeight: sample.actualWeight ?? 0,
            from: t,
            to: null,
          };
          const row = played.at(-1);
          if (row && row.index === index) {
            Object.assign(row, { ...now, from: row.from });
          } else {
            if (row) {
              if (now.setWeight === row.setWeight)
                Object.assign(row, { ...now, from: row.from, index: row.index });
              row.to = t;
            }
            played.push(now);
          }
        });
        expect(plan.steps.map(step)).toEqual(played);
      }),
      { numRuns: RUNS },
    );
  });
});
