/**
 * The runaway guard: a bound on the work one call into the simulation may do, so that no input
 * (a controller loop that never settles, a fleet too big for the time asked) can keep the
 * worker spinning. Counted in happenings processed, never in wall time, so where it stops is
 * the same on every machine; when it trips, the simulation stops where it is — between two
 * happenings, its state whole — and the caller says so.
 *
 * Two bounds: happenings at one simulated instant (time does not move: a loop, whatever the
 * caller asked), and happenings in one call (a seek, a step, a tick of playback). The numbers
 * are far above what the catalog does (a one-hour link replays ramped in about 80 000); a
 * session charges a chart point (500 ms of traffic ticks) as `POINT_COST` happenings, so a seek
 * through a quiet cluster is bounded too. Measured on a busy 2-core machine: a seek to 10¹² ms
 * with 3 000 000 allowed ran 277 s before it stopped; with these bounds it stops in seconds.
 */
export const MAX_AT_ONE_INSTANT = 200_000;
export const MAX_PER_CALL = 300_000;

/** What one chart point costs: its five 100-ms traffic ticks, the point and the rate windows. */
export const POINT_COST = 10;

export class RunawayError extends Error {
  constructor(
    message: string,
    /** Simulated ms where it stopped. */
    readonly t: number,
  ) {
    super(message);
    this.name = 'RunawayError';
  }
}

const seconds = (ms: number) => `${Math.round(ms) / 1000}s`;

export class WorkBudget {
  private instant = -1;
  private atInstant = 0;
  /** null until a caller begins counting calls (the headless runner never does). */
  private inCall: number | null = null;

  /** A new call into the simulation starts: its count starts over. */
  begin(): void {
    this.inCall = 0;
  }

  /** One happening (or `cost` of them) at simulated ms `t` is about to run; throws past a bound. */
  spend(t: number, cost = 1): void {
    if (t !== this.instant) {
      this.instant = t;
      this.atInstant = 0;
    }
    if ((this.atInstant += cost) > MAX_AT_ONE_INSTANT)
      throw new RunawayError(
        `The simulation was stopped at ${seconds(t)}: more than ${MAX_AT_ONE_INSTANT} controller actions at one instant: the cluster never settles.`,
        t,
      );
    if (this.inCall !== null && (this.inCall += cost) > MAX_PER_CALL)
      throw new RunawayError(
        `The simulation was stopped at ${seconds(t)}: one move asked for more than ${MAX_PER_CALL} units of simulation work. It can go on from here in smaller moves.`,
        t,
      );
  }
}
