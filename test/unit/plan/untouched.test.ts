/**
 * Planning runs the simulator ahead on a copy: the person's session is left exactly as it was —
 * the same frame, and the same random draws (traffic) afterwards.
 */
import { describe, expect, it } from 'vitest';
import { previewRollout } from '../../../src/sim/plan/preview';
import { deploymentYaml } from '../../support/TestCluster';
import { session } from './planScenarios';

describe('Rollout plan leaves the session untouched', () => {
  it('a planned session plays on exactly as one that was never planned', () => {
    const yaml = deploymentYaml(
      { replicas: 4, maxSurge: 1, maxUnavailable: 1, readinessProbe: true },
      '  traffic: { target: web, rps: 40 }\n  defaults: { errorRate: 0.05 }\n',
    );
    const planned = session(yaml, 12_345.5);
    const control = session(yaml, 12_345.5);
    const p = previewRollout(planned, yaml.replace('app:v1', 'app:v2'));
    expect(p.kind).toBe('deployment');
    expect(planned.now).toBe(control.now);
    expect(planned.frame()).toEqual(control.frame());
    for (const s of [planned, control]) {
      s.exec('set image deployment/web web=app:v3');
      s.advanceTo(40_000);
    }
    // Traffic counters and chart points depend on every random draw since the start.
    expect(planned.cluster.traffic.counters).toEqual(control.cluster.traffic.counters);
    expect(planned.frame()).toEqual(control.frame());
  });
});
