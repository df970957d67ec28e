/**
 * What every controller gets from the engine: the API store, the event recorder, the clock, a
 * name generator and ways to be woken up later. Controllers never hold timers of their own.
 */
import type { ObjectStore } from '../api/objectStore';
import type { EventRecorder } from '../api/eventRecorder';
import type { Rng } from '../core/rng';
import type { ImageBehaviour, Scenario } from '../scenario/scenario';
import type { PodIndex } from '../api/podIndex';
import type { TrafficCounters } from '../traffic/metrics';

export type ControllerName =
  | 'deployment'
  | 'replicaset'
  | 'replicationcontroller'
  | 'replicasetstatus'
  | 'scheduler'
  | 'endpointslice'
  | 'garbagecollector'
  | 'rollout'
  | 'analysisrun';

/** Timers the kubelet sets for one pod; `gen` ties a timer to one container incarnation. */
export type KubeletTimer =
  | 'start'
  | 'pulled'
  | 'pullRetry'
  | 'readiness'
  | 'liveness'
  | 'startup'
  | 'crash'
  | 'restart'
  | 'sigterm'
  | 'exit';

/**
 * Why a sync changed nothing: it waits for something (`idle`), the rollout is complete, or the
 * Deployment is paused. The UI labels the line by it ("waiting" would be wrong once complete).
 */
export type IdleState = 'idle' | 'complete' | 'paused';

export interface Ctx {
  readonly store: ObjectStore;
  readonly events: EventRecorder;
  readonly pods: PodIndex;
  readonly scenario: Scenario;
  /** Random names (pod suffixes) — a stream of its own so traffic never shifts pod names. */
  readonly names: Rng;
  now(): number;
  image(name: string | undefined): ImageBehaviour;
  /** Cumulative traffic so far (what an AnalysisRun's metric provider reads). */
  counters(): TrafficCounters;
  /** Wake controller `c` for `key` after its reaction latency (+ `delayMs`). */
  enqueue(c: ControllerName, key: string, delayMs?: number): void;
  kubeletTimer(at: number, pod: string, uid: string, what: KubeletTimer, gen: number): void;
  /**
   * The Deployment controller's reasoning in words (for the UI): `action` when a sync scaled a
   * ReplicaSet, `idle` for what a sync that changed nothing is waiting for.
   */
  explain(deployment: string, kind: 'action' | IdleState, text: string): void;
}

/** Kubernetes' "safe" alphabet for generated names (no vowels, no 0/1/3). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
