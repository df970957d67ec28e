/**
 * Checkpoints of a running engine (for seeking back and forth): everything that changes as the
 * simulation runs, copied. The engine lists its state once, as named parts that each know how
 * to save and load themselves; `saveParts` and `loadParts` walk that one list, so a new piece of
 * state cannot be saved and then forgotten on restore (or the other way round): the part's type
 * asks for both, and EngineParts asks for a part per snapshot field.
 */
import type { RecordedEvent } from '../api/eventRecorder';
import type { StoreState } from '../api/objectStore';
import type { Kubelet } from '../controllers/kubelet/lifecycle';
import type { EventQueue } from '../core/eventQueue';
import type { RngState } from '../core/rng';
import type { ClientCommandsState } from '../kubectl/clientCommands';
import type { ProxyState } from '../network/kubeProxy';
import type { CommandRecord } from '../runner/runResult';
import type { TrafficGenerator } from '../traffic/generator';
import type { AutoscalersState } from './autoscalers';
import type { Decisions } from './clusterReader';
import type { PodCountsState } from './podCounts';
import type { RolloutTracker } from './rolloutTracker';
import type { PendingState, QueueItem } from './workQueue';

export interface EngineSnapshot {
  time: number;
  queue: ReturnType<EventQueue<QueueItem>['snapshot']>;
  pending: PendingState;
  names: RngState;
  store: StoreState;
  events: RecordedEvent[];
  kubelet: ReturnType<Kubelet['snapshot']>;
  proxy: ProxyState;
  traffic: ReturnType<TrafficGenerator['snapshot']>;
  rollouts: ReturnType<RolloutTracker['snapshot']>;
  commands: CommandRecord[];
  clients: ClientCommandsState;
  podCounts: PodCountsState;
  decisions: [string, Decisions][];
  caption: string | null;
  captionAt: number | null;
  lastChange: number;
  hpaMemory: AutoscalersState;
  startTimeOverride: number | null;
}

/** One piece of the engine's state: a copy out, and the copy put back. */
export interface Part<S> {
  save(): S;
  load(s: S): void;
}

/** A part per snapshot field; saved and loaded in the order they are listed. */
export type EngineParts = { readonly [K in keyof EngineSnapshot]: Part<EngineSnapshot[K]> };

/** A part that copies itself (the store's, the kubelet's … snapshot() and restore()). */
export function own<S>(x: { snapshot(): S; restore(s: S): void }): Part<S> {
  return { save: () => x.snapshot(), load: (s) => x.restore(s) };
}

/** A map's entries, in insertion order (the values are replaced, never changed in place). */
export function mapPart<V>(map: Map<string, V>): Part<[string, V][]> {
  return {
    save: () => [...map],
    load: (s) => {
      map.clear();
      for (const [k, v] of s) map.set(k, v);
    },
  };
}

function fields(parts: EngineParts): (keyof EngineSnapshot)[] {
  return Object.keys(parts) as (keyof EngineSnapshot)[];
}

export function saveParts(parts: EngineParts): EngineSnapshot {
  const s: Partial<Record<keyof EngineSnapshot, unknown>> = {};
  for (const k of fields(parts)) s[k] = parts[k].save();
  return s as EngineSnapshot;
}

export function loadParts(parts: EngineParts, s: EngineSnapshot): void {
  // Each part gets its own field back; TypeScript cannot follow `k` through the loop.
  for (const k of fields(parts)) (parts[k] as Part<unknown>).load(s[k]);
}
