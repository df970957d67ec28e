/** What the stage's component tests share beyond test/support/ui.ts: a Stage to render. */
import { Stage } from '../../../src/ui/stage/Stage';
import type { TestSim } from '../../support/simHarness';
import { renderWithSim } from '../../support/ui';

export { play, scenarioAt, seek } from '../../support/ui';

export function renderStage(sim: TestSim) {
  return renderWithSim(sim, <Stage />);
}

/** "measured 9.6%" in an accessible name → 9.6. */
export function measuredPercent(name: string): number {
  const m = /measured (\d+(?:\.\d+)?)%/.exec(name);
  if (!m) throw new Error(`no measured share in "${name}"`);
  return Number(m[1]);
}
