/**
 * Live mode's composition (issue 12 item 3): one live worker, the simulation store over it (the
 * stage, panels, event log and charts read it exactly as they read a simulation), the pull loop,
 * and the live store for the banner. Everything ends when the provider unmounts.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createLiveWorkerClient } from '../../worker/live/liveClient';
import { createSimStore, type SimStore } from '../createSimStore';
import { pullEveryFrame } from '../pullLoop';
import { SimStoreProvider } from '../SimStoreProvider';
import { createLiveStore, type LiveState, type LiveStore } from './liveStore';
import type { LiveApi } from '../../worker/live/liveProtocol';

const LiveContext = createContext<LiveStore | null>(null);

/** How often the banner's status and the observation copy are refreshed. */
const STATUS_MS = 1000;

type Connect = (server: string) => { api: LiveApi; close(): void };

export function LiveProvider({
  server,
  connect = createLiveWorkerClient,
  children,
}: {
  server: string;
  connect?: Connect;
  children: ReactNode;
}) {
  const [stores, setStores] = useState<{ sim: SimStore; live: LiveStore } | null>(null);
  useEffect(() => {
    const connection = connect(server);
    const sim = createSimStore(connection.api);
    const live = createLiveStore(connection.api);
    const stop = pullEveryFrame(sim);
    void sim.getState().load('live', '', undefined, 'live');
    void live.getState().refresh();
    const timer = setInterval(() => void live.getState().refresh(), STATUS_MS);
    setStores({ sim, live });
    return () => {
      clearInterval(timer);
      stop();
      connection.close();
      setStores(null);
    };
  }, [server, connect]);
  if (!stores) return null;
  return (
    <SimStoreProvider store={stores.sim}>
      <LiveContext.Provider value={stores.live}>{children}</LiveContext.Provider>
    </SimStoreProvider>
  );
}

export function useLiveStore(): LiveStore {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLive must be used inside <LiveProvider>');
  return store;
}

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(useLiveStore(), selector);
}
