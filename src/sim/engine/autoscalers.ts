/**
 * When the HPA controller syncs: each HorizontalPodAutoscaler on a timer of its own, 15 s apart
 * from its creation on (kube-controller-manager --horizontal-pod-autoscaler-sync-period), not
 * through a work queue. Kept with the memory the controller carries between syncs, which
 * checkpoints must copy.
 */
import type { Ctx } from '../controllers/context';
import { syncHpa, type HpaMemory } from '../controllers/hpa/hpa';
import { SYNC_PERIOD_MS } from '../controllers/hpa/recommend';
import { clone } from '../core/clone';
import type { EventQueue } from '../core/eventQueue';
import type { AutoscalerDecisions } from './clusterReader';
import { LATENCY_MS, PRIO_CONTROLLER, type QueueItem } from './workQueue';

export type AutoscalersState = [string, HpaMemory][];

export class Autoscalers {
  private readonly memory = new Map<string, HpaMemory>();

  constructor(
    private readonly ctx: Ctx,
    private readonly queue: EventQueue<QueueItem>,
  ) {}

  /** A new autoscaler: its first sync comes with the controller's informer latency. */
  added(name: string): void {
    this.queue.push(this.ctx.now() + LATENCY_MS.deployment, { k: 'hpa', name }, PRIO_CONTROLLER);
  }

  /** The HPA controller syncs each autoscaler every 15 s from its creation on. */
  sync(name: string): void {
    if (!this.ctx.store.get('HorizontalPodAutoscaler', name)) {
      this.memory.delete(name);
      return;
    }
    syncHpa(this.ctx, name, this.memory, this.ctx.counters().byPod);
    this.queue.push(this.ctx.now() + SYNC_PERIOD_MS, { k: 'hpa', name }, PRIO_CONTROLLER);
  }

  /** The latest decisions for the views (the memory's own objects: read, never change). */
  decisions(name: string): AutoscalerDecisions {
    const m = this.memory.get(name);
    return {
      last: m?.last ?? null,
      lastRescale: m?.lastRescale ?? null,
      lastSync: m ? m.lastT : null,
    };
  }

  snapshot(): AutoscalersState {
    return [...this.memory].map(([k, v]) => [k, clone(v)]);
  }

  restore(s: AutoscalersState): void {
    this.memory.clear();
    for (const [k, v] of s) this.memory.set(k, clone(v));
  }
}
