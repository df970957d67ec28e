/**
 * The bounds chart's data, over every catalog scenario played to its end: each workload's
 * counted pods (active pods of its ReplicaSets, as the controller counts them) never exceed the
 * upper bound plotted for it, at any chart point. Terminating pods are reported apart — added
 * to the count, they do exceed it (ramped: 5 against 4), which is why they are not counted.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/sim/session/session';
import type { ChartPoint } from '../../src/sim/view/chartPoint';
import { catalogFiles, catalogText } from '../support/catalog';

function playToEnd(file: string): ChartPoint[] {
  const s = Session.load(catalogText(file), file);
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  s.advanceTo(s.scenario.duration);
  return s.frame().points;
}

const cache = new Map<string, ChartPoint[]>();
const pointsOf = (file: string) => {
  let p = cache.get(file);
  if (!p) cache.set(file, (p = playToEnd(file)));
  return p;
};

describe('Counted pods against each workload’s upper bound', { timeout: 60_000 }, () => {
  it.each(catalogFiles())('%s: never above it at any chart point', (file) => {
    const points = pointsOf(file);
    expect(points.length).toBeGreaterThan(0);
    const over: string[] = [];
    for (const p of points)
      for (const w of p.workloads)
        if (w.maxPods !== null && w.pods > w.maxPods)
          over.push(`${w.key} at ${p.t / 1000} s: ${w.pods} pods against ${w.maxPods}`);
    expect(over).toEqual([]);
  });
});

describe('Terminating pods', { timeout: 60_000 }, () => {
  it('ramped: would rise above replicas + maxSurge if they were counted (5 against 4)', () => {
    const points = pointsOf('ramped.yaml');
    const peak = Math.max(
      ...points.map((p) => {
        const w = p.workloads.find((x) => x.key === 'Deployment/web')!;
        return w.pods + w.terminating;
      }),
    );
    expect(peak).toBe(5);
    expect(Math.max(...points.map((p) => p.workloads[0]!.pods))).toBe(4);
    expect(points.every((p) => p.workloads[0]!.maxPods === 4)).toBe(true);
  });

  it('big-fleet: 330 counted at most, while up to 390 exist', () => {
    const points = pointsOf('big-fleet.yaml');
    const w = (p: ChartPoint) => p.workloads[0]!;
    expect(Math.max(...points.map((p) => w(p).pods))).toBeLessThanOrEqual(330);
    expect(Math.max(...points.map((p) => w(p).pods + w(p).terminating))).toBeGreaterThan(330);
  });
});

describe('Two Deployments (blue-green)', { timeout: 60_000 }, () => {
  it('each has its own bounds, and its own pods', () => {
    const points = pointsOf('blue-green.yaml');
    const at = (s: number) => points.find((p) => p.t === s * 1000)!;
    expect(at(5).workloads.map((w) => w.key)).toEqual(['Deployment/web-blue']);
    const mid = at(40).workloads;
    expect(mid.map((w) => [w.key, w.pods, w.maxPods, w.minAvailable])).toEqual([
      ['Deployment/web-blue', 3, 4, 3],
      ['Deployment/web-green', 3, 4, 3],
    ]);
    // At 60 s blue is scaled to zero. Its controller acts 5 ms later: until then the bound in
    // force is the one it last acted on (replicas 3 → 4), then it is 0 and blue counts no pod.
    const blue = (s: number) => at(s).workloads[0]!;
    expect([blue(60).pods, blue(60).maxPods]).toEqual([3, 4]);
    expect([blue(60.5).pods, blue(60.5).terminating, blue(60.5).maxPods]).toEqual([0, 3, 0]);
    const end = at(80).workloads;
    expect(end.map((w) => [w.key, w.pods, w.maxPods])).toEqual([
      ['Deployment/web-blue', 0, 0],
      ['Deployment/web-green', 3, 4],
    ]);
  });
});

describe('Rules without a surge bound', { timeout: 60_000 }, () => {
  it('recreate: replicas and 0', () => {
    const w = pointsOf('recreate.yaml').at(-1)!.workloads[0]!;
    expect([w.rule, w.maxPods, w.minAvailable]).toEqual(['recreate', w.replicas, 0]);
  });

  it('Argo blue/green and a routed canary plot no bound; a basic canary plots its own', () => {
    const rule = (file: string) =>
      pointsOf(file)
        .at(-1)!
        .workloads.map((w) => [w.rule, w.maxPods === null]);
    expect(rule('argo-blue-green.yaml')).toEqual([['blueGreen', true]]);
    expect(rule('argo-canary-istio.yaml')).toEqual([['routed-canary', true]]);
    expect(rule('argo-canary-demo.yaml')).toEqual([['canary', false]]);
  });

  it('legacy rolling-update: the ReplicationControllers, without bounds', () => {
    const w = pointsOf('legacy-rolling-update.yaml').at(-1)!.workloads;
    expect(w.map((x) => [x.key, x.rule, x.maxPods])).toEqual([
      ['ReplicationController', 'none', null],
    ]);
  });
});
