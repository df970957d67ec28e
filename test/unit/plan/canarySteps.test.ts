/**
 * The rollout plan of an Argo canary: each step's canary and stable pods and the weight traffic
 * actually sees, with the cases users report (argo-rollouts #1068, #2281, #3284).
 */
import { describe, expect, it } from 'vitest';
import { previewRollout } from '../../../src/sim/plan/preview';
import type { CanaryPlan } from '../../../src/sim/plan/planTypes';
import { canaryRollout, canaryScenario, session, type CanaryScenario } from './planScenarios';

function plan(p: CanaryScenario): CanaryPlan {
  const r = previewRollout(session(canaryScenario(p), 20_000), canaryRollout(p, 'app:v2'));
  if (r.kind !== 'canary') throw new Error(JSON.stringify(r));
  return r;
}

const row = (p: CanaryPlan, i: number) => p.steps.find((s) => s.index === i)!;

describe('Rollout plan of an Argo canary', () => {
  it('with a router, setWeight 33 of 10 replicas rounds up to 4 canary pods and stable keeps 10', () => {
    const p = plan({ replicas: 10, steps: ['setWeight: 33', 'pause: {}'], router: true });
    expect(p.router).toBe('istio');
    expect(row(p, 0)).toMatchObject({ setWeight: 33, canary: 4, stable: 10, actualWeight: 33 });
    expect(row(p, 0).why).toContain('33 % of 10 = 3.3, rounded up to 4 pods');
    expect(row(p, 0).why).toContain('stable stays at 10');
  });

  it('without a router, setWeight 30 of 10 gives 3 canary and 7 stable (#1068)', () => {
    const p = plan({ replicas: 10, steps: ['setWeight: 30', 'pause: {}'] });
    expect(p.router).toBeNull();
    expect(row(p, 0)).toMatchObject({ canary: 3, stable: 7, actualWeight: 30 });
    expect(row(p, 0).why).toContain('Stable shrinks from 10 to 7');
    expect(row(p, 0).why).toContain('3 of 10 available = 30 %');
  });

  it('without a router, setWeight 70 of 2 with maxSurge 0: traffic sees 50 % (#2281)', () => {
    const p = plan({ replicas: 2, steps: ['setWeight: 70', 'pause: {}'], canary: { maxSurge: 0 } });
    expect(row(p, 0)).toMatchObject({ setWeight: 70, canary: 1, stable: 1, actualWeight: 50 });
    expect(row(p, 0).why).toContain('70 % of 2 is 1.4 pods');
    expect(row(p, 0).why).toContain('the stable side always keeps a pod');
  });

  it('with a router, maxSurge 10 % does not stop half the pods starting at once (#3284)', () => {
    const p = plan({
      replicas: 10,
      steps: ['setWeight: 50', 'pause: {}'],
      router: true,
      canary: { maxSurge: '10%' },
    });
    expect(row(p, 0)).toMatchObject({ canary: 5, stable: 10, waves: 1 });
    expect(row(p, 0).why).toContain('All 5 pods start at once: maxSurge (1) does not limit');
  });

  it('without a router, maxSurge paces each step in waves', () => {
    const p = plan({
      replicas: 10,
      steps: ['setWeight: 50', 'pause: {}'],
      canary: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(row(p, 0)).toMatchObject({ canary: 5, stable: 5 });
    expect(row(p, 0).waves).toBeGreaterThan(5);
    expect(row(p, 0).why).toMatch(/Reached in \d+ waves/);
  });

  it('an indefinite pause ends the plan there, waiting for promote', () => {
    const p = plan({ replicas: 4, steps: ['setWeight: 25', 'pause: {}', 'setWeight: 50'] });
    expect(p.steps.map((s) => s.step)).toEqual(['setWeight: 25', 'pause']);
    expect(p.steps.at(-1)!.to).toBeNull();
    expect(p.end).toMatchObject({ state: 'paused' });
    expect(p.end.message).toContain('kubectl argo rollouts promote web');
  });

  it('timed pauses play out to the full promotion', () => {
    const p = plan({ replicas: 4, steps: ['setWeight: 25', 'pause: { duration: 10s }'] });
    expect(p.steps.map((s) => s.step)).toEqual(['setWeight: 25', 'pause: 10s', 'promoted']);
    const pause = row(p, 1);
    expect(pause.to! - pause.from).toBeGreaterThanOrEqual(10_000);
    expect(p.steps.at(-1)).toMatchObject({ index: null, canary: 4, stable: 0, actualWeight: 100 });
    expect(p.end.state).toBe('complete');
  });
});
