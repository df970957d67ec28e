/**
 * What component tests share: a catalog scenario (or YAML) brought to a time, rendered inside
 * its store's provider, and time moved the ways a person moves it (seek, Step, Play), each
 * inside act() so React has settled before the test looks.
 */
import { act, render } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { SimStoreProvider } from '../../src/store/SimStoreProvider';
import { createTestSim, type TestSim } from './simHarness';

/** A store with `idOrYaml` loaded and moved to `seconds`. */
export async function scenarioAt(idOrYaml: string, seconds: number): Promise<TestSim> {
  const sim = await createTestSim(idOrYaml);
  await sim.at(seconds);
  return sim;
}

/** Renders `ui` with `sim`'s store, as the app's provider would. */
export function renderWithSim(sim: TestSim, ui: ReactNode) {
  return render(createElement(SimStoreProvider, { store: sim.store, children: ui }));
}

/** Seeks to `seconds`. */
export async function seek(sim: TestSim, seconds: number): Promise<void> {
  await act(() => sim.at(seconds));
}

/** Plays to `seconds` at `speed`, a frame at a time (see TestSim.play). */
export async function play(sim: TestSim, seconds: number, speed = 1): Promise<void> {
  await act(() => sim.play(seconds, speed));
}

/** Presses Step `times` times. */
export async function step(sim: TestSim, times = 1): Promise<void> {
  await act(() => sim.step(times));
}
