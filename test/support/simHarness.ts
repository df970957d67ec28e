/**
 * A real store over the real engine, in-process (no Worker): what component tests render
 * against. Time moves only when the test says so.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSimApi } from '../../src/worker/api';
import { createSimStore, type SimStore } from '../../src/store/createSimStore';
import type { SimApi } from '../../src/worker/protocol';

export interface TestSim {
  api: SimApi;
  store: SimStore;
  /** Jumps simulated time to `seconds` and pulls a frame into the store. */
  at(seconds: number): Promise<void>;
}

/** A catalog file's text (from the project root: under jsdom, Vite rewrites import.meta.url). */
export function catalogText(id: string): string {
  return readFileSync(resolve(process.cwd(), 'public', 'scenarios', `${id}.yaml`), 'utf8');
}

/** A store with a catalog scenario (or YAML text) loaded, paused at t = 0. */
export async function createTestSim(idOrYaml: string): Promise<TestSim> {
  let wall = 0;
  const api = createSimApi({ now: () => wall, after: () => () => undefined });
  const store = createSimStore(api);
  const isYaml = idOrYaml.includes('\n');
  await store
    .getState()
    .load(isYaml ? 'test' : idOrYaml, isYaml ? idOrYaml : catalogText(idOrYaml));
  return {
    api,
    store,
    async at(seconds: number) {
      wall += 1;
      await api.seek(seconds * 1000);
      await store.getState().pull();
    },
  };
}
