/**
 * Step goes to the next controller action: the next instant the simulated cluster changes.
 * When nothing changes it says the cluster is steady and goes no further than the scenario's
 * end (past the end, a minute of quiet); a scheduled scenario step is a change of its own.
 */
import { describe, expect, it } from 'vitest';
import { Session, type StepResult } from '../../src/sim/session/session';
import { catalogText } from '../support/catalog';

function load(id: string): Session {
  const s = Session.load(catalogText(id), `${id}.yaml`);
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  return s;
}

describe('Step', () => {
  it('from 0:15 in ramped goes change by change through the rollout, then to the end: steady', () => {
    const s = load('ramped');
    s.seek(15_000);
    const steps: StepResult[] = [];
    for (let i = 0; i < 60; i++) steps.push(s.step());
    const changes = steps.filter((r) => r.outcome === 'change');
    // The rollout: a Deployment scale-up first, each step a few ms or a second after the last.
    expect(changes[0]!.t).toBe(15_005);
    expect(changes[0]!.changes[0]).toMatch(/^ScalingReplicaSet \(Deployment\/web\): Scaled up/);
    for (const r of changes) {
      expect(r.t).toBeGreaterThan(r.from);
      expect(r.t - r.from).toBeLessThanOrEqual(2_000);
      expect(r.changes.length).toBeGreaterThan(0);
    }
    // Then nothing: the first steady step lands on the end (1:00), not a minute later.
    const steady = steps.find((r) => r.outcome === 'steady')!;
    expect(steady.t).toBe(60_000);
    expect(steady.changes).toEqual([]);
    expect(changes.at(-1)!.t).toBeLessThan(30_000);
    // Past the end (the person chose to go on), a steady cluster moves a minute at most.
    const after = steps.slice(steps.indexOf(steady) + 1);
    expect(after.every((r) => r.outcome === 'steady' && r.t - r.from === 60_000)).toBe(true);
  });

  it('stops at a scheduled scenario step when the cluster is steady before it', () => {
    const s = load('ramped');
    s.seek(10_000);
    const r = s.step();
    expect(r).toMatchObject({ from: 10_000, t: 15_000, outcome: 'change' });
    expect(r.changes[0]).toBe('$ kubectl set image deployment/web web=nginx:1.27');
  });

  it('counts a pod turning ready as a change, though no event is recorded for it', () => {
    const s = load('ramped');
    s.seek(17_500);
    const r = s.step();
    expect(r.outcome).toBe('change');
    expect(r.changes.some((c) => /^Pod web-\w+-\w+ updated: Running, 1\/1 ready$/.test(c))).toBe(
      true,
    );
  });
});
