/** The `startTime` step (what "Export scenario" writes for the pod start-time control). */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { runScenario } from '../../../src/sim/runner/run';
import { catalogText } from '../../support/catalog';

const withSteps = (steps: string) =>
  catalogText('recreate').replace(/\n {2}steps:\n/, `\n  steps:\n${steps}`);

describe('When a scenario has a startTime step', () => {
  it('parses it as a duration, and rejects a bad one in the API server’s words', () => {
    const ok = parseScenario(withSteps('    - { at: 2s, startTime: 7s }\n'), 'x.yaml');
    expect(ok.ok && ok.scenario.steps.find((s) => s.kind === 'startTime')).toMatchObject({
      at: 2000,
      ms: 7000,
    });
    const bad = parseScenario(withSteps('    - { at: 2s, startTime: soon }\n'), 'x.yaml');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join('\n')).toMatch(/spec\.steps\[0\]\.startTime: Invalid value/);
  });

  it('slows the pods started after it, as the start-time control does', () => {
    const run = (steps: string) => {
      const r = runScenario(withSteps(steps), 'x.yaml');
      if (!r.ok) throw new Error(r.errors.join('\n'));
      return r.result;
    };
    const plain = run('');
    const slow = run('    - { at: 0s, startTime: 20s }\n');
    // The new pods take 20 s instead of 2 s to listen: the rollout takes 18 s longer.
    expect(slow.summary.rolloutSeconds! - plain.summary.rolloutSeconds!).toBeCloseTo(18, 0);
  });
});
