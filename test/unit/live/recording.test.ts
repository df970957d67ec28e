/**
 * Record → replay gives the same objects (issue 12 item 4): a catalog scenario played in a
 * Session and watched as live mode watches a cluster; the recording made a scenario; that
 * scenario played in a new Session; the person's objects, the ReplicaSets and their pods equal
 * at every few seconds and at the end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Session } from '../../../src/sim/session/session';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { recordingToScenario } from '../../../src/sim/live/recording';
import { observe } from './observeSession';
import { viewOf, type ClusterView } from './replayCompare';

const MOMENT_MS = 2_500;

function load(text: string, file: string): Session {
  const s = Session.load(text, file);
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  return s;
}

/** Plays `text` to its end, viewing it every MOMENT_MS; returns the views and the recording. */
function playRecorded(text: string, file: string) {
  const s = load(text, file);
  const recording = observe(s);
  const views: ClusterView[] = [];
  for (let t = 0; t <= s.scenario.duration; t += MOMENT_MS) {
    s.advanceTo(t);
    views.push(viewOf(s));
  }
  return { views, recorded: recordingToScenario(recording()), duration: s.scenario.duration };
}

function replayViews(text: string, until: number): ClusterView[] {
  const s = load(text, 'recorded.yaml');
  const views: ClusterView[] = [];
  for (let t = 0; t <= until; t += MOMENT_MS) {
    s.advanceTo(t);
    views.push(viewOf(s));
  }
  return views;
}

const catalog = (name: string) => readFileSync(`public/scenarios/${name}.yaml`, 'utf8');

describe('When a catalog scenario is recorded and the recording replayed', () => {
  it.each([
    'blue-green',
    'canary-istio-weights',
    'argo-canary-istio',
    'bad-version',
    'ramped',
    'rollback',
    'readiness-probe',
    'hpa-rolling-update',
    'argo-canary-demo',
    'argo-blue-green',
  ])(
    '%s: the replay has the same objects, ReplicaSets and pods at every moment',
    (name) => {
      const { views, recorded, duration } = playRecorded(catalog(name), `${name}.yaml`);
      const parsed = parseScenario(recorded.text, 'recorded.yaml');
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      const replay = replayViews(recorded.text, duration);
      views.forEach((v, i) =>
        expect({ t: i * MOMENT_MS, ...replay[i] }).toEqual({ t: i * MOMENT_MS, ...v }),
      );
    },
    60_000,
  );

  it('argo-canary-analysis-fail: the abort its analysis made is replayed as a step, to the same ReplicaSets and pods', () => {
    const name = 'argo-canary-analysis-fail';
    const { views, recorded, duration } = playRecorded(catalog(name), `${name}.yaml`);
    expect(recorded.text).toContain('kubectl: argo rollouts abort web');
    expect(
      recorded.notes.find((n) => n.startsWith('Rollout web was aborted by its analysis')),
    ).toMatch(/the replay aborts it with a step at that moment\.$/);
    const replay = replayViews(recorded.text, duration);
    views.forEach((v, i) =>
      expect({ t: i * MOMENT_MS, ...replay[i]?.replicaSets }).toEqual({
        t: i * MOMENT_MS,
        ...v.replicaSets,
      }),
    );
  }, 60_000);
});

describe('When the recording stops just after a change', () => {
  it('runs long enough for the rollout the change started to finish', () => {
    // One pod at a time, each proving itself for 5 s: ten waves, over a minute and a half.
    const slow = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 10
  minReadySeconds: 5
  strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: app:v1 }] }
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: slow }
spec:
  duration: 20s
  steps: [{ at: 15s, kubectl: set image deployment/web web=app:v2 }]
`;
    const s = load(slow, 'slow.yaml');
    const recording = observe(s);
    s.advanceTo(15_001);
    const replay = load(recordingToScenario(recording()).text, 'recorded.yaml');
    replay.advanceTo(replay.scenario.duration);
    const { replicaSets } = viewOf(replay);
    expect(Object.values(replicaSets).map((r) => [r.replicas, r.pods])).toEqual([
      [0, {}],
      [10, { Ready: 10 }],
    ]);
  }, 60_000);
});

describe('When the recording lacks an AnalysisTemplate a Rollout names', () => {
  it('says so in the notes, with the command that fetches it', () => {
    const s = load(catalog('argo-canary-analysis'), 'argo-canary-analysis.yaml');
    const recording = observe(s);
    s.advanceTo(20_000);
    const obs = recording();
    // Live mode lists what moves during a rollout, not AnalysisTemplates.
    const without = { ...obs, initial: obs.initial.filter((o) => o.kind !== 'AnalysisTemplate') };
    const note = (o: typeof obs) =>
      recordingToScenario(o).notes.filter((n) => n.startsWith('AnalysisTemplate '));
    expect(note(without)).toEqual([
      "AnalysisTemplate success-rate is named by a Rollout but not in the recording: add it to the file (`kubectl get analysistemplate success-rate -o yaml`), or the replay's analysis of it fails.",
    ]);
    expect(note(obs)).toEqual([]);
  });
});

/** A Deployment behind a Service, with a readiness probe and per-image start times. */
function randomScenario(steps: { at: number; kubectl: string }[], starts: number[]): string {
  const images = starts.map((s, i) => `    "app:v${i}": { startTime: ${s}ms }`).join('\n');
  const lines = steps.map((s) => `    - at: ${s.at}ms\n      kubectl: ${s.kubectl}`).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: app:v0
          readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 1 }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: random }
spec:
  duration: 70s
  images:
${images}
  traffic: { target: web, rps: 10 }
  steps:
${lines}
`;
}

const command = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((i) => `set image deployment/web web=app:v${i}`),
  fc.integer({ min: 0, max: 6 }).map((n) => `scale deployment/web --replicas=${n}`),
  fc.constant('rollout undo deployment/web'),
  fc.constant('rollout pause deployment/web'),
  fc.constant('rollout resume deployment/web'),
);

describe('When a person changes a Deployment at random moments', () => {
  it('the recording replays to the same objects, ReplicaSets and pods', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 5_000, max: 45_000 }), kubectl: command }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 0, max: 6_000 }), { minLength: 4, maxLength: 4 }),
        (steps, starts) => {
          const sorted = [...steps].sort((a, b) => a.at - b.at);
          const { views, recorded, duration } = playRecorded(
            randomScenario(sorted, starts),
            'random.yaml',
          );
          const replay = replayViews(recorded.text, duration);
          views.forEach((v, i) =>
            expect({ t: i * MOMENT_MS, ...replay[i] }).toEqual({ t: i * MOMENT_MS, ...v }),
          );
        },
      ),
      { numRuns: 10, seed: 12 },
    );
  }, 60_000);
});
