/**
 * Gateway API (gateway.networking.k8s.io/v1): an HTTPRoute as the traffic router for plain
 * Services — proportional backendRef weights, the most specific header/path match — its
 * validation in the API server's words, and `kubectl get` of the three kinds.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../support/TestCluster';
import { deployment } from '../support/meshScenario';
import { runScenario } from '../../src/sim/runner/run';
import { createTestSim } from '../support/simHarness';

const service = (name: string, version: string) => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: web, version: ${version} }
  ports: [{ port: 80, targetPort: 80 }]
---
`;

/** web-v1 (3 pods) and web-v2 (1 pod), each behind its own Service, and an HTTPRoute `web`. */
function gateway(rules: string, traffic: string): string {
  return `${deployment('web-v1', 'v1', 3)}${deployment('web-v2', 'v2', 1)}${service('web-v1', 'v1')}${service('web-v2', 'v2')}apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: example.net/gateway-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: public }
spec:
  gatewayClassName: example
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web }
spec:
  parentRefs: [{ name: public }]
  hostnames: [web.example.com]
  rules:
${rules}
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: gateway-test }
spec:
  duration: 60s
  traffic:
${traffic}
`;
}

/** |p̂ − p| within the two-sided 99.9% normal interval of a binomial(n, p): z = 3.29. */
function expectShare(k: number, n: number, p: number): void {
  expect(n).toBeGreaterThan(1000);
  expect(Math.abs(k / n - p)).toBeLessThanOrEqual(3.29 * Math.sqrt((p * (1 - p)) / n));
}

const SEEDS = [1, 2, 3, 7, 42];

describe('An HTTPRoute with backendRef weights 90 and 10', () => {
  const rules = `    - backendRefs:
        - { name: web-v1, port: 80, weight: 90 }
        - { name: web-v2, port: 80, weight: 10 }`;

  it.each(SEEDS)('sends a tenth to web-v2 whatever the pods (3:1), seed %i', (seed) => {
    const c = TestCluster.load(gateway(rules, '    target: web.example.com\n    rps: 300'), seed);
    c.advance('60s');
    const b = c.byImage();
    const v1 = b['app:v1'] ?? 0;
    const v2 = b['app:v2'] ?? 0;
    expectShare(v2, v1 + v2, 0.1);
  });

  it('weights are proportions: 9 and 1 split as 90 and 10 do', () => {
    const small = rules.replace('weight: 90', 'weight: 9').replace('weight: 10', 'weight: 1');
    const b = TestCluster.load(gateway(small, '    target: web\n    rps: 300'), 5)
      .advance('60s')
      .byImage();
    expectShare(b['app:v2'] ?? 0, (b['app:v1'] ?? 0) + (b['app:v2'] ?? 0), 0.1);
  });
});

describe('HTTPRoute weights', () => {
  it.each(SEEDS)('left unset weigh 1 each: an even split, seed %i', (seed) => {
    const rules = `    - backendRefs:
        - { name: web-v1, port: 80 }
        - { name: web-v2, port: 80 }`;
    const c = TestCluster.load(gateway(rules, '    target: web\n    rps: 300'), seed);
    const b = c.advance('60s').byImage();
    expectShare(b['app:v2'] ?? 0, (b['app:v1'] ?? 0) + (b['app:v2'] ?? 0), 0.5);
    // The API server stores the default it applied.
    const stored = c.kubectl('get httproute web -o yaml');
    expect(stored.match(/^ {6}weight: 1$/gm)).toHaveLength(2);
  });

  it('of 0 send nothing to that backend', () => {
    const rules = `    - backendRefs:
        - { name: web-v1, port: 80, weight: 0 }
        - { name: web-v2, port: 80, weight: 3 }`;
    const b = TestCluster.load(gateway(rules, '    target: web\n    rps: 300'))
      .advance('60s')
      .byImage();
    expect(b['app:v1'] ?? 0).toBe(0);
    expect(b['app:v2'] ?? 0).toBeGreaterThan(10_000);
  });
});

describe('HTTPRoute matches', () => {
  // Rule order is not precedence: the header rule comes last and still wins for its clients.
  const rules = `    - backendRefs: [{ name: web-v1, port: 80 }]
    - matches:
        - path: { type: PathPrefix, value: /api }
      backendRefs: [{ name: web-v2, port: 80 }]
    - matches:
        - path: { type: Exact, value: /api/login }
      backendRefs: [{ name: web-v1, port: 80 }]
    - matches:
        - headers: [{ name: X-Canary, value: "true" }]
      backendRefs: [{ name: web-v2, port: 80 }]`;
  const traffic = `    target: web
    rps: 200
    clients: 100
    segments:
      - { share: 0.2, headers: { x-canary: "true" } }
      - { share: 0.2, headers: { x-canary: "false" } }
      - { share: 0.2, headers: { ":path": /api/v2/items } }
      - { share: 0.2, headers: { ":path": /api/login } }
      - { share: 0.1, headers: { ":path": /apis } }`;

  it('route each segment exactly: most specific match first, then the first rule', () => {
    const c = TestCluster.load(gateway(rules, traffic)).advance('30s');
    const bySegment = new Map<number, Set<string>>();
    for (const r of c.recentRequests()) {
      if (!r.pod) continue;
      const version = c.pod(r.pod)?.metadata?.labels?.version ?? '?';
      const set = bySegment.get(r.segment) ?? new Set<string>();
      set.add(version);
      bySegment.set(r.segment, set);
    }
    // x-canary: true → the header rule; false → no header match, the catch-all rule 1.
    expect([...(bySegment.get(0) ?? [])]).toEqual(['v2']);
    expect([...(bySegment.get(1) ?? [])]).toEqual(['v1']);
    // /api/v2/items → PathPrefix /api; /api/login → the Exact rule beats the prefix.
    expect([...(bySegment.get(2) ?? [])]).toEqual(['v2']);
    expect([...(bySegment.get(3) ?? [])]).toEqual(['v1']);
    // /apis is not under /api (prefixes match whole path elements).
    expect([...(bySegment.get(4) ?? [])]).toEqual(['v1']);
    // Clients in no segment send no header and path /: the catch-all.
    expect([...(bySegment.get(-1) ?? [])]).toEqual(['v1']);
  });

  it('leave a request no rule matches unanswered (no endpoints)', () => {
    const only = `    - matches:
        - headers: [{ name: x-canary, value: "true" }]
      backendRefs: [{ name: web-v2, port: 80 }]`;
    const traffic2 = `    target: web
    rps: 200
    segments:
      - { share: 0.5, headers: { x-canary: "true" } }`;
    const c = TestCluster.load(gateway(only, traffic2)).advance('30s');
    const counters = c.engine.traffic.counters;
    expect(c.byImage()['app:v1'] ?? 0).toBe(0);
    expect(counters.noEndpoints).toBeGreaterThan(1000);
  });
});

describe('traffic.target', () => {
  const rules = `    - backendRefs: [{ name: web-v2, port: 80 }]`;
  it.each(['web', 'web.example.com'])('%s names the HTTPRoute', (target) => {
    const b = TestCluster.load(gateway(rules, `    target: ${target}\n    rps: 100`))
      .advance('20s')
      .byImage();
    expect(b['app:v1'] ?? 0).toBe(0);
    expect(b['app:v2'] ?? 0).toBeGreaterThan(500);
  });

  it('a Service name bypasses the gateway', () => {
    const b = TestCluster.load(gateway(rules, '    target: web-v1\n    rps: 100'))
      .advance('20s')
      .byImage();
    expect(b['app:v2'] ?? 0).toBe(0);
  });
});

describe('kubectl and the Gateway API kinds', () => {
  const c = TestCluster.load(
    gateway('    - backendRefs: [{ name: web-v1, port: 80 }]', '    target: web\n    rps: 10'),
  ).advance('90s');

  it('get httproute prints NAME HOSTNAMES AGE, the hostnames as JSON', () => {
    expect(c.kubectl('get httproute')).toBe(
      'NAME   HOSTNAMES             AGE\nweb    ["web.example.com"]   90s\n',
    );
  });

  it('get gateway and gatewayclass by their short names print the CRDs columns', () => {
    expect(c.kubectl('get gtw')).toMatch(
      /^NAME +CLASS +ADDRESS +PROGRAMMED +AGE\npublic +example +90s\n$/,
    );
    expect(c.kubectl('get gc')).toMatch(
      /^NAME +CONTROLLER +ACCEPTED +AGE\nexample +example\.net\/gateway-controller +90s\n$/,
    );
  });

  it('a GatewayClass is cluster-scoped: stored and described without a namespace', () => {
    expect(c.kubectl('get gatewayclass example -o yaml')).not.toMatch(/namespace:/);
    expect(c.kubectl('describe gc example')).toMatch(/^Name: +example\nNamespace: *\n/);
    expect(c.kubectl('get gateway public -o yaml')).toMatch(/^ {2}namespace: default$/m);
  });

  it('describe httproute shows its rules', () => {
    const out = c.kubectl('describe httproute web');
    expect(out).toMatch(/^Name: +web\n/);
    expect(out).toContain('web-v1');
  });
});

describe('HTTPRoute validation, in the API server’s words', () => {
  const errorsOf = (rules: string): string[] => {
    const out = runScenario(gateway(rules, '    target: web\n    rps: 10'), 'bad.yaml');
    return out.ok ? [] : out.errors;
  };

  it('rejects a weight above 1000000', () => {
    expect(errorsOf('    - backendRefs: [{ name: web-v1, port: 80, weight: 1000001 }]')).toEqual([
      'HTTPRoute.gateway.networking.k8s.io "web" is invalid: spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000',
    ]);
  });

  it('rejects a negative weight', () => {
    expect(errorsOf('    - backendRefs: [{ name: web-v1, port: 80, weight: -1 }]')).toEqual([
      'HTTPRoute.gateway.networking.k8s.io "web" is invalid: spec.rules[0].backendRefs[0].weight: Invalid value: -1: spec.rules[0].backendRefs[0].weight in body should be greater than or equal to 0',
    ]);
  });

  it('requires a port on a Service backendRef (the CRD rule)', () => {
    expect(errorsOf('    - backendRefs: [{ name: web-v1 }]')).toEqual([
      'HTTPRoute.gateway.networking.k8s.io "web" is invalid: spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service reference',
    ]);
  });

  it('rejects an unknown header match type and a relative path', () => {
    const rules = `    - matches:
        - path: { type: PathPrefix, value: api }
          headers: [{ name: x-canary, type: Prefix, value: t }]
      backendRefs: [{ name: web-v1, port: 80 }]`;
    expect(errorsOf(rules)).toEqual([
      `HTTPRoute.gateway.networking.k8s.io "web" is invalid: [spec.rules[0].matches[0].path: Invalid value: "object": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix'], spec.rules[0].matches[0].headers[0].type: Unsupported value: "Prefix": supported values: "Exact", "RegularExpression"]`,
    ]);
  });
});

describe('The route box slider’s kubectl line', () => {
  it('patches the HTTPRoute’s backendRef weights, and traffic follows', async () => {
    const { httpRouteWeightCommand, splitWeights } =
      await import('../../src/ui/stage/weightCommand');
    const rules = `    - backendRefs:
        - { name: web-v1, port: 80 }
        - { name: web-v2, port: 80 }`;
    const c = TestCluster.load(gateway(rules, '    target: web\n    rps: 300')).advance('10s');
    const line = httpRouteWeightCommand('web', 0, splitWeights(25));
    expect(line).toBe(
      `patch httproute web --type=json -p '[{"op":"add","path":"/spec/rules/0/backendRefs/0/weight","value":75},{"op":"add","path":"/spec/rules/0/backendRefs/1/weight","value":25}]'`,
    );
    expect(c.kubectl(line)).toBe('httproute.gateway.networking.k8s.io/web patched\n');
    const before = { ...c.byImage() };
    const b = c.advance('60s').byImage();
    const v1 = (b['app:v1'] ?? 0) - (before['app:v1'] ?? 0);
    const v2 = (b['app:v2'] ?? 0) - (before['app:v2'] ?? 0);
    expectShare(v2, v1 + v2, 0.25);
  });
});

describe('The frame’s view of an HTTPRoute (the stage’s route box)', () => {
  it('lists its rules in words, the segments each takes, and weights with their share', async () => {
    const rules = `    - backendRefs:
        - { name: web-v1, port: 80, weight: 9 }
        - { name: web-v2, port: 80 }
    - matches:
        - path: { type: PathPrefix, value: /api }
      backendRefs: [{ name: web-v2, port: 80 }]
    - matches:
        - path: { type: Exact, value: /api/login }
        - headers: [{ name: X-Canary, value: "true" }]
      backendRefs: [{ name: web-v1, port: 80 }]`;
    const traffic = `    target: web.example.com
    rps: 50
    segments:
      - { share: 0.5, headers: { ":path": /api/v1 } }
      - { share: 0.25, headers: { x-canary: "true" } }`;
    const sim = await createTestSim(gateway(rules, traffic));
    await sim.at(5);
    const routes = sim.store.getState().frame!.routes;
    expect(routes).toHaveLength(1);
    const r = routes[0]!;
    expect([r.kind, r.name, r.active, r.hosts]).toEqual([
      'HTTPRoute',
      'web',
      true,
      ['web.example.com'],
    ]);
    expect(r.http.map((h) => h.match)).toEqual([
      'default',
      'path prefix /api',
      'path = /api/login or x-canary = true',
    ]);
    expect(r.http.map((h) => [h.segments, h.share])).toEqual([
      [[-1], 0.25],
      [[0], 0.5],
      [[1], 0.25],
    ]);
    expect(r.http[0]!.destinations.map((d) => [d.service, d.configuredWeight, d.weight])).toEqual([
      ['web-v1', 9, 90],
      ['web-v2', 1, 10],
    ]);
  });
});
