/** The HorizontalPodAutoscaler on CPU: utilization from the request rate, tolerance, windows, limits. */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../support/TestCluster';
import { calculate, normalize } from '../../src/sim/controllers/hpa/recommend';
import { runScenario } from '../../src/sim/runner/run';

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }
`;

function scenario(steps = ''): string {
  const base = deploymentYaml(
    { replicas: 2, readinessProbe: true },
    `  defaults: { idleCpu: 5m, cpuPerRps: 10m }\n  traffic: { target: web, rps: 20 }\n${steps}`,
  ).replace(
    '          image: app:v1\n',
    '          image: app:v1\n          resources: { requests: { cpu: 100m } }\n',
  );
  const [workload, scenarioDoc] = base.split('---\napiVersion: rolloutlab.dev');
  return `${workload}${hpa}---\napiVersion: rolloutlab.dev${scenarioDoc}`;
}

describe('An HPA targeting 50% CPU', () => {
  it('scales 2 pods serving 10 req/s each (105% CPU) up until the pods run near 50%, then holds', () => {
    // The first measurement window includes the seconds before traffic started: 4, then 5.
    const c = TestCluster.load(scenario())
      .advance('90s')
      .expectMessages('SuccessfulRescale', [
        'New size: 4; reason: cpu resource utilization (percentage of request) above target',
        'New size: 5; reason: cpu resource utilization (percentage of request) above target',
      ])
      .expectPods(5);
    expect(c.kubectl('get hpa')).toMatch(
      /^NAME {3}REFERENCE {8}TARGETS {8}MINPODS {3}MAXPODS {3}REPLICAS {3}AGE\nweb {4}Deployment\/web {3}cpu: \d+%\/50% {3}2 {9}10 {8}5 {10}90s\n$/,
    );
    c.advance('5m');
    expect(c.messages('SuccessfulRescale')).toHaveLength(2);
  });

  it('waits out the 300 s stabilization window before scaling down', () => {
    const c = TestCluster.load(
      scenario('  steps:\n    - at: 60s\n      traffic: { rps: 2 }\n'),
    ).advance('300s');
    expect(c.deployment('web').spec?.replicas).toBe(5);
    c.advance('120s');
    expect(c.deployment('web').spec?.replicas).toBe(2);
    expect(c.messages('SuccessfulRescale').at(-1)).toBe(
      'New size: 2; reason: All metrics below target',
    );
  });

  it('reports itself in the runner samples', () => {
    const out = runScenario(scenario('  duration: 90s\n'), 'hpa.yaml');
    if (!out.ok) throw new Error(out.errors.join('\n'));
    const last = out.result.samples.at(-1);
    expect(last?.autoscalers).toEqual([
      {
        name: 'web',
        target: 'Deployment/web',
        current: 5,
        desired: 5,
        min: 2,
        max: 10,
        metric: { type: 'cpu', current: expect.any(Number), target: 50 },
      },
    ]);
    expect(last?.autoscalers[0]?.metric.current).toBeGreaterThan(35);
    expect(last?.autoscalers[0]?.metric.current).toBeLessThan(55);
  });
});

describe('The HPA arithmetic', () => {
  const pod = (usage: number, ready = true) => ({ usage, request: 100, ready });

  it('does nothing within the 10% tolerance', () => {
    expect(calculate([pod(54), pod(54)], 50, 2)).toMatchObject({ utilization: 54, desired: 2 });
  });
  it('counts not-ready pods as idle when scaling up', () => {
    expect(calculate([pod(100), pod(100), pod(0, false), pod(0, false)], 50, 4)).toMatchObject({
      utilization: 100,
      desired: 4,
    });
    expect(calculate([pod(200), pod(200), pod(0, false)], 50, 3)).toMatchObject({
      utilization: 200,
      desired: 8,
    });
  });
  it('limits a scale-up to max(double, +4) per period and clamps to maxReplicas', () => {
    expect(normalize(50, 2, 0, [], 1, 100).replicas).toBe(6);
    expect(normalize(50, 10, 0, [], 1, 100).replicas).toBe(20);
    expect(normalize(50, 10, 0, [], 1, 15)).toMatchObject({
      replicas: 15,
      limited: 'TooManyReplicas',
    });
  });
  it('keeps the highest recommendation of the last 300 s when scaling down', () => {
    const history = [
      { t: 0, replicas: 8 },
      { t: 100_000, replicas: 6 },
    ];
    expect(normalize(2, 8, 200_000, history, 1, 10).replicas).toBe(8);
    expect(normalize(2, 8, 350_000, history, 1, 10).replicas).toBe(6);
    expect(normalize(2, 8, 500_000, history, 1, 10).replicas).toBe(2);
  });
});
