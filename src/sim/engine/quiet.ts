/**
 * When the cluster last changed: the time of the latest object write that changed more than
 * resourceVersion (a kubelet's no-op status write during a quiet stretch is no change). A
 * scenario caption describes what its step sets off; once the cluster has been quiet for a
 * while after it, the caption reads as past (view/captionView.ts).
 */
import type { ObjectStore, WatchEvent } from '../api/objectStore';
import { deepEqual } from '../core/clone';

/** A write that changed something besides resourceVersion. */
export function changesObject(e: WatchEvent): boolean {
  if (e.type !== 'MODIFIED' || !e.old) return true;
  const strip = (o: typeof e.obj) => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: undefined },
  });
  return !deepEqual(strip(e.old), strip(e.obj));
}

export class QuietTracker {
  /** Simulated ms of the latest change. */
  lastChange = 0;

  constructor(store: ObjectStore, now: () => number) {
    store.watch((e) => {
      // Every write passes here: once this instant is known to have changed something, the
      // object comparison of the instant's other writes can be skipped.
      const t = now();
      if (t !== this.lastChange && changesObject(e)) this.lastChange = t;
    });
  }

  snapshot(): number {
    return this.lastChange;
  }

  restore(t: number): void {
    this.lastChange = t;
  }
}
