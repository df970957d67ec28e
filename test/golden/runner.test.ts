/**
 * The runner's output for every catalog scenario: the JSON honours the contract
 * (scenario-format.md §2) and the text output is pinned as a golden file, so any change in what
 * the controllers do shows up in review. Update goldens with `npx vitest run -u test/golden`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/run';
import { formatText } from '../../src/cli/formatText';
import type { RunResult } from '../../src/sim/runResult';

const dir = new URL('../../public/scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

function expectContract(r: RunResult): void {
  expect(Object.keys(r)).toEqual([
    'scenario',
    'seed',
    'duration',
    'commands',
    'events',
    'samples',
    'summary',
  ]);
  for (const c of r.commands) {
    expect(Object.keys(c)).toEqual(['t', 'command', 'exitCode', 'output']);
    expect(typeof c.exitCode).toBe('number');
  }
  let lastT = -1;
  for (const e of r.events) {
    expect(e.t).toBeGreaterThanOrEqual(lastT);
    lastT = e.t;
    expect(['Normal', 'Warning']).toContain(e.type);
    expect(e.object).toMatch(/^[A-Za-z]+\/[a-z0-9.-]+$/);
  }
  expect(r.samples.length).toBeGreaterThan(0);
  for (const s of r.samples) {
    expect(Object.keys(s)).toEqual([
      't',
      'deployments',
      'replicaSets',
      'rollouts',
      'autoscalers',
      'pods',
      'endpoints',
      'traffic',
    ]);
    for (const ro of s.rollouts) {
      expect(Object.keys(ro)).toEqual([
        'name',
        'strategy',
        'status',
        'message',
        'step',
        'steps',
        'setWeight',
        'actualWeight',
        'desired',
        'updated',
        'ready',
        'available',
        'revision',
        'stableReplicaSet',
        'canaryReplicaSet',
        'activeService',
        'previewService',
      ]);
      expect(['canary', 'blueGreen']).toContain(ro.strategy);
      expect(['Healthy', 'Progressing', 'Paused', 'Degraded']).toContain(ro.status);
    }
    for (const d of s.deployments) {
      expect(Object.keys(d)).toEqual([
        'name',
        'desired',
        'current',
        'updated',
        'ready',
        'available',
        'unavailable',
        'revision',
        'paused',
        'strategy',
        'images',
        'conditions',
      ]);
      expect(d.ready).toBeLessThanOrEqual(d.current);
    }
    for (const rs of s.replicaSets) {
      expect(Object.keys(rs)).toEqual([
        'kind',
        'name',
        'owner',
        'revision',
        'images',
        'desired',
        'current',
        'ready',
        'available',
      ]);
      // ReplicaSets carry a pod-template hash; ReplicationControllers are named by their author.
      if (rs.kind === 'ReplicaSet')
        expect(rs.name).toMatch(/^[a-z0-9-]+-[bcdfghjklmnpqrstvwxz2456789]{10}$/);
    }
    const t = s.traffic;
    expect(t.requests).toBe(
      t.ok + t.errors['no-endpoints'] + t.errors.refused + t.errors['app-error'],
    );
    expect(Object.values(t.byImage).reduce((a, b) => a + b, 0)).toBe(t.ok + t.errors['app-error']);
    const statuses = Object.values(s.pods.byStatus).reduce((a, b) => a + b, 0);
    expect(statuses).toBe(s.pods.total);
  }
  const total = r.samples.reduce((n, s) => n + s.traffic.requests, 0);
  expect(r.summary.requests).toBe(total);
  expect(r.samples.at(-1)?.t).toBe(r.duration);
}

describe.each(files)('The catalog scenario %s', (file) => {
  const text = readFileSync(new URL(file, dir), 'utf8');
  const out = runScenario(text, file);

  it('runs clean and honours the runner contract', () => {
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expectContract(out.result);
    expect(
      out.result.commands.filter(
        // A watch cut off by the run's end, or a client stopped by an `interrupt` step (Ctrl-C: 130).
        (c) => c.exitCode !== 0 && !c.command.startsWith('rollout status') && c.exitCode !== 130,
      ),
    ).toEqual([]);
  });
});

// big-fleet's log is thousands of pod events: its contract is checked above, not pinned as text.
describe.each(files.filter((f) => f !== 'big-fleet.yaml'))('The runner text for %s', (file) => {
  it('is the same as its golden file', async () => {
    const out = runScenario(readFileSync(new URL(file, dir), 'utf8'), file);
    if (!out.ok) throw new Error(out.errors.join('\n'));
    await expect(formatText(out.result)).toMatchFileSnapshot(
      `./__snapshots__/${file.replace('.yaml', '.txt')}`,
    );
  });
});
