/**
 * The frame's traffic rules: VirtualService routes, their splits measured over fixed windows of
 * simulated time, segments, selector switches.
 */
import { describe, expect, it } from 'vitest';
import { createTestSim, type TestSim } from '../support/simHarness';
import { deployment, mesh as meshOf } from '../support/meshScenario';
import type { Frame } from '../../src/sim/view/frame';
import { ROUTE_WINDOW_MS } from '../../src/sim/view/rateWindows';
import { matchText, segmentLabel, segmentViews } from '../../src/sim/view/segmentView';

/** The shared mesh cluster with a third subset, v3, that no pod carries yet. */
const mesh = (http: string, traffic: string, extra = ''): string =>
  meshOf(http, traffic, extra, ['v1', 'v2', 'v3']);

/** A store over `yaml` at `fromS` seconds, then every frame of playing to `toS` in `stepMs` frames. */
async function frames(yaml: string, fromS: number, toS: number, stepMs = 100): Promise<Frame[]> {
  const sim: TestSim = await createTestSim(yaml);
  await sim.at(fromS);
  const out: Frame[] = [];
  for (let t = fromS * 1000 + stepMs; t <= toS * 1000; t += stepMs) {
    await sim.at(t / 1000);
    out.push(sim.store.getState().frame!);
  }
  return out;
}

/** The measured split of a frame's route, as requests (rate × the time it covers). */
function measured(f: Frame) {
  const route = f.rates.route!;
  const n = (perSecond: number) => (perSecond * route.ms) / 1000;
  return {
    ms: route.ms,
    rules: route.rules.map((r) => ({
      requests: n(r.requests),
      destinations: r.destinations.map(n),
      mirrored: n(r.mirrored),
    })),
  };
}

describe('A VirtualService with weights 90/10', () => {
  const http = `    - route:
        - { destination: { host: web, subset: v1 }, weight: 90 }
        - { destination: { host: web, subset: v2 }, weight: 10 }`;

  it('lists its one default route with both destinations, their pods and the measured split', async () => {
    const fs = await frames(mesh(http, '    target: web\n    rps: 400'), 20, 30);
    const last = fs.at(-1)!;
    expect(last.routes).toHaveLength(1);
    const vs = last.routes[0]!;
    expect(vs).toMatchObject({ name: 'web', hosts: ['web'], active: true });
    expect(vs.http).toHaveLength(1);
    const route = vs.http[0]!;
    expect(route).toMatchObject({ index: 0, match: 'default', segments: [-1], share: 1 });
    expect(route.mirror).toBeNull();
    const [v1, v2] = route.destinations;
    expect(v1).toMatchObject({ service: 'web', subset: 'v1', weight: 90, ready: 3 });
    expect(v1!.images).toEqual(['app:v1']);
    expect(v1!.pods).toHaveLength(3);
    expect(v1!.pods.every((p) => p.startsWith('web-v1-'))).toBe(true);
    expect(v2).toMatchObject({ service: 'web', subset: 'v2', weight: 10, ready: 1 });
    expect(v2!.images).toEqual(['app:v2']);

    // Measured over the last ROUTE_WINDOW_MS: what the pods served, about 90/10.
    const m = measured(last);
    expect(m.ms).toBe(ROUTE_WINDOW_MS);
    const [a, b] = m.rules[0]!.destinations as [number, number];
    expect(m.rules[0]!.requests).toBeCloseTo(a + b, 0);
    expect(Math.abs(a + b - 4_000)).toBeLessThan(4 * Math.sqrt(4_000));
    const share = b / (a + b);
    expect(Math.abs(share - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / (a + b)));
  });

  it('names the Service a destination of the route, not the plain traffic target', async () => {
    const [f] = await frames(mesh(http, '    target: web\n    rps: 10'), 10, 10.1);
    expect(f!.services.find((s) => s.name === 'web')?.traffic).toBe('route');
  });
});

describe('A/B routing on the user agent', () => {
  const http = `    - match:
        - headers: { user-agent: { regex: ".*(iPhone|Android).*" } }
      route:
        - destination: { host: web, subset: v2 }
    - route:
        - destination: { host: web, subset: v1 }`;
  const traffic = `    target: web
    rps: 200
    clients: 100
    segments:
      - { share: 0.3, headers: { user-agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)" } }`;

  it('shows the match in words, which segment takes which route, and its share', async () => {
    const fs = await frames(mesh(http, traffic), 15, 25);
    const f = fs.at(-1)!;
    expect(f.segments).toEqual([
      {
        index: 0,
        label: 'mobile',
        share: 0.3,
        headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)' },
      },
    ]);
    const [mobile, rest] = f.routes[0]!.http;
    expect(mobile).toMatchObject({
      match: 'user-agent ~ .*(iPhone|Android).*',
      segments: [0],
      share: 0.3,
    });
    expect(rest).toMatchObject({ match: 'default', segments: [-1] });
    expect(rest!.share).toBeCloseTo(0.7, 9);

    // Every sampled request of the mobile segment went to a v2 pod, every other one to v1.
    const v2 = new Set(mobile!.destinations[0]!.pods);
    const samples = fs.flatMap((x) => x.requests).filter((r) => r.pod);
    expect(samples.length).toBeGreaterThan(100);
    for (const r of samples) expect(v2.has(r.pod!)).toBe(r.segment === 0);
    expect(samples.some((r) => r.segment === -1)).toBe(true);

    // Measured per route: about 30% of requests took the mobile route.
    const [m, d] = measured(fs.at(-1)!).rules.map((r) => r.requests) as [number, number];
    expect(m + d).toBeGreaterThan(1_500);
    expect(Math.abs(m / (m + d) - 0.3)).toBeLessThan(0.03);
  });
});

describe('A cookie route sharing the canary pods with a weighted default route', () => {
  const http = `    - match:
        - headers: { cookie: { regex: "^(.*?;)?(group=beta)(;.*)?$" } }
      route:
        - destination: { host: web, subset: v2 }
    - route:
        - { destination: { host: web, subset: v1 }, weight: 80 }
        - { destination: { host: web, subset: v2 }, weight: 20 }`;
  const traffic = `    target: web
    rps: 500
    segments:
      - { share: 0.5, headers: { cookie: "group=beta; theme=dark" } }`;

  it('splits the v2 pods’ count between the two routes so each route’s split reads true', async () => {
    const fs = await frames(mesh(http, traffic), 25, 35, 500);
    const f = fs.at(-1)!;
    expect(f.routes[0]!.http[0]!.match).toBe('cookie ~ group=beta');
    expect(f.segments[0]!.label).toBe('cookie group=beta');
    const [b, d] = measured(f).rules;
    const beta = b!.requests;
    const [v1, v2] = d!.destinations as [number, number];
    expect(Math.abs(v2 / (v1 + v2) - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(beta / (beta + v1 + v2) - 0.5)).toBeLessThan(0.03);
  });
});

describe('A mirror', () => {
  const http = `    - route:
        - destination: { host: web, subset: v1 }
      mirror: { host: web-shadow }
      mirrorPercentage: { value: 100 }`;
  const shadow = `apiVersion: v1
kind: Service
metadata: { name: web-shadow }
spec:
  selector: { app: web, version: v2 }
  ports: [{ port: 80 }]
---
`;

  it('gives the mirror target, its percent, its pods and the copies made', async () => {
    const fs = await frames(mesh(http, '    target: web\n    rps: 100', shadow), 15, 25, 500);
    const route = fs.at(-1)!.routes[0]!.http[0]!;
    expect(route.mirror).toMatchObject({
      service: 'web-shadow',
      subset: null,
      percent: 100,
      images: ['app:v2'],
    });
    expect(route.mirror!.pods).toHaveLength(1);
    // Every request is copied: about 100 copies a second, as many as the requests it took.
    const rule = fs.at(-1)!.rates.route!.rules[0]!;
    expect(Math.abs(rule.mirrored - 100)).toBeLessThan(15);
    expect(rule.mirrored).toBeCloseTo(rule.requests, 6);
    const services = fs.at(-1)!.services;
    expect(services.find((s) => s.name === 'web-shadow')?.traffic).toBe('mirror');
    expect(services.find((s) => s.name === 'web')?.traffic).toBe('route');
  });
});

describe('Without a VirtualService', () => {
  it('has no routes and no segments; a Service nothing sends to carries no traffic', async () => {
    const yaml = `${deployment('web-v1', 'v1', 2)}apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: web-preview }
spec:
  selector: { app: web, version: v1 }
  ports: [{ port: 80 }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: plain }
spec:
  traffic: { target: web, rps: 10 }
`;
    const [f] = await frames(yaml, 10, 10.1);
    expect(f!.routes).toEqual([]);
    expect(f!.rates.route).toBeNull();
    expect(f!.segments).toEqual([]);
    const traffic = Object.fromEntries(f!.services.map((s) => [s.name, s.traffic]));
    expect(traffic).toEqual({ web: 'target', 'web-preview': 'none' });
    expect(f!.services.find((s) => s.name === 'web-preview')!.endpoints).toHaveLength(2);
  });
});

describe('When a Service selector switches (blue/green)', () => {
  it('keeps the previous selector and the time the change was seen', async () => {
    const yaml = `${deployment('web-v1', 'v1', 1)}${deployment('web-v2', 'v2', 1)}apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web, version: v1 }
  ports: [{ port: 80 }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: bg }
spec:
  traffic: { target: web, rps: 10 }
  steps:
    - at: 10s
      kubectl: set selector service/web app=web,version=v2
`;
    const fs = await frames(yaml, 0, 12, 500);
    const before = fs.find((f) => f.t === 9_500)!.services[0]!;
    expect(before).toMatchObject({
      selector: { app: 'web', version: 'v1' },
      previousSelector: null,
      selectorChangedAt: null,
    });
    const after = fs.find((f) => f.t === 10_000)!.services[0]!;
    expect(after).toMatchObject({
      selector: { app: 'web', version: 'v2' },
      previousSelector: { app: 'web', version: 'v1' },
      selectorChangedAt: 10_000,
    });
    // Later frames keep saying when it changed.
    expect(fs.at(-1)!.services[0]!.selectorChangedAt).toBe(10_000);
    expect(structuredClone(fs.at(-1))).toEqual(fs.at(-1));
  });
});

describe('Match and segment words', () => {
  it('reads exact, prefix, regex and absent headers, and alternatives', () => {
    expect(matchText(undefined)).toBe('default');
    expect(matchText([{ headers: { 'X-Version': { exact: 'v2' } } }])).toBe('x-version = v2');
    expect(
      matchText([
        { headers: { 'x-user': { prefix: 'qa-' }, cookie: { regex: '.*beta=1.*' } } },
        { withoutHeaders: { 'x-canary': { exact: 'no' } } },
      ]),
    ).toBe('x-user starts with qa- and cookie ~ beta=1 or x-canary ≠ no');
    expect(matchText([{ headers: { cookie: { regex: '^(.*?;)?(user=beta)(;.*)?$' } } }])).toBe(
      'cookie ~ user=beta',
    );
  });

  it('names segments after their headers', () => {
    expect(segmentLabel({ 'user-agent': 'Mozilla/5.0 (Linux; Android 14)' })).toBe('mobile');
    expect(segmentLabel({ 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64)' })).toBe('desktop');
    expect(segmentLabel({ cookie: 'group=beta; theme=dark' })).toBe('cookie group=beta');
    expect(segmentLabel({ cookie: 'session=8f3a2c; group=control' })).toBe('cookie group=control');
    expect(segmentLabel({ 'x-tenant': 'acme' })).toBe('x-tenant: acme');
    expect(segmentLabel({})).toBe('no headers');
  });

  it('names the devices when two segments would read the same', () => {
    const views = segmentViews([
      { share: 0.25, headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5)' } },
      { share: 0.15, headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8)' } },
      { share: 0.6, headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' } },
    ]);
    expect(views.map((v) => [v.index, v.label, v.share])).toEqual([
      [0, 'mobile · iPhone', 0.25],
      [1, 'mobile · Android', 0.15],
      [2, 'desktop', 0.6],
    ]);
  });
});
