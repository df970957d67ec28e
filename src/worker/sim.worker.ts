/// <reference lib="webworker" />
// Composition only: the simulation API with the worker's clock and timers, exposed with comlink.
import * as Comlink from 'comlink';
import { createSimApi } from './api';

const api = createSimApi({
  now: () => performance.now(),
  after: (ms, fn) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
});

Comlink.expose(api);
