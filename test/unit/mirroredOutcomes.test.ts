/**
 * Mirrored outcomes (scenario-format.md §3): what the mirror target did with the copies the mesh
 * made, counted apart from what clients see. The identity every sample keeps:
 *
 *   mirrored = Σ mirroredByImage + mirroredErrors["no-endpoints"] + mirroredErrors.refused
 *   mirroredErrors["app-error"] ≤ Σ mirroredByImage
 *
 * (a copy either reached a pod, which answered ok or with an app error, or failed before one
 * answered).
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { runScenario } from '../../src/sim/runner/run';
import type { RunResult, Sample } from '../../src/sim/runner/runResult';
import { catalogText } from '../support/catalog';

type Json = Record<string, unknown>;
const FILE = 'shadow-mirror.yaml';
const V1 = 'registry.example/checkout:1.0';
const V2 = 'registry.example/checkout:2.0';
const SEEDS = [1, 2, 3, 7, 11];

function run(yaml: string, seed?: number): RunResult {
  const out = runScenario(yaml, FILE, seed === undefined ? {} : { seed });
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.result;
}

/** shadow-mirror.yaml with its Scenario's steps edited. */
function edited(edit: (steps: Json[]) => void): string {
  const docs = parseAllDocuments(catalogText(FILE)).map((d) => d.toJS() as Json);
  const scenario = docs.find((d) => d.kind === 'Scenario') as { spec: { steps: Json[] } };
  edit(scenario.spec.steps);
  return docs.map((d) => stringify(d)).join('---\n');
}

interface Mirror {
  mirrored: number;
  byImage: Record<string, number>;
  noEndpoints: number;
  refused: number;
  appError: number;
}

function mirrorTotals(samples: readonly Sample[], from = 0, to = Infinity): Mirror {
  const m: Mirror = { mirrored: 0, byImage: {}, noEndpoints: 0, refused: 0, appError: 0 };
  for (const s of samples) {
    if (s.t <= from || s.t > to) continue;
    const t = s.traffic;
    m.mirrored += t.mirrored;
    for (const [img, n] of Object.entries(t.mirroredByImage))
      m.byImage[img] = (m.byImage[img] ?? 0) + n;
    m.noEndpoints += t.mirroredErrors['no-endpoints'];
    m.refused += t.mirroredErrors.refused;
    m.appError += t.mirroredErrors['app-error'];
  }
  return m;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

function expectIdentity(samples: readonly Sample[]): void {
  for (const s of samples) {
    const t = s.traffic;
    const reached = sum(t.mirroredByImage);
    expect(t.mirrored, `t=${s.t}`).toBe(
      reached + t.mirroredErrors['no-endpoints'] + t.mirroredErrors.refused,
    );
    expect(t.mirroredErrors['app-error']).toBeLessThanOrEqual(reached);
  }
}

describe('shadow-mirror: the copies v2 fails', () => {
  it.each(SEEDS)('seed %i: v2 fails about a quarter of its copies; clients see none', (seed) => {
    const r = run(catalogText(FILE), seed);
    expectIdentity(r.samples);
    const m = mirrorTotals(r.samples);
    // Every copy reached v2 (ready from 14 s, mirrored from 25 s): none refused or unrouted.
    expect(m.mirrored).toBeGreaterThan(2500);
    expect(m.byImage).toEqual({ [V2]: m.mirrored });
    expect(m.noEndpoints + m.refused).toBe(0);
    // Binomial(n, 0.25): within four standard deviations.
    const sd = Math.sqrt(m.mirrored * 0.25 * 0.75);
    expect(Math.abs(m.appError - m.mirrored * 0.25)).toBeLessThan(4 * sd);
    // The clients: every request answered by v1, no error, no v2 in byImage.
    const clientErrors = r.samples.reduce(
      (n, s) => n + s.traffic.errors['app-error'] + s.traffic.errors.refused,
      0,
    );
    expect(clientErrors).toBe(0);
    expect(r.summary.errors).toBe(0);
    for (const s of r.samples) expect(Object.keys(s.traffic.byImage)).not.toContain(V2);
    expect(r.samples.some((s) => (s.traffic.byImage[V1] ?? 0) > 0)).toBe(true);
  });

  it('mirrors nothing before the mirror route exists', () => {
    const m = mirrorTotals(run(catalogText(FILE)).samples, 0, 25);
    expect(m).toEqual({ mirrored: 0, byImage: {}, noEndpoints: 0, refused: 0, appError: 0 });
  });

  it('counts copies to a subset with no ready pod as no-endpoints', () => {
    // v2 is never deployed: the mirror's subset selects nothing.
    const yaml = edited((steps) => {
      steps.splice(0, 1);
    });
    for (const seed of SEEDS.slice(0, 3)) {
      const r = run(yaml, seed);
      expectIdentity(r.samples);
      const m = mirrorTotals(r.samples);
      expect(m.mirrored).toBeGreaterThan(2500);
      expect(m.noEndpoints).toBe(m.mirrored);
      expect(m.byImage).toEqual({});
      expect(r.summary.errors).toBe(0);
    }
  });

  it('counts copies refused by a Ready pod whose app does not listen yet', () => {
    // v2 without a readiness probe, deployed with the mirror: its pods are Ready (endpoints) as
    // soon as they run, but the app listens only 2 s later, so the first copies are refused.
    const yaml = edited((steps) => {
      const deploy = steps[0] as { at: string; apply: { spec: Json } };
      const pod = (deploy.apply.spec.template as { spec: { containers: Json[] } }).spec;
      delete pod.containers[0]!.readinessProbe;
      deploy.at = '25s';
    });
    for (const seed of SEEDS.slice(0, 3)) {
      const r = run(yaml, seed);
      expectIdentity(r.samples);
      const early = mirrorTotals(r.samples, 25, 30);
      expect(early.refused).toBeGreaterThan(0);
      const late = mirrorTotals(r.samples, 40, 100);
      expect(late.refused + late.noEndpoints).toBe(0);
      expect(late.byImage[V2]).toBe(late.mirrored);
      expect(r.summary.errors).toBe(0);
    }
  });
});
