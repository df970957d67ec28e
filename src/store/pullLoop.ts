/**
 * The loop that feeds a store: once per animation frame it asks for the newest frame (the
 * store's pull skips while one is in flight, so a slow worker is never queued up). It belongs
 * to the store's owner, which starts it with the store and stops it with it.
 */
import type { SimStore } from './createSimStore';

/** Starts pulling into `store` every animation frame; returns what stops it. */
export function pullEveryFrame(store: SimStore): () => void {
  let raf = 0;
  const loop = () => {
    void store.getState().pull();
    raf = requestAnimationFrame(loop);
  };
  raf = requestAnimationFrame(loop);
  return () => cancelAnimationFrame(raf);
}
