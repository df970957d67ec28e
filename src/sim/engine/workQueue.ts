/**
 * The engine's timed happenings and the controllers' work queues. Kept apart from the engine
 * because the latencies and priorities here decide the order of everything that happens at one
 * instant (the wave rule of k8s-traces.md): they are the simulation's timing model, in one place.
 */
import type { ControllerName, KubeletTimer } from '../controllers/context';
import type { EventQueue } from '../core/eventQueue';

/** How long after a change each controller reacts (its informer + work-queue latency). */
export const LATENCY_MS: Record<ControllerName, number> = {
  deployment: 5,
  // The ReplicaSet controller creates a sync's pods before the Deployment controller syncs
  // again, and its own re-sync (2 × 2 ms) is over before then too, so each scale-up of the
  // Deployment is a wave of its own, created 5 ms after the previous one (the wave rule).
  replicaset: 2,
  replicationcontroller: 2,
  // Status follows pods in the same instant, so a Deployment sync sees every pod that became
  // ready before it (wave rule: the controller is quiescent between two readiness instants).
  replicasetstatus: 0,
  scheduler: 5,
  garbagecollector: 5,
  // Endpoints follow pods in the same instant: the contract says a deleted pod leaves the
  // Service's endpoints at once, and a ready pod joins them at once.
  endpointslice: 0,
  // Argo's controller is one more informer + work queue, like the Deployment controller.
  rollout: 5,
  // Measurements are taken when due; the run's own requeue carries the interval.
  analysisrun: 0,
};

/**
 * Among happenings at one instant, controllers run before kubelet timers, and scenario steps
 * last: a controller sync due at t sees the world as it was just before t's pod changes.
 */
export const PRIO_CONTROLLER = 0;
export const PRIO_KUBELET = 1;
/** Zero-latency followers (endpoints, ReplicaSet status) run once per instant, after the pods changed. */
export const PRIO_FOLLOWER = 2;
export const PRIO_STEP = 3;

/** One timed happening: plain data, so a checkpoint can copy the queue. */
export type QueueItem =
  | { k: 'wake'; c: ControllerName; key: string }
  | { k: 'requeue'; c: ControllerName; key: string }
  | { k: 'kubelet'; pod: string; uid: string; what: KubeletTimer; gen: number }
  | { k: 'step'; index: number }
  | { k: 'process'; rec: number; gen: number }
  | { k: 'hpa'; name: string };

/** The keys waiting in each controller's queue, as a checkpoint keeps them. */
export type PendingState = [ControllerName, string[]][];

/**
 * A work queue per controller, as client-go's (util/workqueue: a key that is waiting is not
 * added twice): re-adding a waiting key is a no-op, and a key is synced LATENCY_MS after it was
 * first added. The waits themselves are entries of the engine's event queue.
 */
export class WorkQueues {
  private readonly pending = new Map<ControllerName, Set<string>>();

  constructor(
    private readonly queue: EventQueue<QueueItem>,
    private readonly now: () => number,
  ) {}

  /** Adds `key` to controller `c`'s queue now, or after `delayMs` (client-go's AddAfter). */
  enqueue(c: ControllerName, key: string, delayMs = 0): void {
    if (delayMs > 0) {
      this.queue.push(this.now() + delayMs, { k: 'requeue', c, key }, PRIO_CONTROLLER);
      return;
    }
    let set = this.pending.get(c);
    if (!set) this.pending.set(c, (set = new Set()));
    if (set.has(key)) return;
    set.add(key);
    const latency = LATENCY_MS[c];
    this.queue.push(
      this.now() + latency,
      { k: 'wake', c, key },
      latency === 0 ? PRIO_FOLLOWER : PRIO_CONTROLLER,
    );
  }

  /** The key leaves the queue as its sync starts: a change during the sync adds it again. */
  take(c: ControllerName, key: string): void {
    this.pending.get(c)?.delete(key);
  }

  snapshot(): PendingState {
    return [...this.pending].map(([c, keys]) => [c, [...keys]]);
  }

  restore(s: PendingState): void {
    this.pending.clear();
    for (const [c, keys] of s) this.pending.set(c, new Set(keys));
  }
}
