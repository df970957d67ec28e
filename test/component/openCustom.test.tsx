/**
 * openCustom (what "Run from start" and an import call): the scenario loads from t = 0, is kept
 * in My scenarios under its title, and the address carries its text in the fragment. Re-running
 * an edit of it updates that entry instead of adding one.
 */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useScenario, type ScenarioChoice } from '../../src/ui/controls/useScenario';
import { savedScenarios } from '../../src/store/savedScenariosDb';
import { readScenarioFragment } from '../../src/store/shareLink';
import { createTestSim, catalogText } from '../support/simHarness';
import { renderWithSim } from '../support/ui';

afterEach(cleanup);

const MINE = catalogText('ramped').replace(
  /rolloutlab\.dev\/title: .*/,
  'rolloutlab.dev/title: "Payments rollout"',
);

describe('When a scenario of the person’s own is run from the editor', { timeout: 30_000 }, () => {
  it('loads it, keeps it in My scenarios under its title, and puts its text in the address', async () => {
    const sim = await createTestSim('recreate');
    let choice: ScenarioChoice | null = null;
    function Probe() {
      choice = useScenario();
      return <p>{choice.custom?.name ?? 'catalog'}</p>;
    }
    renderWithSim(sim, <Probe />);
    await act(() => choice!.openCustom(MINE, 'payments.yaml'));
    await expect.poll(() => sim.store.getState().info?.title).toBe('Payments rollout');
    expect(sim.store.getState().scenarioId).toMatch(/^my:/);
    await expect.poll(() => screen.queryByText('Payments rollout')).not.toBeNull();
    await expect
      .poll(async () => (await savedScenarios().list()).map((s) => [s.name, s.source]))
      .toEqual([['Payments rollout', 'editor']]);
    expect(await readScenarioFragment(window.location.hash)).toEqual({
      kind: 'scenario',
      text: MINE,
    });

    const savedId = choice!.custom!.savedId;
    const edited = MINE.replace('replicas: 3', 'replicas: 5');
    await act(() => choice!.openCustom(edited, 'Payments rollout', savedId));
    await expect.poll(() => sim.store.getState().frame?.deployments[0]?.desired).toBe(5);
    const list = await savedScenarios().list();
    expect(list.map((s) => [s.id, s.text])).toEqual([[savedId, edited]]);
  });
});
