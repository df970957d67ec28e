/** The store over the real engine: frames, identity reuse, edits as kubectl, seeking back. */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Frame, FrameViews } from '../../src/sim/view/frame';
import { createTestSim } from '../support/simHarness';
import { nextImage, editCommand } from '../../src/store/edits';

describe('The simulation store', () => {
  it('shows the ramped scenario settled, then mid-rollout', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(10);
    const s = sim.store.getState();
    expect(s.info?.title).toContain('Ramped');
    expect(s.frame?.pods.filter((p) => p.status === 'Running' && p.ready)).toHaveLength(3);
    await sim.at(16);
    const rs = sim.store.getState().frame?.replicaSets ?? [];
    expect(rs.map((r) => r.desired)).toEqual([3, 1]);
    expect(sim.store.getState().frame?.deployments[0]?.decision?.text).toMatch(
      /4 pods allowed \(3 \+ 1 surge\), 3 exist → scaled up web-\w+ from 0 to 1/,
    );
  });

  it('keeps unchanged pod views identical between frames and replaces changed ones', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(15);
    const before = sim.store.getState().pods;
    await sim.at(16);
    const after = sim.store.getState().pods;
    let kept = 0;
    let replaced = 0;
    for (const [name, pod] of after) {
      const old = before.get(name);
      if (old && isDeepStrictEqual(old, pod)) {
        expect(pod, name).toBe(old);
        kept++;
      } else {
        expect(pod, name).not.toBe(old);
        replaced++;
      }
    }
    // Mid-rollout: some pods changed (a new one starts), the others did not.
    expect(kept).toBeGreaterThan(0);
    expect(replaced).toBeGreaterThan(0);
  });

  it('turns a slider edit into kubectl and starts over cleanly when seeking back', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    const r = await sim.store.getState().editDeployment('web', 'maxSurge', 2);
    expect(r.output).toBe('deployment.apps/web patched\n');
    expect(sim.store.getState().console.at(-1)?.line).toBe(
      `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":2}}}}'`,
    );
    await sim.at(30);
    expect(sim.store.getState().frame?.deployments[0]?.strategy.maxSurge).toBe(2);
    const epoch = sim.store.getState().epoch;
    await sim.at(2);
    const s = sim.store.getState();
    expect(s.epoch).toBe(epoch + 1);
    expect(s.events.every((e) => e.t <= 2)).toBe(true);
    // The edit at 5 s happens again when time passes it.
    await sim.at(30);
    expect(sim.store.getState().frame?.deployments[0]?.strategy.maxSurge).toBe(2);
  });

  it('deploys the next version of the image', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    const r = await sim.store.getState().deployNewVersion('web');
    expect(r?.output).toBe('deployment.apps/web image updated\n');
    await sim.at(8);
    expect(sim.store.getState().frame?.deployments[0]?.images).toEqual(['nginx:1.27']);
  });
});

describe('Edits', () => {
  it('name the next image version', () => {
    expect(nextImage('nginx:1.26')).toBe('nginx:1.27');
    expect(nextImage('app:v2')).toBe('app:v3');
    expect(nextImage('registry.example:5000/web:1.0')).toBe('registry.example:5000/web:1.1');
    expect(nextImage('web:latest')).toBe('web:latest-2');
    expect(nextImage('web')).toBe('web:2');
  });
  it('write percent strategy values as strings', () => {
    expect(editCommand('web', 'maxUnavailable', '50%')).toBe(
      `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxUnavailable":"50%"}}}}'`,
    );
    expect(editCommand('web', 'replicas', 5)).toBe('scale deployment/web --replicas=5');
  });
});

describe('Seeking', () => {
  it('lands on the same state from a checkpoint as by playing straight through', async () => {
    const straight = await createTestSim('canary');
    await straight.at(83.3);
    const jumped = await createTestSim('canary');
    await jumped.at(110);
    await jumped.at(83.3);
    const a = straight.store.getState();
    const b = jumped.store.getState();
    expect(b.frame?.pods).toEqual(a.frame?.pods);
    expect(b.frame?.replicaSets).toEqual(a.frame?.replicaSets);
    expect(b.events).toEqual(a.events);
    expect(b.history.length).toBe(a.history.length);
    expect(b.history.at(-1)).toEqual(a.history.at(-1));
  });

  it('measures the same rates just after a checkpoint as by playing straight through', async () => {
    // A checkpoint every 10 s: at 30.5 s only one rate window closed after it.
    const straight = await createTestSim('ab-cookie');
    await straight.play(30.5, 100);
    const jumped = await createTestSim('ab-cookie');
    await jumped.at(45);
    await jumped.at(30.5);
    const rates = straight.store.getState().frame?.rates;
    expect(rates?.route?.ms).toBe(10_000);
    expect(jumped.store.getState().frame?.rates).toEqual(rates);
  });
});

describe('The kubectl console', () => {
  it('keeps printing a watching rollout status until the rollout is done', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    await sim.store.getState().exec('set image deployment/web web=nginx:1.27');
    const r = await sim.store.getState().exec('rollout status deployment/web');
    expect(r.output).toBe('Waiting for deployment spec update to be observed...\n');
    await sim.at(30);
    const entry = sim.store.getState().console.at(-1);
    expect(entry?.line).toBe('rollout status deployment/web');
    expect(entry?.output.trimEnd().split('\n').at(-1)).toBe(
      'deployment "web" successfully rolled out',
    );
    expect(entry?.exitCode).toBe(0);
  });
});

describe('Frames in the store', () => {
  const lists: (keyof FrameViews)[] = [
    'pods',
    'replicaSets',
    'deployments',
    'services',
    'routes',
    'segments',
    'rollouts',
    'images',
  ];

  /** Consecutive frames of playing through a rollout in 250 ms frames. */
  async function framePairs(id: string, from: number, to: number): Promise<[Frame, Frame][]> {
    const sim = await createTestSim(id);
    await sim.at(from);
    const pairs: [Frame, Frame][] = [];
    for (let t = from + 0.25; t <= to; t += 0.25) {
      const before = sim.store.getState().frame!;
      await sim.at(t);
      pairs.push([before, sim.store.getState().frame!]);
    }
    return pairs;
  }

  const runs = Promise.all([
    framePairs('ramped', 14, 24),
    framePairs('ab-cookie', 14, 18),
    framePairs('argo-canary-istio', 18, 24),
  ]).then((all) => all.flat());

  // The simulation decides what changed; the store keeps the rest as the same objects without
  // looking at them again, so selectors can compare by identity.
  it.each(lists)(
    'keeps unchanged %s as the same objects, and an unchanged list as the same array',
    async (list) => {
      let keptLists = 0;
      for (const [a, b] of await runs) {
        const x = a[list] as unknown[];
        const y = b[list] as unknown[];
        if (isDeepStrictEqual(x, y)) {
          expect(y).toBe(x);
          if (y.length) keptLists++;
        }
        for (const item of y) {
          const old = x.find((o) => isDeepStrictEqual(o, item));
          if (old !== undefined && typeof item === 'object') expect(item).toBe(old);
        }
      }
      expect(keptLists).toBeGreaterThan(0);
    },
  );

  it('keeps the rates as the same object until a window of simulated time closes', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(20);
    const rates = sim.store.getState().frame!.rates;
    expect(rates.t).toBe(20_000);
    expect(rates.rps).toBeGreaterThan(0);
    await sim.at(20.2);
    expect(sim.store.getState().frame!.rates).toBe(rates);
    await sim.at(20.5);
    expect(sim.store.getState().frame!.rates).not.toBe(rates);
    expect(sim.store.getState().frame!.rates.t).toBe(20_500);
  });
});
