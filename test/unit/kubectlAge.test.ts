/** The text view's pod ages read exactly as the simulation's kubectl prints every other age. */
import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../src/sim/kubectl/print/humanDuration';
import { kubectlAge } from '../../src/ui/stage/kubectlAge';

describe("The text view's AGE", () => {
  it('matches kubectl (the simulation) from -2 s to 9 years', () => {
    const samples: number[] = [];
    for (let s = -2; s < 4 * 3600; s += 7) samples.push(s * 1000 + 999);
    for (let h = 0; h < 9 * 365 * 24; h += 5) samples.push(h * 3_600_000 + 61_000);
    for (const ms of samples) expect([ms, kubectlAge(ms)]).toEqual([ms, humanDuration(ms)]);
  });
});
