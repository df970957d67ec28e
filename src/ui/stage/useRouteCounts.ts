/**
 * Requests per rule, destination and mirror of one VirtualService over the last WINDOW_MS of
 * simulated time, for the route box's "measured" split. Frames carry counts since the previous
 * frame; they are summed transiently (no React state per frame) and published a few times a
 * second. The measurement starts over when the rules change (new weights are measured from
 * then on, not mixed with the old ones), and a frame covering more than the window (a seek)
 * is left out: when in it the rules changed is unknown.
 */
import { useEffect, useState } from 'react';
import type { SimState } from '../../store/createSimStore';
import { useSimStore } from '../../store/SimStoreProvider';

/** Simulated ms the measured split covers. */
export const WINDOW_MS = 10_000;
/** Least wall time between two published updates while playing (ms). */
const PUBLISH_MS = 300;

/**
 * Keys: `0` (rule 0), `0#1` (its destination 1), `0#m` (its mirrored copies), and `ms`: the
 * simulated time the sums cover.
 */
export type RouteCounts = Readonly<Record<string, number>>;

const NONE: RouteCounts = {};

interface Entry {
  t: number;
  counts: Record<string, number>;
}

/** What the counts depend on: matches, destinations with their weights, mirrors. */
function signatureOf(s: SimState, name: string): string {
  const vs = s.frame?.routes.find((x) => x.name === name);
  if (!vs) return '';
  return JSON.stringify(
    vs.http.map((r) => [
      r.match,
      r.segments,
      r.destinations.map((d) => [d.service, d.subset, d.weight]),
      r.mirror && [r.mirror.service, r.mirror.subset, r.mirror.percent],
    ]),
  );
}

function countsOf(s: SimState, name: string): Record<string, number> | null {
  const vs = s.frame?.routes.find((x) => x.name === name);
  if (!vs || !s.frame || s.frame.traffic.intervalMs > WINDOW_MS) return null;
  const out: Record<string, number> = { ms: s.frame?.traffic.intervalMs ?? 0 };
  for (const r of vs.http) {
    out[`${r.index}`] = r.requests;
    r.destinations.forEach((d, j) => (out[`${r.index}#${j}`] = d.requests));
    if (r.mirror) out[`${r.index}#m`] = r.mirrored;
  }
  return out;
}

/** Sums of the entries within the window ending at the newest one. */
export function windowSums(entries: readonly Entry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries)
    for (const [k, n] of Object.entries(e.counts)) out[k] = (out[k] ?? 0) + n;
  return out;
}

export function useRouteCounts(name: string): RouteCounts {
  const store = useSimStore();
  const [counts, setCounts] = useState<RouteCounts>(NONE);
  useEffect(() => {
    let entries: Entry[] = [];
    let signature = '';
    let publishedAt = -Infinity;
    const add = (s: SimState) => {
      const sig = signatureOf(s, name);
      if (sig !== signature) {
        signature = sig;
        entries = [];
      }
      const c = s.frame && countsOf(s, name);
      if (!s.frame || !c) return;
      entries.push({ t: s.frame.t, counts: c });
      const from = s.frame.t - WINDOW_MS;
      if (entries[0] && entries[0].t <= from) entries = entries.filter((e) => e.t > from);
    };
    const publish = (force: boolean) => {
      const now = performance.now();
      if (!force && now - publishedAt < PUBLISH_MS) return;
      publishedAt = now;
      setCounts(windowSums(entries));
    };
    add(store.getState());
    publish(true);
    return store.subscribe((s, prev) => {
      if (!s.frame || s.frame === prev.frame) return;
      if (s.epoch !== prev.epoch) entries = [];
      add(s);
      // Paused, stepping or seeking: every frame counts; playing: a few updates a second.
      publish(!s.playback.playing);
    });
  }, [store, name]);
  return counts;
}
