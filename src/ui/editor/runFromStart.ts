/**
 * "Run from start": the editor's text becomes the running scenario from t = 0, and plays. The
 * one place that opens a custom scenario, so saved scenarios and drafts can take it over.
 */
import type { SimStore } from '../../store/createSimStore';

export const CUSTOM_SCENARIO_ID = 'custom';

export async function runFromStart(store: SimStore, text: string): Promise<void> {
  await store.getState().load(CUSTOM_SCENARIO_ID, text);
  if (store.getState().status === 'ready') await store.getState().play();
}
