/**
 * What live mode saw of a real (or `sim serve`) cluster (issue 12, "record and replay"): the
 * objects at the start and every change a watch delivered, timed from the start. A recording
 * turns into a scenario (recording.ts) so a real incident can be replayed in the simulator.
 * Objects are the API's JSON as served (kind and apiVersion set).
 */

export type ObservedObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Record<string, unknown>;
};

export interface ObservedChange {
  /** Milliseconds after the recording started. */
  atMs: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: ObservedObject;
}

export interface Observation {
  /** What the banner names: the API server's URL as the page reached it. */
  server: string;
  namespace: string;
  /** When the recording started (RFC 3339). */
  startedAt: string;
  /** Every object listed at the start, of every kind live mode lists. */
  initial: ObservedObject[];
  /** In the order they arrived. */
  changes: ObservedChange[];
}
