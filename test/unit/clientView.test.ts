/**
 * The frame's view of a running `kubectl rolling-update`: what it says it will do next is what
 * the client then does, and what an interrupted one leaves is what `kubectl get rc` shows.
 */
import { describe, expect, it } from 'vitest';
import { createTestSim } from '../support/simHarness';
import type { Frame } from '../../src/sim/view/frame';

const frameAt = async (id: string, seconds: number): Promise<Frame> => {
  const sim = await createTestSim(id);
  await sim.at(seconds);
  return sim.store.getState().frame!;
};

describe('While kubectl rolling-update sleeps its --update-period', () => {
  it('names the controller it scales down next, to what, and when it wakes', async () => {
    const f = await frameAt('legacy-rolling-update', 16);
    const [client] = f.clients;
    expect(client).toMatchObject({
      status: 'running',
      updatePeriod: '10s',
      pollInterval: '3s',
      sleeping: true,
      next: { rc: 'frontend', from: 3, to: 2, direction: 'down' },
      wakeAt: 23_000,
    });
    expect(client?.doing).toMatch(/^sleeping 10s \(--update-period\)/);
  });

  it('does at its wake-up what it said it would', async () => {
    const sim = await createTestSim('legacy-rolling-update');
    await sim.at(16);
    const promised = sim.store.getState().frame!.clients[0]!;
    await sim.at(promised.wakeAt! / 1000 + 0.5);
    const rc = sim.store.getState().frame!.replicaSets.find((r) => r.name === promised.next!.rc);
    expect(rc?.desired).toBe(promised.next!.to);
  });
});

describe('After Ctrl-C', () => {
  it('says the controllers stay mid-way and nothing will finish the update', async () => {
    const f = await frameAt('legacy-rolling-update-interrupted', 60);
    const [client] = f.clients;
    expect(client?.status).toBe('interrupted');
    expect(client?.exitCode).toBe(130);
    expect(client?.next).toBeNull();
    expect(client?.left).toMatch(
      /^interrupted: frontend at 2, frontend-[0-9a-f]{32} at 2 — nothing will finish this$/,
    );
  });
});

describe('The text view tables', () => {
  it('hold the ReplicationControllers and Services as kubectl get prints them', async () => {
    const f = await frameAt('legacy-rolling-update-interrupted', 60);
    const rc = f.objects.find((t) => t.kind === 'ReplicationController');
    expect(rc?.headers).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    expect(rc?.rows.map((r) => r.slice(0, 4))).toEqual([
      ['frontend', '2', '2', '2'],
      [expect.stringMatching(/^frontend-/), '2', '2', '2'],
    ]);
    expect(f.objects.map((t) => t.kind)).toEqual(['ReplicationController', 'Service']);
  });
});
