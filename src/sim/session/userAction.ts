/**
 * What a person did during a session, with its simulated time: the session replays these after
 * a seek back, and a shared link carries them (src/store/url.ts).
 */
import type { TrafficSpec } from '../scenario/scenario';

export type UserAction =
  | { t: number; kind: 'kubectl'; line: string }
  | { t: number; kind: 'traffic'; patch: Partial<TrafficSpec> }
  | { t: number; kind: 'startTime'; ms: number }
  | { t: number; kind: 'interrupt' };
