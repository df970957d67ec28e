/**
 * The frame's autoscaler view (src/sim/view/autoscalerView.ts) against the headless runner:
 * the numbers the stage shows for the HPA are the runner's `autoscalers` samples second by
 * second, and each decision's arithmetic is the arithmetic the controller did.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runner/run';
import type { AutoscalerView } from '../../src/sim/view/frame';
import { catalogText, createTestSim, type TestSim } from '../support/simHarness';
import { TestCluster } from '../support/TestCluster';

const autoscaler = (sim: TestSim): AutoscalerView => {
  const a = sim.store.getState().frame?.autoscalers;
  expect(a).toHaveLength(1);
  return a![0]!;
};

// Each test drives a whole scenario (the first seeks 180 times): more than vitest's 5 s default
// on a loaded machine.
describe('The autoscaler view of hpa-rolling-update', { timeout: 30_000 }, () => {
  it('shows, every second, the numbers the runner samples', async () => {
    const run = runScenario(catalogText('hpa-rolling-update'), 'hpa-rolling-update.yaml');
    if (!run.ok) throw new Error(run.errors.join('\n'));
    const sim = await createTestSim('hpa-rolling-update');
    let decisions = 0;
    for (const sample of run.result.samples) {
      await sim.at(sample.t);
      const a = autoscaler(sim);
      const s = sample.autoscalers[0]!;
      expect(
        {
          name: a.name,
          target: a.target,
          current: a.currentReplicas,
          desired: a.desiredReplicas,
          min: a.min,
          max: a.max,
          metric: { type: 'cpu', current: a.currentUtilization, target: a.targetUtilization },
        },
        `t = ${sample.t}`,
      ).toEqual(s);
      const d = a.decision;
      if (!d) continue;
      decisions++;
      // The decision the view words is the one the status reports.
      expect(d.replicas).toBe(s.desired);
      expect(d.current).toBe(s.current);
      expect(d.utilization).toBe(s.metric.current);
      // Every "u % / target % × n pods = x → r" it prints multiplies out, and r = ceil(x).
      for (const line of d.lines) {
        const m = /(\d+) % \/ (\d+) % × (\d+) pods? = ([\d.]+) → (\d+)/.exec(line);
        if (!m) continue;
        const [u, target, n, x, r] = m.slice(1).map(Number) as [
          number,
          number,
          number,
          number,
          number,
        ];
        expect(x).toBeCloseTo((u / target) * n, 2);
        expect(r).toBe(Math.ceil((u / target) * n));
        expect(r).toBe(d.recommended);
      }
    }
    expect(decisions).toBeGreaterThan(150);
  });

  it('words the decisions at 0:30 (not-ready pods counted as idle) and 1:00 (tolerance)', async () => {
    const sim = await createTestSim('hpa-rolling-update');
    await sim.at(31);
    expect(autoscaler(sim).decision).toMatchObject({
      t: 30_005,
      current: 2,
      replicas: 4,
      utilization: 88,
      readyPods: 2,
      unreadyPods: 1,
      recommended: 4,
      rule: 'metric',
      lines: [
        'CPU 88 % > 50 %: 1 not-ready pod counts as 0 %',
        '58 % / 50 % × 3 pods = 3.48 → 4',
        '2 → 4; within min 2, max 10',
      ],
    });
    expect(autoscaler(sim).nextSync).toBe(45_005);
    await sim.at(61);
    expect(autoscaler(sim).decision).toMatchObject({
      rule: 'tolerance',
      lines: ['CPU 45 % / 50 % = 0.9, within the 0.1 tolerance of 1: no change from 5'],
    });
  });

  it('holds replicas up for the 300 s scale-down window, and lets them down when it says', async () => {
    // The same scenario with the traffic falling back to 40 req/s at 2:00.
    const yaml =
      catalogText('hpa-rolling-update').replace('duration: 180s', 'duration: 480s') +
      '    - at: 120s\n      traffic:\n        rps: 40\n';
    const sim = await createTestSim(yaml);
    await sim.at(406);
    expect(autoscaler(sim).decision).toMatchObject({
      t: 405_005,
      current: 8,
      replicas: 8,
      recommended: 3,
      rule: 'stabilization',
      lines: [
        'CPU 15 % / 50 % × 8 pods = 2.4 → 3',
        'holding 8: highest recommendation in the last 5 min is 8 (2:00); 3 at 6:45 would be allowed from 7:00',
      ],
    });
    await sim.at(421);
    expect(autoscaler(sim).decision).toMatchObject({
      t: 420_005,
      current: 8,
      replicas: 3,
      rule: 'metric',
      lines: ['CPU 14 % / 50 % × 8 pods = 2.24 → 3', '8 → 3; within min 2, max 10'],
    });
  });

  it('sets back an edit at the next sync and says why: in range by the metric, above max without one', async () => {
    const sim = await createTestSim('hpa-rolling-update');
    await sim.at(47);
    await sim.api.exec('kubectl scale deployment/web --replicas=9');
    await sim.at(50);
    expect(autoscaler(sim)).toMatchObject({ edited: 9, nextSync: 60_005, override: null });
    await sim.at(61);
    const a = autoscaler(sim);
    expect(a.edited).toBeNull();
    expect(a.override).toMatchObject({ t: 60_005, from: 9, to: a.desiredReplicas });
    expect(a.override!.text).toMatch(
      new RegExp(`; 9 → ${a.desiredReplicas}; within min 2, max 10$`),
    );
    // A later rescale that is not an override clears it.
    await sim.at(76);
    expect(autoscaler(sim).override).toBeNull();

    await sim.api.exec('kubectl scale deployment/web --replicas=15');
    await sim.at(91);
    expect(autoscaler(sim)).toMatchObject({
      currentReplicas: 15,
      desiredReplicas: 10,
      currentUtilization: null,
      decision: {
        rule: 'max',
        lines: ['replicas 15 is above max 10: set to 10, no metric read'],
      },
      override: { t: 90_005, from: 15, to: 10 },
    });
  });
});

describe('The HPA controller outside [min, max]', () => {
  it('brings replicas to max without reading the metric, as horizontal.go does', () => {
    const c = TestCluster.load(catalogText('hpa-rolling-update')).advance('40s');
    c.kubectl('scale deployment/web --replicas=12');
    c.advance('10s');
    expect(c.deployment('web').spec?.replicas).toBe(10);
    expect(c.messages('SuccessfulRescale').at(-1)).toBe(
      'New size: 10; reason: Current number of replicas above Spec.MaxReplicas',
    );
  });
});
