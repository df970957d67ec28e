/**
 * What a person did during a session, with its simulated time: the session replays these after
 * a seek back, and a shared link carries them (src/store/url.ts).
 */
import type { TrafficSpec } from '../scenario/scenario';

export type UserAction =
  | { t: number; kind: 'kubectl'; line: string }
  | { t: number; kind: 'traffic'; patch: Partial<TrafficSpec> }
  | { t: number; kind: 'startTime'; ms: number }
  | { t: number; kind: 'interrupt' }
  | AppliedText;

/**
 * A write a client sent to the served Kubernetes API (`sim serve`): replayed after a seek back
 * as the same request. Not a UserAction: only `sim serve` makes them and it has no links or
 * scenario export, so the session keeps them beside the person's actions (session.ts).
 */
export interface ApiWrite {
  t: number;
  kind: 'api';
  /** The request as the server recorded it (plain data; servedWrites.ts performs it). */
  request: unknown;
}

/**
 * A text of manifests applied from the editor (`kubectl apply -f file`), or, with `edit`, the
 * file `kubectl edit` opened (`original`) saved as `text`: replayed as the same patch.
 */
export interface AppliedText {
  t: number;
  kind: 'applyText';
  text: string;
  /** The file name kubectl's messages use. */
  file: string;
  /** The `kubectl edit …` line that opened the file, and what it opened. */
  edit?: { line: string; original: string };
}
