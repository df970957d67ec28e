/**
 * A slider drag changes the rollout at once, value by value, but the history (what a link and a
 * seek back replay) and the console keep one action: the released value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createTestSim, type TestSim } from '../support/simHarness';
import { renderWithSim } from '../support/ui';
import { DeploymentPanel } from '../../src/ui/controls/DeploymentPanel';
import { KEY_PAUSE_MS } from '../../src/ui/controls/useLiveValue';
import { renderStage, scenarioAt } from './stage/stageTest';

afterEach(cleanup);

const pause = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

/** The Deployment's replicas as the simulation has them now (what the picture is drawn from). */
async function specReplicas(sim: TestSim): Promise<number | undefined> {
  await act(() => sim.store.getState().pull());
  return sim.store.getState().frame?.deployments.find((d) => d.name === 'web')?.spec.replicas;
}

async function setup() {
  const sim = await createTestSim('ramped');
  await sim.at(5);
  renderWithSim(sim, <DeploymentPanel />);
  return { sim, slider: screen.getByRole('slider', { name: 'replicas' }) };
}

describe('Dragging the replicas slider', { timeout: 20_000 }, () => {
  it('scales live while dragging and records one action with the released value', async () => {
    const { sim, slider } = await setup();
    fireEvent.pointerDown(slider);
    for (const v of [4, 5, 6, 7]) {
      fireEvent.change(slider, { target: { value: String(v) } });
      // Longer than the live throttle: each value reaches the simulation during the drag.
      await pause(150);
      expect(await specReplicas(sim)).toBe(v);
    }
    fireEvent.change(slider, { target: { value: '6' } });
    fireEvent.pointerUp(slider);
    await waitFor(async () => expect(await sim.api.actions()).toHaveLength(1));
    expect(await sim.api.actions()).toEqual([
      { t: 5000, kind: 'kubectl', line: 'scale deployment/web --replicas=6' },
    ]);
    expect(await specReplicas(sim)).toBe(6);
    // The console shows the command the link replays, not every value passed on the way.
    await waitFor(() =>
      expect(sim.store.getState().console.map((e) => e.line)).toEqual([
        'scale deployment/web --replicas=6',
      ]),
    );
  });

  it('keeps one action per drag: two drags are two actions', async () => {
    const { sim, slider } = await setup();
    for (const values of [
      [4, 6],
      [5, 3, 2],
    ]) {
      fireEvent.pointerDown(slider);
      for (const v of values) {
        fireEvent.change(slider, { target: { value: String(v) } });
        await pause(150);
      }
      fireEvent.pointerUp(window);
    }
    await waitFor(async () =>
      expect((await sim.api.actions()).map((a) => a.kind === 'kubectl' && a.line)).toEqual([
        'scale deployment/web --replicas=6',
        'scale deployment/web --replicas=2',
      ]),
    );
  });

  it('coalesces a burst of arrow keys into one action after a short pause', async () => {
    const { sim, slider } = await setup();
    for (const v of [4, 5, 6]) {
      fireEvent.keyDown(slider, { key: 'ArrowRight' });
      fireEvent.change(slider, { target: { value: String(v) } });
      fireEvent.keyUp(slider, { key: 'ArrowRight' });
      await pause(40);
    }
    await pause(200);
    // Live: the last value is applied already; the burst is not closed yet.
    expect(await specReplicas(sim)).toBe(6);
    await pause(KEY_PAUSE_MS);
    await waitFor(async () =>
      expect(await sim.api.actions()).toEqual([
        { t: 5000, kind: 'kubectl', line: 'scale deployment/web --replicas=6' },
      ]),
    );
  });
});

describe('Dragging a traffic split on the stage', { timeout: 20_000 }, () => {
  it('patches the VirtualService live and records one patch: the released split', async () => {
    const sim = await scenarioAt('canary-istio-weights', 30);
    renderStage(sim);
    const slider = screen.getByRole('slider', {
      name: 'Split of rule 1 between web v1 and web v2',
    });
    fireEvent.pointerDown(slider);
    for (const v of [80, 70, 60]) {
      fireEvent.change(slider, { target: { value: String(v) } });
      await pause(300);
    }
    fireEvent.pointerUp(slider);
    await waitFor(async () => expect(await sim.api.actions()).toHaveLength(1));
    const [only] = await sim.api.actions();
    expect(only?.kind === 'kubectl' && only.line).toContain('"value":60}');
  });
});
