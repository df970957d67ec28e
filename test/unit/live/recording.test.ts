/**
 * Record → replay gives the same objects (issue 12 item 4): a catalog scenario played in a
 * Session and watched as live mode watches a cluster; the recording made a scenario; that
 * scenario played in a new Session; the person's objects, the ReplicaSets and their pods equal
 * at every few seconds and at the end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
