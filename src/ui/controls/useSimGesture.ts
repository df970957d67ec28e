/**
 * A slider's drag as one gesture of the simulation (see useLiveValue and Session.beginGesture):
 * every value applies at once, the history and the link keep the released one.
 */
import { useMemo } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import type { Gesture } from './useLiveValue';

export function useSimGesture(): Gesture {
  const store = useSimStore();
  return useMemo(
    () => ({
      begin: () => store.getState().beginGesture(),
      end: () => store.getState().endGesture(),
    }),
    [store],
  );
}
