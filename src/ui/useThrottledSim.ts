/**
 * A slice of the store read at most once per `ms` of wall time, through a transient
 * subscription (zustand's "transient updates"), so React stays out of the skipped frames. The
 * first change after a quiet spell goes through at once, so a seek or a step shows now; with
 * `onlyWhilePlaying`, every change while paused does too.
 * `read`, `changed` and `same` must be stable (module-level) functions.
 *
 * The update is a transition: these views (charts, log, rates) are among the heaviest to render
 * and already trail the frame, so React renders them in slices of a few ms between animation
 * frames instead of in one long task. Each new frame's (synchronous) render interrupts a
 * transition and React starts it over, so on a busy main thread it could starve: an update still
 * not shown after MAX_DEFER_MS is rendered at once instead, as before.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { SimState } from '../store/createSimStore';
import { useSimStore } from '../store/SimStoreProvider';

/** Longest a throttled view may wait for its transition before it is rendered at once (ms). */
export const MAX_DEFER_MS = 1000;

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
  // What the screen shows, and since when a different value has waited for its transition.
  const shown = useRef(data);
  const waitingSince = useRef<number | null>(null);
  useEffect(() => {
    shown.current = data;
    waitingSince.current = null;
  }, [data]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    // Forces a transition still not shown after MAX_DEFER_MS, also when no later store change
    // comes to check (a scenario gone steady while playing kept the log a minute behind).
    let deadline: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      const next = read(store.getState());
      const update = () => setData((prev) => (same(prev, next) ? prev : next));
      const since = waitingSince.current;
      if (since !== null && last - since > MAX_DEFER_MS) return update();
      if (since === null && !same(shown.current, next)) waitingSince.current = last;
      startTransition(update);
      if (deadline) clearTimeout(deadline);
      deadline = setTimeout(() => {
        deadline = null;
        if (waitingSince.current !== null) flush();
      }, MAX_DEFER_MS + 1);
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
      if (deadline) clearTimeout(deadline);
    };
  }, [store, read, changed, same, ms, onlyWhilePlaying]);
  return data;
}
