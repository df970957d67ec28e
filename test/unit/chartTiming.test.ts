/**
 * Chart points are taken at fixed simulated instants (every 500 ms) with the traffic of the
 * interval that ends there, so the charts of [0, t] are the same however a person moved time:
 * Play at 1× (a frame every 16 ms), Play at 100×, one big advance (a seek), or presses of Step.
 * And they are the runner's numbers: two chart points add up to the runner's sample of that
 * second (`npm run sim -- run <file>`), for every catalog scenario.
 */
import { describe, expect, it } from 'vitest';
import { Session, runScenario } from '../../src/sim';
import type { ChartPoint } from '../../src/sim/view/chartPoint';
import type { Sample } from '../../src/sim/runner/runResult';
import { catalogFiles, catalogText } from '../support/catalog';

/** Simulated ms every pattern reaches (20 s: the catalog's first rollouts are under way). */
const T = 20_000;

function load(file: string): Session {
  const s = Session.load(catalogText(file), file);
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  return s;
}

/** Every chart point the session sent, up to T. */
function drain(s: Session, into: ChartPoint[]): void {
  into.push(...s.frame().points);
}

type Pattern = (s: Session, out: ChartPoint[]) => void;

const patterns: Record<string, Pattern> = {
  'played at 1×': (s, out) => {
    for (let t = 16; t < T; t += 16) {
      s.advanceTo(t);
      drain(s, out);
    }
    s.advanceTo(T);
  },
  'played at 100×': (s, out) => {
    for (let t = 1600; t < T; t += 1600) {
      s.advanceTo(t);
      drain(s, out);
    }
    s.advanceTo(T);
  },
  'one big advance (a seek)': (s) => s.seek(T),
  'Step presses': (s, out) => {
    while (s.now < T) {
      s.step();
      drain(s, out);
    }
  },
};

function pointsBy(file: string, pattern: Pattern): ChartPoint[] {
  const s = load(file);
  const out: ChartPoint[] = [];
  pattern(s, out);
  drain(s, out);
  return out.filter((p) => p.t <= T);
}

/** The traffic part of two consecutive chart points, summed: what the runner samples per second. */
function perSecond(points: ChartPoint[]) {
  const out = [];
  for (let i = 1; i < points.length; i += 2) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const byImage: Record<string, number> = {};
    for (const p of [a, b])
      for (const [img, n] of Object.entries(p.servedByImage))
        byImage[img] = (byImage[img] ?? 0) + n;
    out.push({
      t: b.t / 1000,
      requests: a.requests + b.requests,
      errors: {
        'no-endpoints': a.errors['no-endpoints'] + b.errors['no-endpoints'],
        refused: a.errors.refused + b.errors.refused,
        'app-error': a.errors['app-error'] + b.errors['app-error'],
      },
      byImage,
    });
  }
  return out;
}

function runnerSeconds(file: string) {
  const r = runScenario(catalogText(file), file, { durationMs: T, sampleMs: 1000 });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.result.samples.map((s: Sample) => ({
    t: s.t,
    requests: s.traffic.requests,
    errors: s.traffic.errors,
    byImage: s.traffic.byImage,
  }));
}

/**
 * Every way of advancing, on scenarios that cover each kind of traffic path: plain Services
 * (rolling, recreate, blue/green), the mesh's weights and header matches, an autoscaler, a
 * client-side rolling-update and an Argo canary with analysis.
 */
const ALL_WAYS = [
  'ramped.yaml',
  'recreate.yaml',
  'blue-green.yaml',
  'canary-istio-weights.yaml',
  'ab-cookie.yaml',
  'hpa-rolling-update.yaml',
  'legacy-rolling-update.yaml',
  'argo-canary-analysis.yaml',
];

describe.each(ALL_WAYS)('Chart points of %s', (file) => {
  it('are the same played at 1× and 100×, seeked and stepped', () => {
    const reference = pointsBy(file, patterns['one big advance (a seek)']!);
    // Not vacuous: requests flowed in the window.
    expect(reference.some((p) => p.requests > 0)).toBe(true);
    for (const [name, pattern] of Object.entries(patterns))
      expect(pointsBy(file, pattern), name).toEqual(reference);
  }, 30_000);
});

describe.each(catalogFiles())('Chart points of %s', (file) => {
  it('are every 500 ms of [0, 20 s] and add up to the runner’s samples of each second', () => {
    const reference = pointsBy(file, patterns['one big advance (a seek)']!);
    expect(reference.map((p) => p.t)).toEqual(
      Array.from({ length: T / 500 }, (_, i) => (i + 1) * 500),
    );
    expect(perSecond(reference)).toEqual(runnerSeconds(file));
  }, 30_000);
});
