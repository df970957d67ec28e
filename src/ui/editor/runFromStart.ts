/**
 * "Run from start": the editor's text becomes the running scenario from t = 0, and plays. With
 * `open` (the page's openCustom) the text is saved among "My scenarios" and gets its own
 * address; without it (tests, a page with no saved scenarios) it is loaded as 'custom'.
 */
import type { SimStore } from '../../store/createSimStore';

export const CUSTOM_SCENARIO_ID = 'custom';

/** Opens a text as the person's own scenario (useScenario's openCustom). */
export type OpenCustom = (text: string) => Promise<void>;

/** How long a load may take before Run from start stops waiting to press Play. */
const LOAD_WAIT_MS = 15_000;

export async function runFromStart(
  store: SimStore,
  text: string,
  open?: OpenCustom,
): Promise<void> {
  if (!open) {
    await store.getState().load(CUSTOM_SCENARIO_ID, text);
  } else {
    // openCustom chooses the scenario; the page loads it afterwards: wait for that load.
    const loaded = untilLoaded(store);
    await open(text);
    await loaded;
  }
  if (store.getState().status === 'ready') await store.getState().play();
}

/** Resolves once the store has gone through a load and come out of it (or after a while). */
function untilLoaded(store: SimStore): Promise<void> {
  return new Promise((resolve) => {
    let seenLoading = false;
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, LOAD_WAIT_MS);
    const stop = store.subscribe((s) => {
      if (s.status === 'loading') seenLoading = true;
      else if (seenLoading) done();
    });
  });
}
