/**
 * The rollout plan of a Deployment: each wave the controller makes, read off the simulator run
 * ahead on a copy of the running session.
 */
import { describe, expect, it } from 'vitest';
import { previewRollout } from '../../../src/sim/plan/preview';
import type { DeploymentPlan } from '../../../src/sim/plan/planTypes';
import { deploymentYaml } from '../../support/TestCluster';
import { session } from './planScenarios';

function plan(yaml: string, text: string, at = 30_000): DeploymentPlan {
  const p = previewRollout(session(yaml, at), text);
  if (p.kind !== 'deployment') throw new Error(JSON.stringify(p));
  return p;
}

describe('Rollout plan of a Deployment', () => {
  it('replicas 4, maxSurge 1, maxUnavailable 1: the first full wave is 5 pods with 3 available', () => {
    const yaml = deploymentYaml({
      replicas: 4,
      maxSurge: 1,
      maxUnavailable: 1,
      readinessProbe: true,
    });
    const p = plan(yaml, yaml.replace('app:v1', 'app:v2'));
    expect(p).toMatchObject({ replicas: 4, maxSurge: 1, maxUnavailable: 1 });
    expect(p.waves[0]).toMatchObject({ t: 0, old: 4, new: 0, total: 4, available: 4 });
    const full = p.waves.find((w) => w.total === 5)!;
    expect(full).toMatchObject({ old: 3, new: 2, total: 5, available: 3, cause: 'wave' });
    // Both fences hold it, and it waits for the new pods' readiness.
    expect(full.bounds).toEqual(['maxSurge', 'maxUnavailable', 'readiness']);
    expect(full.said).toEqual(
      expect.stringMatching(
        /^5 pods allowed \(4 \+ 1 surge\), 4 exist → scaled up web-\w+ from 1 to 2$/,
      ),
    );
    // Never past the ceiling or under the floor, and it ends with every pod new and available.
    for (const w of p.waves) {
      expect(w.total).toBeLessThanOrEqual(5);
      expect(w.old + w.new).toBe(w.total);
    }
    expect(p.waves.at(-1)).toMatchObject({ old: 0, new: 4, available: 4 });
    expect(p.end.state).toBe('complete');
  });

  it('maxSurge 0: no wave ever has more than replicas pods; maxUnavailable is the only room', () => {
    const yaml = deploymentYaml({ replicas: 3, maxSurge: 0, maxUnavailable: 1 });
    const p = plan(yaml, yaml.replace('app:v1', 'app:v2'));
    expect(Math.max(...p.waves.map((w) => w.total))).toBe(3);
    expect(p.waves.filter((w) => w.cause === 'wave').length).toBeGreaterThan(3);
    expect(p.end.state).toBe('complete');
  });

  it('minReadySeconds holds each wave for at least that long', () => {
    const yaml = deploymentYaml({
      replicas: 2,
      maxSurge: 1,
      maxUnavailable: 0,
      minReadySeconds: 10,
    });
    const p = plan(yaml, yaml.replace('app:v1', 'app:v2'));
    expect(p.minReadySeconds).toBe(10);
    // Each new pod waits for the one before it to have been ready 10 s (maxUnavailable 0).
    const grew = p.waves.filter((w, i) => i > 0 && w.new > p.waves[i - 1]!.new);
    expect(grew.map((w) => w.new)).toEqual([1, 2]);
    expect(grew[1]!.t - grew[0]!.t).toBeGreaterThanOrEqual(10_000);
    expect(p.waves.some((w) => w.bounds.includes('readiness'))).toBe(true);
  });

  it('a pod that never becomes ready: the plan stops at the progress deadline', () => {
    const yaml = deploymentYaml(
      {
        replicas: 2,
        maxSurge: 1,
        maxUnavailable: 0,
        readinessProbe: true,
        progressDeadlineSeconds: 30,
      },
      '  images:\n    "app:v2": { ready: false }\n',
    );
    const p = plan(yaml, yaml.replace('app:v1', 'app:v2'));
    expect(p.end.state).toBe('deadline');
    expect(p.end.message).toMatch(/has timed out progressing/);
    expect(p.waves.at(-1)).toMatchObject({ old: 2, new: 1, available: 2 });
  });

  it('Recreate: every old pod goes before a new one starts', () => {
    const yaml = deploymentYaml({ replicas: 3, strategy: 'Recreate', readinessProbe: true });
    const p = plan(yaml, yaml.replace('app:v1', 'app:v2'));
    expect(p.strategy).toBe('Recreate');
    const waves = p.waves.filter((w) => w.cause === 'wave').map((w) => [w.old, w.new]);
    expect(waves).toEqual([
      [3, 0],
      [0, 0],
      [0, 3],
    ]);
    expect(p.end.state).toBe('complete');
  });

  it('says why in one line when the text is not a valid change', () => {
    const yaml = deploymentYaml({ replicas: 2, maxSurge: 0, maxUnavailable: 1 });
    const s = session(yaml, 5_000);
    const bad = yaml.replace('maxUnavailable: 1', 'maxUnavailable: 0');
    expect(previewRollout(s, bad)).toEqual({
      kind: 'error',
      message: expect.stringContaining(
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
      ),
    });
    expect(previewRollout(s, 'kind: [')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/error converting YAML to JSON: yaml: line 1: /),
    });
    expect(previewRollout(s, yaml.replace('apps/v1', 'apps/v1beta1'))).toEqual({
      kind: 'error',
      message: expect.stringContaining(
        'no matches for kind "Deployment" in version "apps/v1beta1"',
      ),
    });
  });

  it('says so when the change starts no rollout', () => {
    const yaml = deploymentYaml({ replicas: 2 });
    const s = session(yaml, 5_000);
    expect(previewRollout(s, yaml)).toEqual({
      kind: 'none',
      message: 'no rollout: the pod template is unchanged',
    });
    expect(previewRollout(s, yaml.replace('replicas: 2', 'replicas: 5'))).toEqual({
      kind: 'none',
      message: 'no rollout: the pod template is unchanged',
    });
  });

  it('a scripted change later in the scenario ends the plan where it replaces this template', () => {
    const yaml = deploymentYaml(
      { replicas: 3, maxSurge: 1, maxUnavailable: 0, readinessProbe: true },
      '  defaults: { startTime: 20s }\n  steps:\n    - at: 15s\n      kubectl: set image deployment/web web=app:v3\n',
    );
    const p = plan(yaml, yaml.replace('app:v1', 'app:v2'), 5_000);
    expect(p.end).toMatchObject({ state: 'replaced', t: 10_000 });
    expect(p.end.message).toBe(
      'a later change (a scenario step) rolls out another template from here',
    );
  });
});

describe('Rollout plan of hostile input', () => {
  it("replicas: 1000000 is refused in one line with the simulator's limit, as Apply refuses it", () => {
    const yaml = deploymentYaml({ replicas: 2 });
    const s = session(yaml, 5_000);
    const huge = yaml.replace('app:v1', 'app:v2').replace('replicas: 2', 'replicas: 1000000');
    expect(previewRollout(s, huge)).toEqual({
      kind: 'error',
      message: expect.stringContaining(
        'spec.replicas: Invalid value: 1000000: must be less than or equal to 10000',
      ),
    });
  });

  it('a 2 MB text is refused in one line without parsing it', () => {
    const yaml = deploymentYaml({ replicas: 2 });
    const huge = `${yaml.split('\n---')[0]}\n# ${'x'.repeat(2_000_000)}\n`;
    expect(previewRollout(session(yaml, 1_000), huge)).toEqual({
      kind: 'error',
      message: `the text is too long to preview (${huge.length} characters; at most 1000000)`,
    });
  });
});
