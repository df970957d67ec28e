/**
 * One store per simulation, provided by context (xyflow's pattern); `useSim(selector)` subscribes
 * narrowly and throws outside a provider. Selectors that build new objects need useShallow.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimApi } from '../worker/protocol';
import { createSimStore, type SimState, type SimStore } from './createSimStore';

const SimStoreContext = createContext<SimStore | null>(null);

export function SimStoreProvider({
  api,
  store,
  children,
}: {
  api?: SimApi;
  store?: SimStore;
  children: ReactNode;
}) {
  const [value] = useState<SimStore>(() => {
    if (store) return store;
    if (!api) throw new Error('SimStoreProvider needs an api or a store');
    return createSimStore(api);
  });
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
