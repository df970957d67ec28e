/**
 * What the API server's handlers share: the running session (reads go through its cluster,
 * writes through its actions) and how a stored object is served.
 */
import type { Session } from '../session/session';
import type { Kind, KubeObject } from '../api/objects';

export interface ApiContext {
  session: Session;
  /**
   * The object as the API server serves it: `apiVersion` and `kind` set, timestamps mapped from
   * simulated time to the wall-clock instants at which they happened (serve's clock), fields in
   * the API server's shape.
   */
  served(kind: Kind, obj: KubeObject): Record<string, unknown>;
}
