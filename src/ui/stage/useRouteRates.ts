/**
 * The measured split of one VirtualService's routes, as the simulation measures it on fixed
 * windows of simulated time (src/sim/view/rateWindows.ts): the same at t however time got
 * there. While playing it is read a few times a wall second; paused, every change shows.
 */
import type { RouteRates } from '../../sim/view/frame';
import type { SimState } from '../../store/createSimStore';
import { useThrottledSim } from '../useThrottledSim';

/** Least wall time between two updates while playing (ms). */
const PUBLISH_MS = 300;

const read = (s: SimState): RouteRates | null => s.frame?.rates.route ?? null;
const changed = (s: SimState, prev: SimState): boolean =>
  s.frame?.rates.route !== prev.frame?.rates.route;
const same = (a: RouteRates | null, b: RouteRates | null): boolean => a === b;

/** The rates of `name`'s routes; null when the clients' requests do not go through it. */
export function useRouteRates(name: string): RouteRates | null {
  const rates = useThrottledSim({ read, changed, same, ms: PUBLISH_MS, onlyWhilePlaying: true });
  return rates?.name === name ? rates : null;
}
