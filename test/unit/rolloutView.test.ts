/** The Rollout panel's view, built from the real engine running Argo's rollouts-demo. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../support/TestCluster';
import { ARGO_DEMO_YAML } from '../support/argoDemo';
import { rolloutViews, type RolloutView } from '../../src/sim/view/rolloutView';
import { canaryStepString } from '../../src/sim/controllers/rollout/phase';
import type { FrameUpdate } from '../../src/sim/view/frame';
import { buildFrame, initialCursor } from '../../src/sim/view/buildFrame';
import { RateWindows } from '../../src/sim/view/rateWindows';
import { applyFrame } from '../../src/store/applyFrame';
import { initialData } from '../../src/store/createSimStore';
import type { CanaryStep } from '../../src/sim/api/objects';

function view(c: TestCluster): RolloutView {
  const [v] = rolloutViews(c.engine);
  if (!v) throw new Error('no Rollout');
  return v;
}

const states = (v: RolloutView) => v.stepList.map((s) => s.state).join(' ');

describe('canaryStepString', () => {
  it('spells steps as Argo does, a pause duration as written', () => {
    const cases: [CanaryStep, string][] = [
      [{ setWeight: 20 }, 'setWeight: 20'],
      [{ pause: {} }, 'pause'],
      [{ pause: { duration: 10 } }, 'pause: 10'],
      [{ pause: { duration: '1m' } }, 'pause: 1m'],
      [{ analysis: { templates: [{ templateName: 'x' }] } }, 'analysis'],
      [{ setHeaderRoute: { name: 'canary-header' } }, 'setHeaderRoute: canary-header'],
      [{ setCanaryScale: { weight: 30 } }, 'setCanaryScale{weight: 30}'],
      [
        { setCanaryScale: { matchTrafficWeight: true } },
        'setCanaryScale{matchTrafficWeight: true}',
      ],
      [{ setCanaryScale: { replicas: 2 } }, 'setCanaryScale{replicas: 2}'],
      [{}, 'invalid'],
    ];
    for (const [step, text] of cases) expect(canaryStepString(step)).toBe(text);
  });
});

describe('When the rollouts-demo canary reaches its indefinite pause', () => {
  const c = TestCluster.load(ARGO_DEMO_YAML).advance('12s');
  const v = view(c);

  it('reports the plugin status, step and weights', () => {
    expect(v).toMatchObject({
      name: 'rollouts-demo',
      strategy: 'canary',
      status: 'Paused',
      icon: '॥',
      message: 'CanaryPauseStep',
      step: 1,
      steps: 8,
      setWeight: 20,
      actualWeight: 20,
      revision: 2,
      aborted: false,
      abortMessage: null,
      blueGreen: null,
    });
  });

  it('lists the steps with the pause current', () => {
    expect(v.stepList.map((s) => s.text)).toEqual([
      'setWeight: 20',
      'pause',
      'setWeight: 40',
      'pause: 10',
      'setWeight: 60',
      'pause: 10',
      'setWeight: 80',
      'pause: 10',
    ]);
    expect(states(v)).toBe('done current pending pending pending pending pending pending');
    expect(v.stepList[3]?.durationMs).toBe(10_000);
  });

  it('has a pause without an end, and offers promote and abort', () => {
    expect(v.pause).toMatchObject({ reason: 'CanaryPauseStep', endsAt: null });
    expect(v.pause?.startedAt).toBeGreaterThan(10_000);
    expect(v.pause?.startedAt).toBeLessThanOrEqual(12_000);
    expect(v.actions).toEqual({ promote: true, promoteFull: true, abort: true, retry: false });
  });

  it('tags the stable and canary ReplicaSets', () => {
    const tags = Object.fromEntries(v.replicaSets.map((r) => [r.name, r.tags]));
    expect(v.stableReplicaSet && tags[v.stableReplicaSet]).toEqual(['stable']);
    expect(v.canaryReplicaSet && tags[v.canaryReplicaSet]).toEqual(['canary']);
    expect(v.replicaSets[0]?.revision).toBe(2);
  });

  it('is plain data that survives structured cloning', () => {
    expect(structuredClone(v)).toEqual(v);
  });
});

describe('After promote', () => {
  it('walks the timed pauses with an end time, then completes', () => {
    const c = TestCluster.load(ARGO_DEMO_YAML).advance('12s');
    expect(c.kubectl('argo rollouts promote rollouts-demo')).toContain('promoted');
    c.advance('3s');
    let v = view(c);
    expect(v.step).toBe(3);
    expect(v.setWeight).toBe(40);
    expect(v.pause?.endsAt).toBe((v.pause?.startedAt ?? 0) + 10_000);
    expect(states(v)).toBe('done done done current pending pending pending pending');
    c.advance('45s');
    v = view(c);
    expect(v).toMatchObject({ status: 'Healthy', icon: '✔', step: 8, setWeight: 100, pause: null });
    expect(states(v)).toBe('done done done done done done done done');
    expect(v.actions).toEqual({ promote: false, promoteFull: false, abort: false, retry: false });
  });
});

describe('When the update is aborted', () => {
  it('is Degraded with the abort message, back at step 0, and offers retry', () => {
    const c = TestCluster.load(ARGO_DEMO_YAML).advance('12s');
    c.kubectl('argo rollouts abort rollouts-demo');
    c.advance('5s');
    const v = view(c);
    expect(v).toMatchObject({
      status: 'Degraded',
      icon: '✖',
      aborted: true,
      step: 0,
      setWeight: 0,
    });
    expect(v.abortMessage).toBe('Rollout aborted update to revision 2');
    expect(v.actions).toEqual({ promote: false, promoteFull: false, abort: false, retry: true });
    c.kubectl('argo rollouts retry rollout rollouts-demo');
    c.advance('5s');
    expect(view(c)).toMatchObject({ status: 'Paused', aborted: false, step: 1 });
  });
});

describe('A canary with analysis steps', () => {
  const yaml = readFileSync(
    join(process.cwd(), 'public/scenarios/argo-canary-analysis.yaml'),
    'utf8',
  );

  it('shows the running analysis with its measurements on the current step', () => {
    const c = TestCluster.load(yaml).advance('25s');
    const v = view(c);
    const step = v.stepList.find((s) => s.state === 'current');
    expect(step?.kind).toBe('analysis');
    expect(step?.run).toEqual(v.analysis);
    expect(v.analysis).toMatchObject({ phase: 'Running', icon: '◌' });
    expect(v.analysis?.successful).toBeGreaterThan(0);
    const metric = v.analysis?.metrics[0];
    expect(metric?.name).toBe('success-rate');
    expect(metric?.lastValue).toMatch(/^\[[\d.]+\]$/);
  });
});

describe('A blue/green Rollout', () => {
  const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: bg }
spec:
  replicas: 3
  strategy:
    blueGreen:
      activeService: bg-active
      previewService: bg-preview
      autoPromotionSeconds: 20
  selector: { matchLabels: { app: bg } }
  template:
    metadata: { labels: { app: bg } }
    spec:
      containers:
      - name: app
        image: argoproj/rollouts-demo:blue
---
apiVersion: v1
kind: Service
metadata: { name: bg-active }
spec:
  selector: { app: bg }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: bg-preview }
spec:
  selector: { app: bg }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: bg }
spec:
  duration: 90s
  steps:
  - at: 10s
    kubectl: argo rollouts set image bg app=argoproj/rollouts-demo:green
`;

  it('waits for auto-promotion with the preview selecting the new pods', () => {
    const c = TestCluster.load(yaml).advance('20s');
    const v = view(c);
    expect(v).toMatchObject({ strategy: 'blueGreen', status: 'Paused', step: null, stepList: [] });
    const bg = v.blueGreen;
    expect(bg?.activeService).toBe('bg-active');
    expect(bg?.activeSelector).not.toBe(bg?.previewSelector);
    expect(bg?.autoPromoteAt).toBe((v.pause?.startedAt ?? 0) + 20_000);
    expect(v.activeReplicaSet).toBe(`bg-${bg?.activeSelector}`);
    expect(v.previewReplicaSet).toBe(`bg-${bg?.previewSelector}`);
    expect(v.actions.promote).toBe(true);
  });

  it('switches the active Service at the deadline and keeps the old stack until scale-down', () => {
    const c = TestCluster.load(yaml).advance('20s');
    const before = view(c);
    c.advance(Math.max(0, (before.blueGreen?.autoPromoteAt ?? 0) - c.engine.now) + 1000);
    const v = view(c);
    expect(v.status).toBe('Healthy');
    expect(v.blueGreen?.activeSelector).toBe(before.blueGreen?.previewSelector);
    const old = v.replicaSets.find((r) => r.name === before.activeReplicaSet);
    expect(old?.tags).toEqual([]);
    expect(old?.scaleDownAt).toBeGreaterThan(c.engine.now);
  });
});

describe('Frames', () => {
  it('carry the Rollout views', () => {
    const c = TestCluster.load(ARGO_DEMO_YAML).advance('12s');
    const rates = new RateWindows(500).view();
    const { frame } = buildFrame(c.engine, initialCursor(c.engine), rates);
    expect(frame.rollouts?.changed.map(([, view]) => view)).toEqual(rolloutViews(c.engine));
  });

  it('keep an unchanged Rollout view by identity in the store, and replace a changed one', () => {
    const c = TestCluster.load(ARGO_DEMO_YAML).advance('12s');
    let cursor = initialCursor(c.engine);
    const rates = new RateWindows(500).view();
    const next = (): FrameUpdate => {
      const built = buildFrame(c.engine, cursor, rates);
      cursor = built.cursor;
      return built.frame;
    };
    const packet = (frame: FrameUpdate) => ({
      frame,
      points: [],
      epoch: 0,
      playback: { playing: false, speed: 1, atEnd: false },
    });
    const first = applyFrame(initialData(), packet(next()));
    c.advance(500);
    const second = applyFrame(first, packet(next()));
    expect(second.frame?.rollouts).toBe(first.frame?.rollouts);
    c.kubectl('argo rollouts promote rollouts-demo');
    c.advance('3s');
    const third = applyFrame(second, packet(next()));
    expect(third.frame?.rollouts[0]).not.toBe(second.frame?.rollouts[0]);
    expect(third.frame?.rollouts[0]?.step).toBe(3);
  });
});
