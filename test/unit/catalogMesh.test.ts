/**
 * The catalog scenarios for Istio traffic management and the HPA (canary-istio-weights,
 * ab-user-agent, ab-cookie, shadow-mirror, hpa-rolling-update), run as the headless runner runs
 * them: each shows what its title and captions say, in the runner's JSON (scenario-format.md §2).
 */
import { expectContract } from '../support/runContract';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { runScenario, type RunOptions } from '../../src/sim/runner/run';
import type { RunResult, Sample } from '../../src/sim/runner/runResult';
import type { RequestSample } from '../../src/sim/traffic/generator';
import { TestCluster } from '../support/TestCluster';
import { catalogFiles, catalogPath, catalogText } from '../support/catalog';
const NEW_FILES = [
  'canary-istio-weights.yaml',
  'ab-user-agent.yaml',
  'ab-cookie.yaml',
  'shadow-mirror.yaml',
  'hpa-rolling-update.yaml',
];

function runText(yaml: string, file: string, opts: RunOptions = {}): RunResult {
  const out = runScenario(yaml, file, opts);
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.result;
}

const run = (file: string, opts: RunOptions = {}): RunResult =>
  runText(catalogText(file), file, opts);

type Json = Record<string, unknown>;

/** The file with its Scenario document changed by `edit` (other documents untouched). */
function editScenario(file: string, edit: (spec: Json) => void): string {
  const docs = parseAllDocuments(catalogText(file)).map((d) => d.toJS() as Json);
  const scenario = docs.find((d) => d.kind === 'Scenario');
  if (!scenario) throw new Error(`${file} has no Scenario document`);
  edit(scenario.spec as Json);
  return docs.map((d) => stringify(d)).join('---\n');
}

function stepsOf(file: string): Json[] {
  const docs = parseAllDocuments(catalogText(file)).map((d) => d.toJS() as Json);
  const spec = docs.find((d) => d.kind === 'Scenario')?.spec as Json | undefined;
  return (spec?.steps ?? []) as Json[];
}

interface Totals {
  requests: number;
  ok: number;
  errors: number;
  mirrored: number;
  byImage: Record<string, number>;
}

/** Traffic of the samples whose interval ends in (from, to]. */
function totals(samples: readonly Sample[], from: number, to: number): Totals {
  const t: Totals = { requests: 0, ok: 0, errors: 0, mirrored: 0, byImage: {} };
  for (const s of samples) {
    if (s.t <= from || s.t > to) continue;
    t.requests += s.traffic.requests;
    t.ok += s.traffic.ok;
    t.errors += Object.values(s.traffic.errors).reduce((a, b) => a + b, 0);
    t.mirrored += s.traffic.mirrored;
    for (const [image, n] of Object.entries(s.traffic.byImage))
      t.byImage[image] = (t.byImage[image] ?? 0) + n;
  }
  return t;
}

/** 4 standard deviations of a binomial(n, p) share: |p̂ − p| ≤ 4·sqrt(p(1−p)/n). */
function expectBinomial(k: number, n: number, p: number): void {
  expect(n).toBeGreaterThan(0);
  const bound = 4 * Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(k / n - p)).toBeLessThanOrEqual(bound);
}

const image = (t: Totals, name: string): number => t.byImage[name] ?? 0;

/**
 * Request samples the engine keeps for the stage (client segment, pod), gathered while time
 * moves from `fromMs` to `toMs` in small steps (the engine keeps only the latest few hundred).
 */
function requestSamples(yaml: string, fromMs: number, toMs: number): [RequestSample, string][] {
  const c = TestCluster.load(yaml).advance(fromMs);
  const seen = new Set<RequestSample>(c.recentRequests());
  const out: [RequestSample, string][] = [];
  for (let t = fromMs; t < toMs; t += 250) {
    c.advance(250);
    for (const r of c.recentRequests()) {
      if (seen.has(r)) continue;
      seen.add(r);
      if (!r.pod) continue;
      const pod = c.pod(r.pod);
      out.push([r, pod?.metadata?.labels?.version ?? '?']);
    }
  }
  return out;
}

describe('Every catalog scenario', () => {
  it('captions every step', () => {
    const missing: string[] = [];
    for (const file of catalogFiles()) {
      for (const step of stepsOf(file)) {
        const caption = step.caption;
        if (typeof caption === 'string' && caption.trim().length > 0) continue;
        const what =
          typeof step.kubectl === 'string'
            ? step.kubectl
            : step.apply
              ? 'apply'
              : step.traffic
                ? 'traffic'
                : '?';
        missing.push(`${file} at ${String(step.at)}: ${what}`);
      }
    }
    expect(missing).toEqual([]);
    expect(missing.filter((m) => NEW_FILES.some((f) => m.startsWith(f)))).toEqual([]);
  });

  it.each(NEW_FILES)('%s has a title, a description, a seed and steps', (file) => {
    const docs = parseAllDocuments(catalogText(file)).map((d) => d.toJS() as Json);
    const scenario = docs.find((d) => d.kind === 'Scenario') as Json;
    const meta = scenario.metadata as { name: string; annotations: Record<string, string> };
    expect(meta.name).toBe(file.replace('.yaml', ''));
    expect(meta.annotations['rolloutlab.dev/title']?.length).toBeGreaterThan(10);
    expect(meta.annotations['rolloutlab.dev/description']?.length).toBeGreaterThan(80);
    const spec = scenario.spec as Json;
    expect(spec.seed).toBe(1);
    expect(stepsOf(file).length).toBeGreaterThan(0);
    const index = JSON.parse(readFileSync(catalogPath('index.json'), 'utf8')) as Json[];
    expect(index).toContainEqual({
      id: meta.name,
      title: meta.annotations['rolloutlab.dev/title'],
      description: meta.annotations['rolloutlab.dev/description'],
    });
  });
});

describe.each(NEW_FILES)('The runner JSON for %s', (file) => {
  it('is what runScenario returns and carries every contract field in every sample', () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/sim.mjs', `public/scenarios/${file}`, '--format', 'json'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as RunResult;
    expect(doc).toEqual(JSON.parse(JSON.stringify(run(file))));

    expectContract(doc);
    expect(doc.scenario).toBe(file.replace('.yaml', ''));
    expect(doc.samples).toHaveLength(doc.duration);
    for (const s of doc.samples) expect(s.rollouts).toEqual([]);
    // Small enough for the browser tests.
    expect(doc.summary.peakPods).toBeLessThanOrEqual(10);
    expect(doc.commands.filter((c) => c.exitCode !== 0)).toEqual([]);
  });
});

describe('canary-istio-weights: a canary by VirtualService weights', () => {
  const r = run('canary-istio-weights.yaml');
  const v1 = 'nginx:1.26';
  const v2 = 'nginx:1.27';

  it('sends nothing to v2 before the weights change, though v2’s pods are ready endpoints', () => {
    const before = totals(r.samples, 0, 25);
    expect(before.requests).toBeGreaterThan(1500);
    expect(image(before, v2)).toBe(0);
    const at20 = r.samples.find((s) => s.t === 20);
    expect(at20?.endpoints).toEqual({ web: 6 });
    expect(at20?.deployments.map((d) => [d.name, d.ready])).toEqual([
      ['web-v1', 3],
      ['web-v2', 3],
    ]);
  });

  it.each([
    { weight: 10, from: 25, to: 55 },
    { weight: 50, from: 55, to: 85 },
  ])(
    'splits $weight% to v2 within binomial bounds, over the phase and every 5 s of it',
    ({ weight, from, to }) => {
      const p = weight / 100;
      // One second for the new weights to settle.
      const phase = totals(r.samples, from + 1, to);
      expect(phase.requests).toBeGreaterThan(2500);
      expect(phase.errors).toBe(0);
      expect(image(phase, v1) + image(phase, v2)).toBe(phase.requests);
      expectBinomial(image(phase, v2), phase.requests, p);
      for (let t = from + 1; t < to; t += 5) {
        const w = totals(r.samples, t, Math.min(t + 5, to));
        expectBinomial(image(w, v2), w.requests, p);
      }
    },
  );

  it('splits by weight, not by replicas: 10% while v2 holds half the endpoints', () => {
    const phase = totals(r.samples, 26, 55);
    // Endpoint-proportional balancing would give 50%; 10% ± 4σ excludes it by far.
    expect(image(phase, v2) / phase.requests).toBeLessThan(0.15);
  });

  it('sends every request to v2 at 0/100, then scales v1 to zero without a single error', () => {
    const promoted = totals(r.samples, 85, 130);
    expect(promoted.requests).toBeGreaterThan(4000);
    expect(image(promoted, v1)).toBe(0);
    expect(image(promoted, v2)).toBe(promoted.requests);
    const last = r.samples.at(-1);
    expect(last?.deployments.map((d) => [d.name, d.desired, d.current])).toEqual([
      ['web-v1', 0, 0],
      ['web-v2', 3, 3],
    ]);
    expect(last?.endpoints).toEqual({ web: 3 });
    expect(last?.pods.total).toBe(3);
    expect(r.summary.errors).toBe(0);
    expect(r.summary.downtimeSeconds).toBe(0);
    expect(r.commands.map((c) => [c.t, c.command, c.exitCode])).toEqual([
      [105, 'scale deployment/web-v1 --replicas=0', 0],
    ]);
    expect(totals(r.samples, 0, 130).mirrored).toBe(0);
  });
});

describe('ab-user-agent: A/B by user-agent', () => {
  const file = 'ab-user-agent.yaml';
  const r = run(file);
  const v1 = 'registry.example/storefront:1.8';
  const v2 = 'registry.example/storefront:2.0';

  it('serves everyone v1 until the match route exists', () => {
    const before = totals(r.samples, 0, 25);
    expect(before.requests).toBeGreaterThan(1500);
    expect(image(before, v2)).toBe(0);
  });

  it('sends the phones’ share (25% iPhone + 15% Android) to v2, at 100 and 200 req/s', () => {
    for (const [from, to] of [
      [26, 60],
      [61, 90],
    ] as const) {
      const w = totals(r.samples, from, to);
      expect(w.errors).toBe(0);
      expect(image(w, v1) + image(w, v2)).toBe(w.requests);
      expectBinomial(image(w, v2), w.requests, 0.4);
    }
    expect(totals(r.samples, 61, 90).requests).toBeGreaterThan(
      1.8 * totals(r.samples, 31, 60).requests,
    );
  });

  it('routes each request by its client’s user-agent: phones to v2, desktops to v1', () => {
    const got = requestSamples(catalogText(file), 26_000, 60_000);
    const bySegment = (s: number) => got.filter(([q]) => q.segment === s).map(([, v]) => v);
    for (const s of [0, 1]) {
      expect(bySegment(s).length).toBeGreaterThan(100);
      expect(new Set(bySegment(s))).toEqual(new Set(['v2']));
    }
    expect(bySegment(2).length).toBeGreaterThan(100);
    expect(new Set(bySegment(2))).toEqual(new Set(['v1']));
  });

  it.each([
    { who: 'only iPhones', segment: 0, want: 'v2' },
    { who: 'only Android phones', segment: 1, want: 'v2' },
    { who: 'only desktops', segment: 2, want: 'v1' },
  ])('with $who, every request after the switch reaches $want', ({ segment, want }) => {
    const yaml = editScenario(file, (spec) => {
      const traffic = spec.traffic as { segments: Json[] };
      traffic.segments = [{ ...traffic.segments[segment], share: 1 }];
    });
    const w = totals(runText(yaml, file).samples, 26, 90);
    expect(w.requests).toBeGreaterThan(8000);
    expect(image(w, want === 'v2' ? v2 : v1)).toBe(w.requests);
    expect(image(w, want === 'v2' ? v1 : v2)).toBe(0);
  });
});

describe('ab-cookie: A/B by cookie', () => {
  const file = 'ab-cookie.yaml';
  const r = run(file);
  const v1 = 'registry.example/web:3.1';
  const v2 = 'registry.example/web:3.2-beta';

  it('sends the beta group’s share to v2: none before the match, 20%, then 40%', () => {
    expect(image(totals(r.samples, 0, 15), v2)).toBe(0);
    const first = totals(r.samples, 16, 60);
    const second = totals(r.samples, 61, 100);
    expectBinomial(image(first, v2), first.requests, 0.2);
    expectBinomial(image(second, v2), second.requests, 0.4);
    expect(r.summary.errors).toBe(0);
    expect(r.samples.at(-1)?.endpoints).toEqual({ web: 5 });
  });

  it('routes each request by its client’s cookie: beta to v2, control and no cookie to v1', () => {
    const got = requestSamples(catalogText(file), 16_000, 50_000);
    const bySegment = (s: number) => got.filter(([q]) => q.segment === s).map(([, v]) => v);
    expect(bySegment(0).length).toBeGreaterThan(50);
    expect(new Set(bySegment(0))).toEqual(new Set(['v2']));
    for (const s of [1, 2]) {
      expect(bySegment(s).length).toBeGreaterThan(50);
      expect(new Set(bySegment(s))).toEqual(new Set(['v1']));
    }
  });

  const withCookie = (cookie: string | null) =>
    editScenario(file, (spec) => {
      (spec.traffic as Json).segments = [{ share: 1, headers: cookie ? { cookie } : {} }];
      // Keep the match step and the scale step; drop the later change of segments.
      spec.steps = (spec.steps as Json[]).filter((s) => !s.traffic);
    });

  it.each([
    { cookie: 'group=beta', want: 'v2' },
    { cookie: 'group=beta; theme=dark', want: 'v2' },
    { cookie: 'session=8f3a2c;group=beta', want: 'v2' },
    { cookie: 'session=8f3a2c; group=control', want: 'v1' },
    { cookie: 'group=beta2', want: 'v1' },
    // The documented regex wants group=beta right after a `;`: browsers write "; " between
    // cookies, so a beta cookie that is not first does not match (Envoy: RE2, whole value).
    { cookie: 'session=8f3a2c; group=beta', want: 'v1' },
    { cookie: null, want: 'v1' },
  ])('a client sending cookie $cookie is routed to $want', ({ cookie, want }) => {
    const w = totals(runText(withCookie(cookie), file).samples, 16, 100);
    expect(w.requests).toBeGreaterThan(6000);
    expect(image(w, want === 'v2' ? v2 : v1)).toBe(w.requests);
  });
});

describe('shadow-mirror: mirroring to a flaky v2', () => {
  const file = 'shadow-mirror.yaml';
  const r = run(file);
  const v2 = 'registry.example/checkout:2.0';

  it('mirrors nothing before the mirror route, every request at 100%, about half at 50%', () => {
    expect(totals(r.samples, 0, 25).mirrored).toBe(0);
    const full = r.samples.filter((s) => s.t > 26 && s.t < 60);
    expect(full.length).toBeGreaterThan(30);
    for (const s of full) expect(s.traffic.mirrored).toBe(s.traffic.requests);
    const half = totals(r.samples, 61, 100);
    expect(half.mirrored).toBeGreaterThan(0);
    expectBinomial(half.mirrored, half.requests, 0.5);
    for (const s of r.samples.filter((x) => x.t > 61))
      expect(s.traffic.mirrored).toBeLessThanOrEqual(s.traffic.requests);
  });

  it('never counts a mirrored copy as a request, success, error or v2 response', () => {
    const all = totals(r.samples, 0, 100);
    expect(all.mirrored).toBeGreaterThan(2500);
    expect(all.byImage[v2]).toBeUndefined();
    expect(all.ok).toBe(all.requests);
    expect(all.errors).toBe(0);
    expect(r.summary.requests).toBe(all.requests);
    expect(r.summary.errors).toBe(0);
    // v2 was up the whole time, ready to take the copies.
    for (const s of r.samples.filter((x) => x.t >= 20)) {
      expect(s.deployments.find((d) => d.name === 'checkout-v2')?.ready).toBe(2);
      expect(s.endpoints).toEqual({ checkout: 5 });
    }
  });

  it('has a v2 that really fails a quarter of what it serves when it takes live traffic', () => {
    // The same file with the mirror replaced by a live route to v2.
    const yaml = editScenario(file, (spec) => {
      for (const step of spec.steps as Json[]) {
        const vs = step.apply as { kind: string; spec: { http: Json[] } } | undefined;
        if (vs?.kind !== 'VirtualService') continue;
        vs.spec.http = [{ route: [{ destination: { host: 'checkout', subset: 'v2' } }] }];
      }
    });
    const live = runText(yaml, file);
    const w = totals(live.samples, 26, 100);
    expect(w.mirrored).toBe(0);
    expect(image(w, v2)).toBe(w.requests);
    const appErrors = live.samples
      .filter((s) => s.t > 26)
      .reduce((n, s) => n + s.traffic.errors['app-error'], 0);
    expectBinomial(appErrors, w.requests, 0.25);
  });
});

describe('hpa-rolling-update: the HPA scales a Deployment mid-rollout', () => {
  const r = run('hpa-rolling-update.yaml', { sampleMs: 100 });
  const web = (s: Sample) => {
    const d = s.deployments.find((x) => x.name === 'web');
    if (!d) throw new Error(`no deployment web at ${s.t}`);
    return d;
  };
  const rescales = r.events.filter((e) => e.reason === 'SuccessfulRescale');
  const done = r.samples.find(
    (s) =>
      s.t > 25 &&
      web(s).updated === web(s).desired &&
      web(s).available === web(s).desired &&
      web(s).current === web(s).desired,
  );

  it('completes the rollout: every pod on 1.27, at the size the load needs', () => {
    expect(done).toBeDefined();
    expect(r.summary.rolloutSeconds).not.toBeNull();
    expect(25 + (r.summary.rolloutSeconds ?? 0)).toBeCloseTo(done?.t ?? 0, 0);
    const last = r.samples.at(-1) as Sample;
    expect(web(last)).toMatchObject({
      desired: 8,
      current: 8,
      updated: 8,
      ready: 8,
      available: 8,
      images: ['nginx:1.27'],
      revision: 2,
    });
    expect(web(last).conditions).toContainEqual({
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
    expect(last.replicaSets.map((rs) => [rs.images[0], rs.desired, rs.current])).toEqual(
      expect.arrayContaining([
        ['nginx:1.26', 0, 0],
        ['nginx:1.27', 8, 8],
      ]),
    );
    expect(r.summary.errors).toBe(0);
    expect(r.summary.downtimeSeconds).toBe(0);
  });

  it('raises the desired count during the rollout: 2 → 4 → 5 → 7 → 8', () => {
    expect(rescales.map((e) => e.message)).toEqual(
      [4, 5, 7, 8].map(
        (n) =>
          `New size: ${n}; reason: cpu resource utilization (percentage of request) above target`,
      ),
    );
    for (const e of rescales) {
      expect(e.t).toBeGreaterThan(25);
      expect(e.t).toBeLessThan(done?.t ?? 0);
    }
    const during = r.samples
      .filter((s) => s.t > 25 && s.t <= (done?.t ?? 0))
      .map((s) => s.autoscalers[0]?.desired ?? 0);
    const distinct = during.filter((d, i) => i === 0 || d !== during[i - 1]);
    expect(distinct).toEqual([2, 4, 5, 7, 8]);
    // The Deployment follows every recommendation.
    for (const s of r.samples.filter((x) => x.autoscalers[0]?.desired))
      expect(web(s).desired).toBe(s.autoscalers[0]?.desired);
  });

  it('resolves 25% / 0 against each new size and never runs more than replicas + maxSurge pods', () => {
    for (const s of r.samples) {
      const d = web(s);
      expect(d.strategy).toEqual({
        type: 'RollingUpdate',
        maxSurge: Math.ceil(d.desired * 0.25),
        maxUnavailable: 0,
      });
      expect(d.current).toBeLessThanOrEqual(d.desired + d.strategy.maxSurge);
      const owned = s.replicaSets.filter((rs) => rs.owner === 'Deployment/web');
      expect(owned.reduce((n, rs) => n + rs.current, 0)).toBe(d.current);
    }
    // The surge is used: at some point the Deployment runs exactly replicas + maxSurge pods.
    expect(
      r.samples.some(
        (s) => s.t > 25 && web(s).current === web(s).desired + web(s).strategy.maxSurge,
      ),
    ).toBe(true);
    expect(r.summary.peakPodsPerDeployment.web).toBe(10);
  });

  it('never loses an available pod (maxUnavailable 0), and the HPA settles near its 50% target', () => {
    let available = 0;
    for (const s of r.samples) {
      expect(web(s).available).toBeGreaterThanOrEqual(available);
      available = web(s).available;
    }
    const hpa = r.samples.at(-1)?.autoscalers[0];
    expect(hpa).toMatchObject({
      name: 'web',
      target: 'Deployment/web',
      min: 2,
      max: 10,
      current: 8,
      desired: 8,
    });
    expect(hpa?.metric.target).toBe(50);
    // Within the HPA's 10% tolerance: no further rescale.
    expect(hpa?.metric.current).toBeGreaterThanOrEqual(40);
    expect(hpa?.metric.current).toBeLessThanOrEqual(55);
  });
});
