/**
 * What `sim serve` (src/sim/apiserver) reads of a session's cluster: the API server's object
 * store and the event recorder (the Events it serves), and listeners of their changes that
 * survive an engine rebuild (Session.watchChanges re-hooks them on the new engine).
 */
import type { EventRecorder, RecordedEvent } from '../api/eventRecorder';
import type { ObjectStore, Watcher } from '../api/objectStore';
import type { Engine } from '../engine/engine';

export class ApiView {
  private engine: Engine;
  private readonly storeListeners: Watcher[] = [];
  private readonly eventListeners: ((e: RecordedEvent) => void)[] = [];

  constructor(engine: Engine) {
    this.engine = engine;
  }

  get store(): ObjectStore {
    return this.engine.store;
  }

  get events(): EventRecorder {
    return this.engine.events;
  }

  /** Every object write from now on (ADDED, MODIFIED, DELETED, in store order). */
  onStoreChange(w: Watcher): void {
    this.storeListeners.push(w);
    this.engine.store.watch(w);
  }

  /** Every recorded event from now on. */
  onEvent(l: (e: RecordedEvent) => void): void {
    this.eventListeners.push(l);
    this.engine.events.onEvent(l);
  }

  /** A rebuilt engine: the listeners move to it. */
  hook(engine: Engine): void {
    if (engine === this.engine) return;
    this.engine = engine;
    for (const w of this.storeListeners) engine.store.watch(w);
    for (const l of this.eventListeners) engine.events.onEvent(l);
  }
}
