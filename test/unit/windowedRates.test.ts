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

const rates = (sim: TestSim) => sim.store.getState().frame?.rates;

/** The same scenario brought to the same time four ways: stepped (to past `stepTo` s), played at 1× and 100×, seeked. */
async function fourWays(id: string, stepTo: number): Promise<TestSim[]> {
  const stepped = await createTestSim(id);
  while (stepped.now < stepTo * 1000) await stepped.step();
  const t = stepped.now / 1000;
  const played = await createTestSim(id);
  await played.play(t, 1);
  const fast = await createTestSim(id);
  await fast.play(t, 100);
  const seeked = await createTestSim(id);
  await seeked.at(t);
  return [stepped, played, fast, seeked];
}

describe('Charts over simulated time', () => {
  it('are the same after stepping, playing at 1× and 100×, and seeking to the same time', async () => {
    const [stepped, played, fast, seeked] = await fourWays('ramped', 30);
    const expected = series(seeked!);
    // Not vacuous: requests flowed, and the rollout changed the ready pods on the way.
    expect(expected.rps.filter((r) => r > 0).length).toBeGreaterThan(20);
    expect(expected.images).toEqual(['nginx:1.26', 'nginx:1.27']);
    expect(series(played!)).toEqual(expected);
    expect(series(fast!)).toEqual(expected);
    expect(series(stepped!)).toEqual(expected);
    // Playing 30 s at 1× is 1 900 frames through the store: slow on a busy machine.
  }, 60_000);
});

describe('Request rates on the stage', () => {
  it('are the same after stepping, playing at 1× and 100×, and seeking to the same time', async () => {
    const [stepped, played, fast, seeked] = await fourWays('ab-cookie', 20);
    const expected = rates(seeked!);
    // Not vacuous: the clients send, pods answer, and the route box has a measured split.
    expect(expected?.rps).toBeGreaterThan(0);
    expect(Object.values(expected?.byOwner ?? {}).some((n) => n > 0)).toBe(true);
    expect(expected?.route?.rules.some((r) => r.requests > 0)).toBe(true);
    expect(rates(played!)).toEqual(expected);
    expect(rates(fast!)).toEqual(expected);
    expect(rates(stepped!)).toEqual(expected);
  }, 60_000);
});
