/**
 * Live mode's boundary (issue 12 item 3): the simulation API the store already speaks (frames,
 * exec) plus what only a live source has — the server, the namespace picker, the writing switch
 * and the observation a recording is made from. Types only.
 */
import type { SimApi } from '../protocol';
import type { Observation } from '../../sim/live/observation';

export type { Observation };

export interface LiveStatus {
  /** The API server as the page reaches it, e.g. `http://127.0.0.1:8002/k8s`. */
  server: string;
  namespace: string;
  /** The namespaces the server lists (just the current one when it refuses to list them). */
  namespaces: string[];
  /** False: read-only — the page sends no request that writes. */
  writing: boolean;
  /** Every kind has been listed once (the stage shows the namespace as it is). */
  listed: boolean;
  /** Long-lived watches open now (at most MAX_WATCHES). */
  watches: number;
  /** What the server answered that stops a part of the picture, in the API's own words. */
  problems: string[];
  /** Kinds this server does not serve (404: no such CRD), with what it answered. */
  notServed: string[];
}

export interface LiveApi extends SimApi {
  liveStatus(): Promise<LiveStatus>;
  /** Lists and watches another namespace from now on (what is mirrored starts over). */
  setNamespace(namespace: string): Promise<void>;
  /** The writing switch: off, every write is refused before it leaves the page. */
  setWriting(on: boolean): Promise<void>;
  /**
   * What was seen since watching started (the recording's input): its changes from index
   * `from` on and its initial objects from index `initialFrom` on (a kind's first list may come
   * after the copy began), so the page keeps a copy without copying it all again each time.
   */
  observation(from?: number, initialFrom?: number): Promise<Observation>;
}
