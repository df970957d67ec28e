/**
 * The main thread's end of a simulation worker. Each call starts a worker of its own, so two
 * simulations side by side are two workers; whoever creates the store over it owns it and
 * closes it (SimStoreProvider). Typed by the protocol only, so the engine stays out of the main
 * bundle; jsdom has no Worker, so tests use the same API in-process (createSimApi).
 */
import * as Comlink from 'comlink';
import type { SimApi, SimConnection } from './protocol';
import { watchdog, WATCHDOG_MS } from './watchdog';

export function createWorkerClient(): SimConnection {
  // A worker that stops answering is replaced and the session put back (watchdog.ts).
  return watchdog(startWorker, {
    timeoutMs: WATCHDOG_MS,
    after: (ms, fn) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  });
}

function startWorker(): SimConnection {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
  const remote = Comlink.wrap<SimApi>(worker);
  return {
    api: remote as unknown as SimApi,
    close() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
