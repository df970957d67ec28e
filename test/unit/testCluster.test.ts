/** The test harness itself: its acts reach the engine and its expectations fail when they should. */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../support/TestCluster';

const web = (replicas: number, scenarioSpec = '') =>
  TestCluster.load(deploymentYaml({ replicas, readinessProbe: true }, scenarioSpec));

describe('TestCluster', () => {
  it('chains acts and expectations', () => {
    web(2)
      .advance('10s')
      .expectPods(2)
      .expectReplicaSets([2])
      .exec('scale deployment/web --replicas=3')
      .expectOutput('deployment.apps/web scaled\n')
      .expectOutput(/scaled/)
      .advance('5s')
      .expectPods(3)
      .expectReplicaSets([3])
      .expectEvent('ScalingReplicaSet')
      .expectEvent('ScalingReplicaSet', /from 2 to 3$/);
  });

  it('fails an expectation that does not hold', () => {
    const c = web(1).advance('10s');
    expect(() => c.expectPods(2)).toThrow();
    expect(() => c.expectEvent('Killing')).toThrow();
    expect(() => c.expectEvent('ScalingReplicaSet', 'no such message')).toThrow();
    expect(() => c.exec('get pods').expectOutput('nothing')).toThrow();
  });

  it('changes the traffic from now on', () => {
    const c = web(1, '  traffic: { target: web, rps: 10 }\n').advance('10s');
    const before = c.byImage()['app:v1'] ?? 0;
    expect(before).toBeGreaterThan(0);
    c.traffic({ rps: 0 }).advance('10s');
    expect(c.byImage()['app:v1'] ?? 0).toBe(before);
  });

  it('walks every happening in order, then stops the clock where asked', () => {
    const times: number[] = [];
    const c = web(3).walk('20s', (at) => times.push(at.now));
    expect(times.length).toBeGreaterThan(3);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBeLessThanOrEqual(20_000);
    expect(c.now).toBe(20_000);
  });
});
