/**
 * A bounded history of changes, each with its resourceVersion: the watch cache's ring of
 * events (apiserver pkg/storage/cacher/watch_cache.go). A watch from resourceVersion R gets
 * every change after R while R is still covered; once older changes were dropped it is "too
 * old" (410 Expired), as from a real API server whose cache moved on.
 */
import type { WatchType } from '../api/objectStore';
import type { ResourceKind } from '../api/kinds';

export interface Change {
  rv: number;
  type: WatchType;
  kind: ResourceKind;
  /** The object after the change (a DELETED one: as last stored, with the deletion's rv). */
  obj: object;
  /** The object before (MODIFIED, DELETED), to tell when it stops or starts matching a filter. */
  old: object | undefined;
}

export class ChangeLog {
  private items: Change[] = [];
  /** Index of the oldest kept change in `items` (dropped ones are spliced out in batches). */
  private head = 0;
  /** Every change with rv > startRv is kept. */
  private startRv: number;
  private lastRv: number;

  constructor(
    private readonly capacity: number,
    currentRv: number,
  ) {
    this.startRv = currentRv;
    this.lastRv = currentRv;
  }

  get resourceVersion(): number {
    return this.lastRv;
  }

  /** How many changes are kept (bounded by the capacity). */
  get size(): number {
    return this.items.length - this.head;
  }

  push(c: Change): void {
    this.items.push(c);
    this.lastRv = Math.max(this.lastRv, c.rv);
    while (this.size > this.capacity) {
      const dropped = this.items[this.head++];
      if (dropped) this.startRv = dropped.rv;
    }
    // Compact once the dropped prefix is as long as what is kept.
    if (this.head > this.capacity) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * The changes after `rv`, oldest first; `expired` with the watch cache's message when changes
   * after `rv` were already dropped.
   */
  since(rv: number): Change[] | { expired: string } {
    if (rv < this.startRv) {
      const oldest = this.items[this.head]?.rv ?? this.lastRv + 1;
      return { expired: `too old resource version: ${rv} (${oldest - 1})` };
    }
    const out: Change[] = [];
    for (let i = this.items.length - 1; i >= this.head; i--) {
      const c = this.items[i];
      if (!c || c.rv <= rv) break;
      out.push(c);
    }
    return out.reverse();
  }
}
