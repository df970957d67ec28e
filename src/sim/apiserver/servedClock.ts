/**
 * How `sim serve` maps simulated time to the wall clock, so that the timestamps it serves are
 * the wall-clock instants at which things happened in the simulation and every age kubectl
 * computes (on the server for `get` tables, on the client for `describe` and `-o yaml`) is right.
 *
 * The wall clock is read by the CLI (src/cli/serve) and passed in: this module is arithmetic.
 *
 * - speed > 0: the simulation runs at `sim(w) = sim0 + (w − wall0) × speed` and a simulated
 *   instant T happened at `wall(T) = wall0 + (T − sim0) / speed`. At speed 1 the CLI picks
 *   `wall0 − sim0` a whole number of seconds, so truncating a wall timestamp to the second (the
 *   API server stores metav1.Time in whole seconds) truncates the simulated one alike: ages
 *   equal the in-app console's at the same simulated moment.
 * - speed 0 (paused): the simulation stays at `sim0`. Each request's wall instant `w` is mapped
 *   to the simulated now: `wall(T) = ⌊w⌋ₛ − ⌊sim0⌋ₛ + T` (⌊⌋ₛ: whole seconds). A served
 *   timestamp is then `⌊w⌋ₛ − ⌊sim0⌋ₛ + ⌊T⌋ₛ`, and an age computed at any instant of the wall
 *   second of `w` is `⌊sim0⌋ₛ − ⌊T⌋ₛ` plus under a second, which HumanDuration truncates
 *   away: exactly the age the simulation shows at `sim0`. Ages computed by the server (Table
 *   cells) are exact; kubectl computes `describe`'s ages a few milliseconds after its requests,
 *   so a command begun in the last milliseconds of a wall second may see them one second older
 *   (start comparisons early in a wall second: test/support/serveProcess.ts).
 */
import { SIM_EPOCH_MS } from '../core/time';

export interface ServedClock {
  /** Simulated seconds per wall second; 0: paused. */
  speed: number;
  /** Wall-clock ms (Unix epoch) at which the simulation was at `sim0`. */
  wall0: number;
  /** Simulated ms at `wall0`. */
  sim0: number;
}

const SECOND = 1000;
const wholeSeconds = (ms: number): number => Math.floor(ms / SECOND) * SECOND;

/** The simulated ms the cluster should be at, at wall instant `wallMs`. */
export function simAt(clock: ServedClock, wallMs: number): number {
  if (clock.speed === 0) return clock.sim0;
  return Math.max(clock.sim0, clock.sim0 + (wallMs - clock.wall0) * clock.speed);
}

/** The wall-clock ms (Unix epoch) at which simulated ms `t` happened, for a request at `nowWall`. */
export function wallOf(clock: ServedClock, t: number, nowWall: number): number {
  if (clock.speed === 0) return wholeSeconds(nowWall) - wholeSeconds(clock.sim0) + t;
  return clock.wall0 + (t - clock.sim0) / clock.speed;
}

/**
 * A clock starting now: at speed 1, `wall0` is moved by under half a second so that wall and
 * simulated time share their sub-second phase (see above).
 */
export function startClock(speed: number, sim0: number, nowWall: number): ServedClock {
  if (speed !== 1) return { speed, wall0: nowWall, sim0 };
  const offset = Math.round((nowWall - sim0) / SECOND) * SECOND;
  return { speed, wall0: sim0 + offset, sim0 };
}

/**
 * An RFC 3339 timestamp of the simulation (`2026-01-01T00:00:30.005Z`, ms from SIM_EPOCH_MS)
 * as served: the wall instant, in whole seconds as metav1.Time serializes.
 */
export function servedTimestamp(clock: ServedClock, ts: string, nowWall: number): string {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return ts;
  const wall = wallOf(clock, ms - SIM_EPOCH_MS, nowWall);
  return `${new Date(wholeSeconds(wall)).toISOString().slice(0, 19)}Z`;
}

/**
 * "Now" for the printers' age arithmetic (they read timestamps as ms from SIM_EPOCH_MS): the
 * request's wall instant in that frame, so cells computed over served objects give wall ages.
 */
export function printerNow(nowWall: number): number {
  return nowWall - SIM_EPOCH_MS;
}
