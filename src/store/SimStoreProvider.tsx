/**
 * One store per simulation, provided by context (xyflow's pattern); `useSim(selector)` subscribes
 * narrowly and throws outside a provider. Selectors that build new objects need useShallow.
 *
 * Given `connect`, the provider owns everything of its simulation: it connects (the app starts
 * a worker), creates the store over that API and runs the loop that pulls frames into it, and
 * ends all three when it unmounts, so two providers are two independent simulations. Given a
 * `store`, whoever made the store owns it (tests move time themselves).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimConnection } from '../worker/protocol';
import { createSimStore, type SimState, type SimStore } from './createSimStore';
import { pullEveryFrame } from './pullLoop';

const SimStoreContext = createContext<SimStore | null>(null);

type Props = { children: ReactNode } & (
  { connect: () => SimConnection; store?: never } | { store: SimStore; connect?: never }
);

export function SimStoreProvider({ connect, store, children }: Props) {
  const [owned, setOwned] = useState<SimStore | null>(null);
  useEffect(() => {
    if (!connect) return;
    const connection = connect();
    const created = createSimStore(connection.api);
    const stop = pullEveryFrame(created);
    const unsubscribe = connection.onNotice?.((m) => created.getState().notify(m));
    setOwned(created);
    return () => {
      unsubscribe?.();
      stop();
      connection.close();
      setOwned(null);
    };
  }, [connect]);
  const value = store ?? owned;
  // Until the effect has connected there is nothing to show.
  if (!value) return null;
  return <SimStoreContext.Provider value={value}>{children}</SimStoreContext.Provider>;
}

export function useSimStore(): SimStore {
  const store = useContext(SimStoreContext);
  if (!store) throw new Error('useSim must be used inside <SimStoreProvider>');
  return store;
}

export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(useSimStore(), selector);
}
