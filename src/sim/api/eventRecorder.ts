/**
 * The event recorder: what `kubectl describe` lists under Events. Texts are spelled as
 * Kubernetes spells them (k8s-semantics.md §11); callers pass the exact message.
 */
import type { Kind } from './objects';

export interface RecordedEvent {
  /** Simulated ms. */
  t: number;
  type: 'Normal' | 'Warning';
  reason: string;
  kind: Kind;
  name: string;
  message: string;
  /** Reporting component, as `kubectl describe` shows in From. */
  source: string;
}

export class EventRecorder {
  events: RecordedEvent[] = [];
  private listeners: ((e: RecordedEvent) => void)[] = [];

  constructor(private readonly now: () => number) {}

  onEvent(l: (e: RecordedEvent) => void): void {
    this.listeners.push(l);
  }

  record(
    kind: Kind,
    name: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: string,
  ): void {
    const e: RecordedEvent = { t: this.now(), type, reason, kind, name, message, source };
    this.events.push(e);
    for (const l of this.listeners) l(e);
  }

  /** Back to an earlier log (checkpoints); recorded events are never changed, so sharing is safe. */
  restore(events: readonly RecordedEvent[]): void {
    this.events = [...events];
  }

  /** Events about one object, oldest first. */
  about(kind: Kind, name: string): RecordedEvent[] {
    return this.events.filter((e) => e.kind === kind && e.name === name);
  }
}
