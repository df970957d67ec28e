/**
 * Live mode's own state beside the simulation store: the server's status (banner, namespace
 * picker, writing switch, problems) and a copy of the observation on the main thread, so a
 * recording can be taken at once (`getObservation()`). Both are refreshed from the worker.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveApi, LiveStatus, Observation } from '../../worker/live/liveProtocol';

export interface LiveState {
  status: LiveStatus | null;
  setNamespace(namespace: string): Promise<void>;
  setWriting(on: boolean): Promise<void>;
  /** Asks the worker for what changed since the last refresh. */
  refresh(): Promise<void>;
  /** Everything observed so far (the recording's input). */
  getObservation(): Observation | null;
}

export type LiveStore = StoreApi<LiveState>;

export function createLiveStore(api: LiveApi): LiveStore {
  let observation: Observation | null = null;
  /** Counts switch flips: a status asked for before the latest flip is out of date. */
  let flips = 0;
  let queue: Promise<void> = Promise.resolve();
  return createStore<LiveState>()((set, get) => {
    const refreshOnce = async () => {
      const asked = flips;
      const status = await api.liveStatus();
      const from = observation ? observation.changes.length : 0;
      const initialFrom = observation ? observation.initial.length : 0;
      const delta = await api.observation(from, initialFrom);
      // Another namespace (or start) since the copy was made: start over.
      if (
        !observation ||
        observation.startedAt !== delta.startedAt ||
        observation.namespace !== delta.namespace
      )
        observation = from || initialFrom ? await api.observation(0, 0) : delta;
      else
        observation = {
          ...observation,
          initial: [...observation.initial, ...delta.initial],
          changes: [...observation.changes, ...delta.changes],
        };
      // Asked before the switch last flipped: the next refresh brings the new state.
      if (asked === flips) set({ status });
    };
    return {
      status: null,
      async setNamespace(namespace) {
        observation = null;
        await api.setNamespace(namespace);
        await get().refresh();
      },
      async setWriting(on) {
        // The switch shows the person's choice at once; the worker (which enforces it) gets it
        // before any later request, since calls reach it in order.
        flips++;
        const status = get().status;
        if (status) set({ status: { ...status, writing: on } });
        await api.setWriting(on);
        await get().refresh();
      },
      refresh() {
        // One at a time: two refreshes in flight would append the same changes twice.
        queue = queue.then(refreshOnce).catch(() => undefined);
        return queue;
      },
      getObservation: () => observation,
    };
  });
}
