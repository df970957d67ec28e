/**
 * The words an AnalysisRun's verdict is explained with, for the verdicts the catalog does not
 * reach: Inconclusive (both conditions, neither holds), Error (more errors in a row than
 * consecutiveErrorLimit), a metric without conditions, and a terminated run — each through
 * the simulated analysis controller, so the view explains what the controller decided.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../support/TestCluster';
import { canaryRolloutYaml } from '../support/rolloutYaml';
import { rolloutViews } from '../../src/sim/view/rolloutView';

/** A canary Rollout whose one analysis step runs `metric` against v2 (error rate `v2ErrorRate`). */
function canary(metric: string, v2ErrorRate: number): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: check }
spec:
  metrics:
${metric
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
---
${canaryRolloutYaml({
  replicas: 4,
  image: 'app:1.0',
  steps: ['setWeight: 50', 'analysis: { templates: [{ templateName: check }] }'],
})}apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: analysis-words }
spec:
  duration: 90s
  images:
    "app:1.0": { startTime: 1s }
    "app:2.0": { startTime: 1s, errorRate: ${v2ErrorRate} }
  traffic: { target: web, rps: 100 }
  steps:
    - at: 5s
      kubectl: argo rollouts set image web web=app:2.0`;
}

function runAt(yaml: string, at: string) {
  const c = TestCluster.load(yaml).advance(at);
  const view = rolloutViews(c.engine)[0];
  const run = view?.stepList.find((s) => s.run)?.run;
  if (!run) throw new Error('no AnalysisRun');
  return run;
}

describe('Why an AnalysisRun ended as it did', () => {
  it('Inconclusive: both conditions given and neither holds, more than inconclusiveLimit', () => {
    const run = runAt(
      canary(
        `- name: success-rate
  interval: 5s
  count: 3
  successCondition: result[0] >= 0.99
  failureCondition: result[0] < 0.5
  provider: { prometheus: { query: "sum(rate(requests_total[1m]))" } }`,
        0.2,
      ),
      '60s',
    );
    expect(run.phase).toBe('Inconclusive');
    expect(run.why).toBe('success-rate: 1 measurement inconclusive, more than inconclusiveLimit 0');
    const d = run.metrics[0]!.detail!;
    const last = d.measurements.at(-1)!;
    expect(last).toMatchObject({ phase: 'Inconclusive', successMet: false, failureMet: false });
    expect(last.why).toBe(
      'neither successCondition result[0] >= 0.99 nor failureCondition result[0] < 0.5 holds',
    );
  });

  it('Error: more errors in a row than consecutiveErrorLimit', () => {
    // A condition on a second element that an instant vector never has.
    const run = runAt(
      canary(
        `- name: success-rate
  interval: 2s
  consecutiveErrorLimit: 2
  successCondition: result[1] >= 0.9
  provider: { prometheus: { query: "sum(rate(requests_total[1m]))" } }`,
        0,
      ),
      '60s',
    );
    expect(run.phase).toBe('Error');
    expect(run.why).toBe(
      'success-rate: 3 measurement errors in a row, more than consecutiveErrorLimit 2',
    );
    expect(run.metrics[0]!.detail!.measurements).toHaveLength(3);
  });

  it('a metric without conditions succeeds on every measurement', () => {
    const run = runAt(
      canary(
        `- name: just-measure
  interval: 2s
  count: 2
  provider: { prometheus: { query: "sum(rate(requests_total[1m]))" } }`,
        0.5,
      ),
      '60s',
    );
    expect(run.phase).toBe('Successful');
    const d = run.metrics[0]!.detail!;
    expect(d.measurements.filter((m) => m.phase === 'Successful').length).toBeGreaterThanOrEqual(2);
    expect(d.measurements.at(-1)!.why).toBe(
      'no successCondition or failureCondition: every measurement succeeds',
    );
  });
});
