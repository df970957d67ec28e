/**
 * Timed happenings of the discrete-event simulation: a binary heap ordered by (time, priority,
 * insertion sequence), so equal times resolve in a fixed order — deterministic.
 * Entries are plain data (no closures) so a checkpoint can copy the queue.
 */
export interface Timed<T> {
  t: number;
  /** Lower runs first among happenings at the same instant. */
  prio: number;
  seq: number;
  item: T;
}

export class EventQueue<T> {
  private heap: Timed<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: number, item: T, prio = 0): void {
    const e: Timed<T> = { t, prio, seq: this.seq++, item };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const hp = h[p] as Timed<T>;
      if (!before(e, hp)) break;
      h[i] = hp;
      i = p;
    }
    h[i] = e;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.t;
  }

  pop(): Timed<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const hl = h[l] as Timed<T>;
      const hr = h[r];
      const c = hr !== undefined && before(hr, hl) ? r : l;
      const hc = h[c] as Timed<T>;
      if (!before(hc, last)) break;
      h[i] = hc;
      i = c;
    }
    h[i] = last;
    return top;
  }

  /** A deep-enough copy for checkpoints (items are treated as immutable). */
  snapshot(): { heap: Timed<T>[]; seq: number } {
    return { heap: this.heap.slice(), seq: this.seq };
  }

  restore(s: { heap: Timed<T>[]; seq: number }): void {
    this.heap = s.heap.slice();
    this.seq = s.seq;
  }
}

function before<T>(a: Timed<T>, b: Timed<T>): boolean {
  if (a.t !== b.t) return a.t < b.t;
  if (a.prio !== b.prio) return a.prio < b.prio;
  return a.seq < b.seq;
}
