/**
 * The main thread's handle on the simulation worker: created lazily (jsdom has no Worker), and
 * typed by the protocol only, so the engine stays out of the main bundle.
 */
import * as Comlink from 'comlink';
import type { SimApi } from './protocol';

let remote: Comlink.Remote<SimApi> | null = null;

export function workerClient(): SimApi {
  if (!remote) {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
      type: 'module',
      name: 'simulation',
    });
    remote = Comlink.wrap<SimApi>(worker);
  }
  return remote as unknown as SimApi;
}
