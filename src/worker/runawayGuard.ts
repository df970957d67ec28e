/**
 * The worker's side of the runaway guard (src/sim/engine/runaway.ts): each call into the
 * session starts a fresh work budget, and a runaway ends the call with its message instead of
 * an exception, the session left where it stopped.
 */
import { RunawayError, type Session } from '../sim';

export function guardWork<T>(
  session: Session | null,
  work: () => T,
  stopped: (message: string) => T,
): T {
  session?.beginWork();
  try {
    return work();
  } catch (e) {
    if (e instanceof RunawayError) return stopped(e.message);
    throw e;
  }
}
