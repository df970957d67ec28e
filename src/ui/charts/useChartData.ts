/**
 * The store's chart inputs — history, the version list and events — at most once per `ms` of
 * wall time. At 10× the store gains a point every 50 ms and a frame every 16 ms; charts that
 * cover minutes gain nothing from redrawing that often, and every redraw repaints four SVGs.
 * A transient subscription (zustand's "transient updates") keeps React out of the skipped frames.
 * The first change after a quiet spell goes through at once, so a seek or a step shows now.
 */
import { useEffect, useState } from 'react';
import type { ChartPoint } from '../../sim/chartPoint';
import type { EventRecord } from '../../sim/runResult';
import type { SimState } from '../../store/createSimStore';
import { useSimStore } from '../../store/SimStoreProvider';

export interface ChartData {
  history: ChartPoint[];
  /** frame.images joined by newlines: a new array every frame, new contents only rarely. */
  imagesKey: string;
  events: EventRecord[];
}

function read(s: SimState): ChartData {
  return {
    history: s.history,
    imagesKey: (s.frame?.images ?? []).join('\n'),
    events: s.events,
  };
}

const same = (a: ChartData, b: ChartData) =>
  a.history === b.history && a.imagesKey === b.imagesKey && a.events === b.events;

export function useChartData(ms: number): ChartData {
  const store = useSimStore();
  const [data, setData] = useState(() => read(store.getState()));
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
      if (
        timer ||
        (s.history === prev.history &&
          s.events === prev.events &&
          s.frame?.images.length === prev.frame?.images.length)
      )
        return;
      const wait = last + ms - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    // Anything that changed between the first render and this subscription.
    flush();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, ms]);
  return data;
}
