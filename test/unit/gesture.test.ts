/**
 * The session's side of "one action per drag": values applied during a gesture leave the
 * history when it ends (a seek back replays the released value only, even across a checkpoint
 * taken mid-drag), and every action is stamped at a whole millisecond.
 */
import { describe, expect, it } from 'vitest';
import { createTestSim } from '../support/simHarness';

async function ramped() {
  const sim = await createTestSim('ramped');
  const replicas = async () => {
    await sim.store.getState().pull();
    return sim.store.getState().frame?.deployments.find((d) => d.name === 'web')?.spec.replicas;
  };
  return { api: sim.api, replicas };
}

describe('A session', () => {
  it('records actions at whole milliseconds, the clock moved up to the next one', async () => {
    const { api } = await ramped();
    await api.seek(17148.199999999255);
    const r = await api.exec('scale deployment/web --replicas=5');
    expect(r.t).toBe(17149);
    expect(await api.actions()).toEqual([
      { t: 17149, kind: 'kubectl', line: 'scale deployment/web --replicas=5' },
    ]);
  });

  it('keeps only the last action of a gesture, and a seek back replays only that', async () => {
    const { api, replicas } = await ramped();
    await api.seek(9000);
    await api.beginGesture();
    await api.exec('scale deployment/web --replicas=4');
    // Playing on during the drag: a checkpoint is taken at 10 s with the first value applied.
    await api.seek(10_500);
    await api.exec('scale deployment/web --replicas=5');
    await api.seek(10_700);
    await api.exec('scale deployment/web --replicas=6');
    await api.endGesture();
    expect(await api.actions()).toEqual([
      { t: 10_700, kind: 'kubectl', line: 'scale deployment/web --replicas=6' },
    ]);
    // Back to before the release, then forward past it: only the released value happens.
    await api.seek(10_000);
    expect(await replicas()).toBe(3);
    await api.seek(12_000);
    expect(await replicas()).toBe(6);
  });

  it('leaves actions outside a gesture alone', async () => {
    const { api } = await ramped();
    await api.exec('scale deployment/web --replicas=4');
    await api.beginGesture();
    await api.setTraffic({ rps: 10 });
    await api.endGesture();
    await api.exec('scale deployment/web --replicas=5');
    expect((await api.actions()).map((a) => a.kind)).toEqual(['kubectl', 'traffic', 'kubectl']);
  });
});
