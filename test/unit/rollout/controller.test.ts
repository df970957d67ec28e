/**
 * The Argo Rollouts controller, played through the runner as a user would: catalog scenarios
 * and small Rollouts, checked against what Argo does on a cluster (step order, pod counts per
 * step, analysis aborts, blue/green promotion and scale-down times, the contract's samples).
 */
import { catalogText } from '../../support/catalog';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunOutcome } from '../../../src/sim/runner/run';
import type { RunResult, Sample } from '../../../src/sim/runner/runResult';

function run(text: string, sampleMs = 1000): RunResult {
  const out: RunOutcome = runScenario(text, 'test.yaml', { sampleMs });
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.result;
}

function at(r: RunResult, t: number): Sample {
  const s = r.samples.find((x) => x.t >= t);
  if (!s) throw new Error(`no sample at ${t}`);
  return s;
}

function rsSizes(s: Sample): Record<string, number> {
  return Object.fromEntries(s.replicaSets.map((rs) => [rs.revision ?? 0, rs.desired]));
}

function eventsOf(r: RunResult, reason: string): { t: number; message: string }[] {
  return r.events.filter((e) => e.reason === reason && e.object.startsWith('Rollout/'));
}

describe('Argo rollouts-demo canary (5 replicas, 20/40/60/80 with pauses)', () => {
  const r = run(catalogText('argo-canary-demo'));

  it('pauses at step 1/8 with 1 canary and 4 stable pods until promoted', () => {
    const s = at(r, 30);
    const ro = s.rollouts[0];
    expect(ro).toMatchObject({
      name: 'rollouts-demo',
      strategy: 'canary',
      status: 'Paused',
      message: 'CanaryPauseStep',
      step: 1,
      steps: 8,
      setWeight: 20,
      actualWeight: 20,
      desired: 5,
      updated: 1,
    });
    expect(rsSizes(s)).toEqual({ 1: 4, 2: 1 });
  });

  it('walks 40, 60, 80 with 10 s pauses after the promote, one pod per step', () => {
    const completed = eventsOf(r, 'RolloutStepCompleted').map((e) => e.message);
    expect(completed).toEqual([
      'Rollout step 1/8 completed (setWeight: 20)',
      'Rollout step 2/8 completed (pause)',
      'Rollout step 3/8 completed (setWeight: 40)',
      'Rollout step 4/8 completed (pause: 10)',
      'Rollout step 5/8 completed (setWeight: 60)',
      'Rollout step 6/8 completed (pause: 10)',
      'Rollout step 7/8 completed (setWeight: 80)',
      'Rollout step 8/8 completed (pause: 10)',
    ]);
    const t = (i: number) => eventsOf(r, 'RolloutStepCompleted')[i]?.t ?? NaN;
    expect(t(1)).toBeCloseTo(40, 1); // the promote
    expect(t(3) - t(2)).toBeCloseTo(10, 1);
    expect(t(5) - t(4)).toBeCloseTo(10, 1);
    expect(t(7) - t(6)).toBeCloseTo(10, 1);
    for (const [step, canary] of [
      [3, 2],
      [5, 3],
      [7, 4],
    ] as const) {
      const s = at(r, t(step - 1) + 5);
      expect(rsSizes(s)).toEqual({ 1: 5 - canary, 2: canary });
    }
  });

  it('ends Healthy on revision 2 with the old ReplicaSet at 0, never above 5 + maxSurge pods', () => {
    const last = r.samples.at(-1);
    expect(last?.rollouts[0]).toMatchObject({
      status: 'Healthy',
      step: 8,
      actualWeight: 100,
      revision: 2,
    });
    expect(rsSizes(last as Sample)).toEqual({ 1: 0, 2: 5 });
    expect(eventsOf(r, 'RolloutCompleted').at(-1)?.message).toMatch(
      /^Rollout completed update to revision 2 \(\w+\): Completed all 8 canary steps$/,
    );
    // maxSurge 25% of 5 rounds up to 2.
    expect(
      Math.max(...r.samples.map((s) => s.pods.total - s.pods.terminating)),
    ).toBeLessThanOrEqual(7);
  });

  it('lists the Rollout-owned ReplicaSets with owner Rollout/<name>', () => {
    for (const rs of at(r, 30).replicaSets) expect(rs.owner).toBe('Rollout/rollouts-demo');
  });
});

const rolloutYaml = (
  replicas: number,
  steps: string,
  extra = '',
) => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: app:1
          readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 1 }
  strategy:
    canary:
${extra}      steps:
${steps}
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: t }
spec:
  seed: 7
  duration: 60s
  traffic: { target: web, rps: 50 }
  steps:
    - at: 5s
      kubectl: argo rollouts set image web web=app:2
`;

describe('canary replica counts follow Argo', () => {
  it('10 replicas at setWeight 41 without a router → 4 canary pods, 6 stable', () => {
    const r = run(rolloutYaml(10, '        - setWeight: 41\n        - pause: {}'));
    const s = at(r, 40);
    expect(rsSizes(s)).toEqual({ 1: 6, 2: 4 });
    expect(s.rollouts[0]).toMatchObject({
      status: 'Paused',
      step: 1,
      setWeight: 41,
      actualWeight: 40,
    });
  });

  it('the measured split follows the pod ratio without a router (1 of 4 pods ≈ 25%)', () => {
    const r = run(rolloutYaml(4, '        - setWeight: 25\n        - pause: {}'), 10_000);
    const s = at(r, 40);
    const v2 = s.traffic.byImage['app:2'] ?? 0;
    const n = v2 + (s.traffic.byImage['app:1'] ?? 0);
    const p = 0.25;
    expect(n).toBeGreaterThan(400);
    expect(Math.abs(v2 / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('canary through Istio (argo-canary-istio)', () => {
  const r = run(catalogText('argo-canary-istio'), 1000);

  it('keeps the stable at all 4 pods while the canary gets only what its weight needs', () => {
    expect(rsSizes(at(r, 25))).toEqual({ 1: 4, 2: 1 });
    expect(rsSizes(at(r, 50))).toEqual({ 1: 4, 2: 1 });
    expect(rsSizes(at(r, 75))).toEqual({ 1: 4, 2: 2 });
  });

  it('sends every mobile request (30% of clients) to the canary through the header route', () => {
    const windows = r.samples.filter((s) => s.t > 16 && s.t <= 33);
    const v2 = windows.reduce((n, s) => n + (s.traffic.byImage['app:2.0'] ?? 0), 0);
    const all = windows.reduce((n, s) => n + s.traffic.requests, 0);
    expect(all).toBeGreaterThan(1000);
    // Exactly the mobile segment's requests: 30 of 100 clients; their share of requests is random.
    expect(v2 / all).toBeGreaterThan(0.2);
    expect(v2 / all).toBeLessThan(0.4);
  });

  it('splits by the VirtualService weight at 50% within statistical bounds', () => {
    const windows = r.samples.filter((s) => s.t > 62 && s.t <= 78);
    const v2 = windows.reduce((n, s) => n + (s.traffic.byImage['app:2.0'] ?? 0), 0);
    const all = windows.reduce((n, s) => n + s.traffic.requests, 0);
    // Mobile users all go to the canary (header route), the rest split 50/50: 0.3 + 0.7·0.5.
    const p = 0.65;
    expect(Math.abs(v2 / all - p)).toBeLessThan(0.08);
  });

  it('ends with both subsets on the new hash, weight 0 to canary and the old pods gone after 30 s', () => {
    const done = eventsOf(r, 'RolloutCompleted').at(-1)?.t ?? NaN;
    const down = r.events.find(
      (e) => e.reason === 'ScalingReplicaSet' && /revision 1\) from 4 to 0/.test(e.message),
    );
    expect(down?.t).toBeCloseTo(done + 30, 0);
    expect(r.samples.at(-1)?.rollouts[0]).toMatchObject({ status: 'Healthy', actualWeight: 100 });
  });
});

describe('analysis', () => {
  it('passes: every AnalysisRun Successful and the Rollout completes on its own', () => {
    const r = run(catalogText('argo-canary-analysis'));
    expect(eventsOf(r, 'AnalysisRunFailed')).toEqual([]);
    expect(eventsOf(r, 'AnalysisRunSuccessful')).toHaveLength(2);
    expect(r.samples.at(-1)?.rollouts[0]).toMatchObject({ status: 'Healthy', revision: 2 });
  });

  it('fails on a flaky version: aborts within count × interval, canary back to 0, Degraded', () => {
    const r = run(catalogText('argo-canary-analysis-fail'));
    const started = eventsOf(r, 'AnalysisRunRunning')[0]?.t ?? NaN;
    const aborted = eventsOf(r, 'RolloutAborted')[0];
    expect(aborted?.message).toMatch(
      /^Rollout aborted update to revision 2: Step-based analysis phase error\/failed: Metric "success-rate" assessed Failed due to failed \(2\) > failureLimit \(1\)$/,
    );
    // count 3 at 5 s intervals: the verdict comes no later than the last measurement.
    expect((aborted?.t ?? NaN) - started).toBeLessThanOrEqual(10.5);
    const s = at(r, (aborted?.t ?? 0) + 5);
    expect(rsSizes(s)).toEqual({ 1: 4, 2: 0 });
    expect(s.rollouts[0]).toMatchObject({ status: 'Degraded', step: 0, setWeight: 0 });
    expect(s.rollouts[0]?.message).toMatch(/^RolloutAborted: Rollout aborted update to revision 2/);
  });
});

describe('blue/green (argo-blue-green)', () => {
  const r = run(catalogText('argo-blue-green'), 500);

  it('points the preview at green at once and the active at blue until promotion', () => {
    const s = at(r, 20);
    expect(s.rollouts[0]).toMatchObject({
      strategy: 'blueGreen',
      status: 'Paused',
      message: 'BlueGreenPause',
      activeService: 'web-active',
      previewService: 'web-preview',
      step: null,
    });
    expect(s.endpoints['web-preview']).toBe(3);
    expect(s.traffic.byImage['app:green'] ?? 0).toBe(0);
  });

  it('promotes autoPromotionSeconds after the pause and scales blue down scaleDownDelaySeconds later', () => {
    const paused = eventsOf(r, 'RolloutPaused')[0]?.t ?? NaN;
    const switched = r.events.find(
      (e) =>
        e.reason === 'SwitchService' &&
        e.message.startsWith("Switched selector for service 'web-active'") &&
        e.t > 10,
    );
    expect((switched?.t ?? NaN) - paused).toBeCloseTo(20, 1);
    const down = r.events.find(
      (e) => e.reason === 'ScalingReplicaSet' && /from 3 to 0/.test(e.message),
    );
    expect((down?.t ?? NaN) - (switched?.t ?? NaN)).toBeCloseTo(30, 1);
    const after = at(r, (switched?.t ?? 0) + 2);
    expect(after.traffic.byImage['app:blue'] ?? 0).toBe(0);
    expect(after.traffic.requests).toBeGreaterThan(0);
    expect(after.traffic.errors['no-endpoints']).toBe(0);
  });
});

describe('kubectl argo rollouts status (watching)', () => {
  it('prints each new phase until Healthy, and stops with exit 130 on Ctrl-C', () => {
    const watched = catalogText('argo-canary-demo').replace(
      'kubectl: argo rollouts get rollout rollouts-demo',
      'kubectl: argo rollouts status rollouts-demo',
    );
    const r = run(watched);
    const status = r.commands.find((c) => c.command === 'argo rollouts status rollouts-demo');
    expect(status?.exitCode).toBe(0);
    expect(status?.output.split('\n')).toEqual([
      'Paused - CanaryPauseStep',
      'Progressing - waiting for rollout to unpause',
      'Progressing - more replicas need to be updated',
      'Paused - CanaryPauseStep',
      'Progressing - more replicas need to be updated',
      'Paused - CanaryPauseStep',
      'Progressing - more replicas need to be updated',
      'Paused - CanaryPauseStep',
      'Progressing - updated replicas are still becoming available',
      'Healthy',
      '',
    ]);
    const stopped = run(
      watched.replace(
        '    - at: 40s\n',
        '    - at: 30s\n      caption: "Ctrl-C"\n      interrupt: true\n    - at: 40s\n',
      ),
    );
    const cut = stopped.commands.find((c) => c.command === 'argo rollouts status rollouts-demo');
    expect(cut?.exitCode).toBe(130);
    expect(cut?.output).toBe('Paused - CanaryPauseStep\n');
  });
});

describe('kubectl on a Rollout', () => {
  it('scales it through the scale subresource and deletes it with its ReplicaSets', () => {
    const text = rolloutYaml(5, '        - setWeight: 20\n        - pause: {}').replace(
      '  steps:\n    - at: 5s\n      kubectl: argo rollouts set image web web=app:2\n',
      '  steps:\n    - at: 5s\n      kubectl: argo rollouts set image web web=app:2\n' +
        '    - at: 20s\n      kubectl: scale rollout web --replicas=10\n' +
        '    - at: 40s\n      kubectl: delete rollout web\n',
    );
    const r = run(text);
    const out = (cmd: string) => r.commands.find((c) => c.command === cmd)?.output;
    expect(out('scale rollout web --replicas=10')).toBe('rollout.argoproj.io/web scaled\n');
    // 20% of 10: 2 canary pods, 8 stable.
    expect(rsSizes(at(r, 35))).toEqual({ 1: 8, 2: 2 });
    expect(out('delete rollout web')).toBe('rollout.argoproj.io "web" deleted\n');
    const last = r.samples.at(-1) as Sample;
    expect(last.rollouts).toEqual([]);
    expect(last.replicaSets).toEqual([]);
  });
});
