/**
 * Charts and rates are measured on fixed windows of simulated time, so what is drawn for
 * [0, t] does not depend on how a person moved time there: Step, Play at 1× or 100×, or a seek.
 */
import { describe, expect, it } from 'vitest';
import { createTestSim, type TestSim } from '../support/simHarness';
import { chartSeries } from '../../src/ui/charts/chartSeries';

function series(sim: TestSim) {
  const s = sim.store.getState();
  return chartSeries(s.history, s.frame?.images ?? []);
}

describe('Charts over simulated time', () => {
  it('are the same after stepping, playing at 1× and 100×, and seeking to the same time', async () => {
    const stepped = await createTestSim('ramped');
    while (stepped.now < 30_000) await stepped.step();
    const t = stepped.now / 1000;
    const played = await createTestSim('ramped');
    await played.play(t, 1);
    const fast = await createTestSim('ramped');
    await fast.play(t, 100);
    const seeked = await createTestSim('ramped');
    await seeked.at(t);

    const expected = series(seeked);
    // Not vacuous: requests flowed, and the rollout changed the ready pods on the way.
    expect(expected.rps.filter((r) => r > 0).length).toBeGreaterThan(20);
    expect(expected.images).toEqual(['nginx:1.26', 'nginx:1.27']);
    expect(series(played)).toEqual(expected);
    expect(series(fast)).toEqual(expected);
    expect(series(stepped)).toEqual(expected);
  });
});
