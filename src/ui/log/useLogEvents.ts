/**
 * The store's events for the log, at most once per `ms` of wall time while playing (a 300-pod
 * rollout at 10× logs hundreds of events a second; a person reads a few updates a second). The
 * first change after a quiet spell, and every change while paused (seek, step, an edit), goes
 * through at once. A transient subscription keeps React out of the skipped frames.
 */
import { useEffect, useState } from 'react';
import type { EventRecord } from '../../sim/runResult';
import { useSimStore } from '../../store/SimStoreProvider';

export function useLogEvents(ms = 250): EventRecord[] {
  const store = useSimStore();
  const [events, setEvents] = useState(() => store.getState().events);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const flush = () => {
      timer = null;
      last = performance.now();
      setEvents(store.getState().events);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.events === prev.events || timer) return;
      const wait = s.playback.playing ? last + ms - performance.now() : 0;
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    flush();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, ms]);
  return events;
}
