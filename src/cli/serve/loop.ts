/**
 * The real-time loop: every tick the session advances to the simulated instant the clock maps
 * the wall clock to (servedClock.ts), then open watches get what changed. Past the scenario's
 * duration the cluster keeps running, steady, until the server stops.
 */
import type { ServeState } from '../../sim/apiserver/serveState';
import { simAt } from '../../sim/apiserver/servedClock';
import type { ApiHttpServer } from './httpServer';

/** Wall ms between ticks: small enough that watches feel live, large enough to cost little. */
export const TICK_MS = 50;

export function startLoop(state: ServeState, http: ApiHttpServer, clock: () => number): () => void {
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    const target = simAt(state.clock, clock());
    try {
      if (target > state.session.now) {
        state.session.beginWork();
        state.session.advanceTo(target);
        state.session.dropChartPoints();
      }
    } catch (e) {
      // A runaway (engine/runaway.ts) stops the simulation where it is; the server goes on.
      process.stderr.write(
        `sim serve: the simulation stopped at ${state.session.now} ms: ${String(e)}\n`,
      );
      state.clock = { speed: 0, wall0: clock(), sim0: state.session.now };
    }
    http.pushWatches();
  };
  const timer = setInterval(tick, TICK_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
