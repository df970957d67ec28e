/**
 * The store's events for the log, at most once per `ms` of wall time while playing (a 300-pod
 * rollout at 10× logs hundreds of events a second; a person reads a few updates a second); every
 * change while paused (seek, step, an edit) goes through at once.
 */
import type { EventRecord } from '../../sim/runner/runResult';
import type { SimState } from '../../store/createSimStore';
import { useThrottledSim } from '../useThrottledSim';

const read = (s: SimState): EventRecord[] => s.events;
const changed = (s: SimState, prev: SimState): boolean => s.events !== prev.events;
const same = (a: EventRecord[], b: EventRecord[]): boolean => a === b;

export function useLogEvents(ms = 250): EventRecord[] {
  return useThrottledSim({ read, changed, same, ms, onlyWhilePlaying: true });
}
