/** A caption narrates its step's moment; once the cluster has gone quiet it reads as past. */
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../support/TestCluster';
import { catalogText } from '../support/catalog';
import { captionView, QUIET_MS } from '../../src/sim/view/captionView';

describe('the caption of the ramped rollout', () => {
  it('is current while the rollout it describes runs, and past once the cluster is steady', () => {
    const c = TestCluster.load(catalogText('ramped')).advance('16s');
    const during = captionView(c.engine);
    expect(during?.text).toMatch(/surges one pod/);
    expect(during?.settledAt).toBeNull();
    c.advance('55s');
    const after = captionView(c.engine);
    expect(after?.text).toBe(during?.text);
    // The last change is the rollout's end, long before 0:55 where the issue saw it still current.
    expect(after?.settledAt).not.toBeNull();
    expect(after?.settledAt ?? Infinity).toBeLessThan(40_000);
    expect(after?.settledAt ?? 0).toBeGreaterThan(during?.at ?? Infinity);
  });

  it('stays current for QUIET_MS after the last change, then settles at that change', () => {
    const c = TestCluster.load(catalogText('ramped')).advance('60s');
    const settledAt = captionView(c.engine)?.settledAt ?? 0;
    const fresh = TestCluster.load(catalogText('ramped')).advance(settledAt + QUIET_MS - 1);
    expect(captionView(fresh.engine)?.settledAt).toBeNull();
    fresh.advance(1);
    expect(captionView(fresh.engine)?.settledAt).toBe(settledAt);
  });

  it('survives a rebuild from a checkpoint (the snapshot carries the moment)', () => {
    const c = TestCluster.load(catalogText('ramped')).advance('60s');
    const snap = c.engine.snapshot();
    const before = captionView(c.engine);
    const other = TestCluster.load(catalogText('ramped'));
    other.engine.restore(snap);
    expect(captionView(other.engine)).toEqual(before);
  });
});
