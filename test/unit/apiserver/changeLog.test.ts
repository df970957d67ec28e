import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../src/sim/apiserver/changeLog';

const change = (rv: number) => ({
  rv,
  type: 'ADDED' as const,
  kind: 'Pod' as const,
  obj: {},
  old: undefined,
});

describe('the watch cache change log', () => {
  it('gives every change after a resourceVersion, oldest first', () => {
    const log = new ChangeLog(10, 4);
    for (const rv of [5, 6, 7]) log.push(change(rv));
    expect(log.since(5)).toEqual([change(6), change(7)]);
    expect(log.since(4)).toHaveLength(3);
    expect(log.since(7)).toEqual([]);
  });

  it('keeps at most its capacity and calls older versions too old, as the watch cache does', () => {
    const log = new ChangeLog(3, 0);
    for (let rv = 1; rv <= 100; rv++) log.push(change(rv));
    expect(log.size).toBe(3);
    expect(log.since(97)).toHaveLength(3);
    expect(log.since(96)).toEqual({ expired: 'too old resource version: 96 (97)' });
  });
});
