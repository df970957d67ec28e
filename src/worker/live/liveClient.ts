/**
 * The main thread's end of a live worker: `start` names the server (an absolute URL) before
 * anything else is asked, so the worker starts listing at once. Each call starts a worker of
 * its own; whoever connects closes it.
 */
import * as Comlink from 'comlink';
import type { LiveApi } from './liveProtocol';

export interface LiveConnection {
  api: LiveApi;
  close(): void;
}

type LiveWorker = LiveApi & { start(server: string, namespace: string): Promise<void> };

export function createLiveWorkerClient(server: string, namespace = 'default'): LiveConnection {
  const worker = new Worker(new URL('./live.worker.ts', import.meta.url), {
    type: 'module',
    name: 'live',
  });
  const remote = Comlink.wrap<LiveWorker>(worker);
  // Messages are handled in order: every later call finds the source started.
  void remote.start(server, namespace);
  return {
    api: remote as unknown as LiveApi,
    close() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
