/**
 * Live mode's clock starts when the page starts watching, so what happened before reads as a
 * negative time ("-0:12.3", "-24m" in the event log), not as 0:00 as if it had just happened.
 */
import { describe, expect, it } from 'vitest';
import { formatAt, formatClock } from '../../../src/ui/controls/formatClock';

describe('Times before the page started watching', () => {
  it('read as negative times', () => {
    expect(formatClock(-12_300)).toBe('-0:12.3');
    expect(formatAt(-59_000)).toBe('-0:59');
    // A minute or more before: in kubectl's short units, so the column keeps its width.
    expect(formatAt(-24 * 60_000 - 100)).toBe('-24m');
    expect(formatClock(-3 * 3600_000 - 5000)).toBe('-3h');
    expect(formatClock(-3 * 86400_000)).toBe('-3d');
    // The simulator's times are as before.
    expect(formatClock(75_300)).toBe('1:15.3');
    expect(formatClock(0)).toBe('0:00.0');
    expect(formatClock(-40)).toBe('0:00.0');
  });
});
