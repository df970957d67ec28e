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
    'ramped',
    'rollback',
    'readiness-probe',
    'hpa-rolling-update',
    'argo-canary-demo',
    'argo-blue-green',
  ])('%s: the replay has the same objects, ReplicaSets and pods at every moment', (name) => {
    const { views, recorded, duration } = playRecorded(catalog(name), `${name}.yaml`);
    const parsed = parseScenario(recorded.text, 'recorded.yaml');
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    const replay = replayViews(recorded.text, duration);
    views.forEach((v, i) =>
      expect({ t: i * MOMENT_MS, ...replay[i] }).toEqual({ t: i * MOMENT_MS, ...v }),
    );
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
      { numRuns: 20, seed: 12 },
    );
  }, 60_000);
});
