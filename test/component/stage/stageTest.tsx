/** What the stage's component tests share: a catalog scenario at a time, rendered in a Stage. */
import { act, render } from '@testing-library/react';
import { SimStoreProvider } from '../../../src/store/SimStoreProvider';
import { Stage } from '../../../src/ui/stage/Stage';
import { createTestSim, type TestSim } from '../../support/simHarness';

export async function scenarioAt(id: string, seconds: number): Promise<TestSim> {
  const sim = await createTestSim(id);
  await sim.at(seconds);
  return sim;
}

export function renderStage(sim: TestSim) {
  return render(
    <SimStoreProvider store={sim.store}>
      <Stage />
    </SimStoreProvider>,
  );
}

/**
 * Moves time forward in small frames, as playback does: the route box measures splits from
 * frames that cover less than its window (a long jump is a seek, left out).
 */
export async function playTo(sim: TestSim, from: number, to: number, step = 0.1): Promise<void> {
  await act(async () => {
    for (let t = from + step; t <= to + 1e-9; t += step) await sim.at(Math.round(t * 1000) / 1000);
  });
}

/** "measured 9.6%" in an accessible name → 9.6. */
export function measuredPercent(name: string): number {
  const m = /measured (\d+(?:\.\d+)?)%/.exec(name);
  if (!m) throw new Error(`no measured share in "${name}"`);
  return Number(m[1]);
}
