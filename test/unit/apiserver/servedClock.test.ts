import { describe, expect, it } from 'vitest';
import { servedTimestamp, simAt, startClock, wallOf } from '../../../src/sim/apiserver/servedClock';
import { toTimestamp } from '../../../src/sim/core/time';

const WALL = Date.UTC(2026, 5, 1, 12, 0, 0, 0);

describe('the served clock', () => {
  it('runs the simulation at speed × wall time and dates things at the wall instant they happened', () => {
    const c = { speed: 20, wall0: WALL, sim0: 0 };
    expect(simAt(c, WALL + 1000)).toBe(20_000);
    expect(wallOf(c, 20_000, WALL + 5000)).toBe(WALL + 1000);
  });

  it('at speed 1 shares the sub-second phase of simulated and wall time', () => {
    const c = startClock(1, 30_250, WALL + 400);
    expect((c.wall0 - c.sim0) % 1000).toBe(0);
    expect(Math.abs(c.wall0 - (WALL + 400))).toBeLessThanOrEqual(500);
  });

  it('paused, serves every age the simulation shows at its moment, whenever the request comes', () => {
    const c = { speed: 0, wall0: WALL, sim0: 30_000 };
    // Created at simulated 15.002 s: the API server stores 15 s, so at 30 s the age is 15 s.
    for (const at of [WALL + 7_000, WALL + 7_999, WALL + 3_600_000]) {
      const served = Date.parse(servedTimestamp(c, toTimestamp(15_002), at));
      expect(Math.trunc((at - served) / 1000)).toBe(15);
    }
    expect(simAt(c, WALL + 60_000)).toBe(30_000);
  });
});
