/// <reference lib="webworker" />
// Composition only: live mode's source (an API server, issue 12 item 3) with the worker's clock,
// fetch and timers, exposed with comlink as the simulation worker exposes the simulator. The
// server is named by the first call, `start` (Vite bundles a worker only from a literal URL, so
// nothing can travel in the worker's address).
import * as Comlink from 'comlink';
import { createLiveApi } from './liveApi';
import type { LiveApi } from './liveProtocol';

let api: LiveApi | null = null;

const boot = {
  start(server: string, namespace: string) {
    api ??= createLiveApi({
      server,
      namespace,
      fetch: (input, init) => fetch(input, init),
      clock: {
        now: () => Date.now(),
        sleep: (ms, signal) =>
          new Promise<void>((resolve, reject) => {
            const id = setTimeout(resolve, ms);
            signal.addEventListener('abort', () => {
              clearTimeout(id);
              reject(signal.reason as Error);
            });
          }),
      },
    });
  },
};

Comlink.expose(
  new Proxy(boot, {
    get: (target, prop) =>
      prop === 'start'
        ? target.start
        : (api as unknown as Record<string | symbol, unknown>)?.[prop],
  }),
);
