/**
 * A slice of the store read at most once per `ms` of wall time, through a transient
 * subscription (zustand's "transient updates"), so React stays out of the skipped frames. The
 * first change after a quiet spell goes through at once, so a seek or a step shows now; with
 * `onlyWhilePlaying`, every change while paused does too.
 * `read`, `changed` and `same` must be stable (module-level) functions.
 */
import { useEffect, useState } from 'react';
import type { SimState } from '../store/createSimStore';
import { useSimStore } from '../store/SimStoreProvider';

export interface Throttle<T> {
  read(s: SimState): T;
  /** Whether a store update can change what `read` returns. */
  changed(s: SimState, prev: SimState): boolean;
  same(a: T, b: T): boolean;
  ms: number;
  onlyWhilePlaying?: boolean;
}

export function useThrottledSim<T>(t: Throttle<T>): T {
  const store = useSimStore();
  const [data, setData] = useState(() => t.read(store.getState()));
  const { read, changed, same, ms, onlyWhilePlaying } = t;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const flush = () => {
      timer = null;
      last = performance.now();
      const next = read(store.getState());
      setData((prev) => (same(prev, next) ? prev : next));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (timer || !changed(s, prev)) return;
      const wait = onlyWhilePlaying && !s.playback.playing ? 0 : last + ms - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    // Anything that changed between the first render and this subscription.
    flush();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, read, changed, same, ms, onlyWhilePlaying]);
  return data;
}
