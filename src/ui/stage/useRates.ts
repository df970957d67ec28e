/**
 * Requests per second, per group and in total, for the arrows' labels when motion is reduced.
 * Frames arrive ~60 times a second with a handful of requests each, so counts are summed
 * transiently (no React state per frame) and published every two simulated seconds.
 */
import { useEffect, useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { groupKey } from './layout';

export interface Rates {
  total: number;
  byGroup: Record<string, number>;
}

const WINDOW_MS = 2000;
const NONE: Rates = { total: 0, byGroup: {} };

export function useRates(enabled: boolean): Rates {
  const store = useSimStore();
  const [rates, setRates] = useState<Rates>(NONE);
  useEffect(() => {
    if (!enabled) return;
    let ms = 0;
    let total = 0;
    let byGroup: Record<string, number> = {};
    // Pods that have left the frame still count for the interval they served in.
    const groupOf = new Map<string, string>();
    return store.subscribe((s, prev) => {
      const f = s.frame;
      if (!f || f === prev.frame) return;
      for (const p of f.pods) groupOf.set(p.name, groupKey(p.deployment, p.owner));
      for (const [pod, n] of Object.entries(f.traffic.byPod)) {
        const g = groupOf.get(pod);
        if (g) byGroup[g] = (byGroup[g] ?? 0) + n;
      }
      total += f.traffic.interval.requests;
      ms += f.traffic.intervalMs;
      if (ms < WINDOW_MS) return;
      const per = (n: number) => Math.round((n * 1000) / ms);
      setRates({
        total: per(total),
        byGroup: Object.fromEntries(Object.entries(byGroup).map(([g, n]) => [g, per(n)])),
      });
      ms = 0;
      total = 0;
      byGroup = {};
    });
  }, [store, enabled]);
  return enabled ? rates : NONE;
}
