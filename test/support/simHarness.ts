/**
 * A real store over the real engine, in-process (no Worker): what unit and component tests
 * drive. Time moves only when the test says so: a seek, a press of Step, or playback frames
 * at a speed, each followed by the pull the app's loop would make.
 */
import { createSimApi } from '../../src/worker/api';
import { createSimStore, type SimStore } from '../../src/store/createSimStore';
import type { SimApi } from '../../src/worker/protocol';
import { catalogText } from './catalog';

/** Wall ms between two frames of playback (the worker's tick and the app's animation frame). */
export const FRAME_MS = 16;

export interface TestSim {
  api: SimApi;
  store: SimStore;
  /** Jumps simulated time to `seconds` (a seek) and pulls a frame into the store. */
  at(seconds: number): Promise<void>;
  /** Presses Step `times` times (one controller action each), pulling after each. */
  step(times?: number): Promise<void>;
  /**
   * Plays to `seconds` as the app does at `speed`: a frame every FRAME_MS of wall time, each
   * moving simulated time FRAME_MS × speed, the last one landing on `seconds` exactly.
   */
  play(seconds: number, speed?: number): Promise<void>;
  /** Simulated ms of the newest frame in the store. */
  readonly now: number;
}

export { catalogText } from './catalog';

/**
 * The API as the main thread sees it through the worker: every argument and result is a
 * structured clone (comlink posts messages), so nothing the store keeps is shared with the
 * simulation, and identity is only what the store itself keeps.
 */
function acrossWorkerBoundary(api: SimApi): SimApi {
  const call =
    (fn: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]) =>
      structuredClone(await fn(...structuredClone(args)));
  return Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [name, call(fn as never)]),
  ) as unknown as SimApi;
}

/** A store with a catalog scenario (or YAML text) loaded, paused at t = 0. */
export async function createTestSim(idOrYaml: string): Promise<TestSim> {
  let wall = 0;
  const api = acrossWorkerBoundary(createSimApi({ now: () => wall, after: () => () => undefined }));
  const store = createSimStore(api);
  const isYaml = idOrYaml.includes('\n');
  await store
    .getState()
    .load(isYaml ? 'test' : idOrYaml, isYaml ? idOrYaml : catalogText(idOrYaml));
  const seekMs = async (ms: number) => {
    wall += 1;
    await api.seek(ms);
    await store.getState().pull();
  };
  const sim: TestSim = {
    api,
    store,
    get now() {
      return store.getState().frame?.t ?? 0;
    },
    at: (seconds) => seekMs(Math.round(seconds * 1000)),
    async step(times = 1) {
      for (let i = 0; i < times; i++) await store.getState().step();
    },
    async play(seconds, speed = 1) {
      const end = Math.round(seconds * 1000);
      const frame = FRAME_MS * speed;
      for (let t = sim.now + frame; t < end; t += frame) await seekMs(t);
      await seekMs(end);
    },
  };
  return sim;
}
