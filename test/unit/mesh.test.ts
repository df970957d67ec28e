/** Traffic through an Istio VirtualService: weights, header and cookie matches, subsets, mirroring. */
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../support/TestCluster';
import { mesh } from '../support/meshScenario';
import { runScenario } from '../../src/sim/runner/run';

describe('A VirtualService with weights 90/10', () => {
  const http = `    - route:
        - { destination: { host: web, subset: v1 }, weight: 90 }
        - { destination: { host: web, subset: v2 }, weight: 10 }`;

  it('splits requests 90/10 whatever the replica counts (3:1), within statistical bounds', () => {
    const c = TestCluster.load(mesh(http, '    target: web\n    rps: 500')).advance('60s');
    const b = c.byImage();
    const total = (b['app:v1'] ?? 0) + (b['app:v2'] ?? 0);
    expect(total).toBeGreaterThan(25_000);
    const got = c.kubectl('get virtualservice,destinationrule');
    expect(got).toMatch(
      /^NAME +GATEWAYS +HOSTS +AGE\nvirtualservice\.networking\.istio\.io\/web +\[web\] +60s\n\n/,
    );
    expect(got).toMatch(
      /NAME +HOST +AGE\ndestinationrule\.networking\.istio\.io\/web +web +60s\n$/,
    );
    // 4 standard deviations of a binomial(total, 0.1).
    expect(Math.abs((b['app:v2'] ?? 0) / total - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / total));
  });
});

describe('A/B routing on headers', () => {
  const http = `    - match:
        - headers: { user-agent: { regex: ".*Mobile.*" } }
      route:
        - destination: { host: web, subset: v2 }
    - route:
        - destination: { host: web, subset: v1 }`;
  const traffic = `    target: web
    rps: 200
    clients: 100
    segments:
      - { share: 0.3, headers: { user-agent: "Mozilla/5.0 (iPhone; Mobile)" } }
      - { share: 0.7, headers: { user-agent: "Mozilla/5.0 (X11; Linux)" } }`;

  it('sends every mobile request, and only those, to v2', () => {
    const c = TestCluster.load(mesh(http, traffic)).advance('60s');
    const b = c.byImage();
    const total = (b['app:v1'] ?? 0) + (b['app:v2'] ?? 0);
    expect(Math.abs((b['app:v2'] ?? 0) / total - 0.3)).toBeLessThan(0.02);
    const samples = c.recentRequests().filter((r) => r.pod);
    for (const r of samples) {
      const pod = c.pod(r.pod ?? '');
      expect(pod?.metadata?.labels?.version).toBe(r.segment === 0 ? 'v2' : 'v1');
    }
  });

  it('matches cookies through the cookie header', () => {
    const cookieHttp = `    - match:
        - headers: { cookie: { regex: "^(.*?;)?(user=beta)(;.*)?$" } }
      route:
        - destination: { host: web, subset: v2 }
    - route:
        - destination: { host: web, subset: v1 }`;
    const cookieTraffic = `    target: web
    rps: 200
    segments:
      - { share: 0.5, headers: { cookie: "user=beta; theme=dark" } }`;
    const c = TestCluster.load(mesh(cookieHttp, cookieTraffic)).advance('60s');
    const b = c.byImage();
    const total = (b['app:v1'] ?? 0) + (b['app:v2'] ?? 0);
    expect(Math.abs((b['app:v2'] ?? 0) / total - 0.5)).toBeLessThan(0.03);
  });
});

describe('Mirroring', () => {
  it('counts mirrored copies apart: never in requests, ok or errors', () => {
    const http = `    - route:
        - destination: { host: web, subset: v1 }
      mirror: { host: web, subset: v2 }
      mirrorPercentage: { value: 50 }`;
    const out = runScenario(mesh(http, '    target: web\n    rps: 100'), 'mirror.yaml');
    if (!out.ok) throw new Error(out.errors.join('\n'));
    const mirrored = out.result.samples.reduce((n, s) => n + s.traffic.mirrored, 0);
    const requests = out.result.summary.requests;
    expect(Math.abs(mirrored / requests - 0.5)).toBeLessThan(0.05);
    expect(out.result.samples.every((s) => !s.traffic.byImage['app:v2'])).toBe(true);
  });
});

describe('Validation', () => {
  it('rejects weights that do not add up to 100 in the webhook’s words', () => {
    const http = `    - route:
        - { destination: { host: web, subset: v1 }, weight: 80 }
        - { destination: { host: web, subset: v2 }, weight: 10 }`;
    const out = runScenario(mesh(http, '    target: web\n    rps: 1'), 'bad.yaml');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual([
      'admission webhook "validation.istio.io" denied the request: configuration is invalid: total destination weight 90 != 100',
    ]);
  });
});
