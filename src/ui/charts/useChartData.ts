/**
 * The store's chart inputs — history, the version list and events — at most once per `ms` of
 * wall time. At 10× the store gains a point every 50 ms and a frame every 16 ms; charts that
 * cover minutes gain nothing from redrawing that often, and every redraw repaints four SVGs.
 * See useThrottledSim.
 */
import type { ChartPoint } from '../../sim/view/chartPoint';
import type { EventRecord } from '../../sim/runner/runResult';
import type { SimState } from '../../store/createSimStore';
import { useThrottledSim } from '../useThrottledSim';

export interface ChartData {
  history: ChartPoint[];
  /** frame.images: the same array until an image first appears. */
  images: string[];
  events: EventRecord[];
}

const NO_IMAGES: string[] = [];

function read(s: SimState): ChartData {
  return {
    history: s.history,
    images: s.frame?.images ?? NO_IMAGES,
    events: s.events,
  };
}

const same = (a: ChartData, b: ChartData) =>
  a.history === b.history && a.images === b.images && a.events === b.events;

const changed = (s: SimState, prev: SimState): boolean =>
  s.history !== prev.history || s.events !== prev.events || s.frame?.images !== prev.frame?.images;

export function useChartData(ms: number): ChartData {
  return useThrottledSim({ read, changed, same, ms });
}
