/**
 * The runner's JSON document as scenario-format.md §2 promises it: field names and order, and
 * the sums that must agree. Shared by the golden tests and the catalog tests.
 */
import { expect } from 'vitest';
import type { RunResult } from '../../src/sim/runner/runResult';

export function expectContract(r: RunResult): void {
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
    expect(Object.keys(s.pods)).toEqual(['total', 'terminating', 'pending', 'byStatus']);
    expect(Array.isArray(s.autoscalers)).toBe(true);
    expect(typeof s.endpoints).toBe('object');
    expect(Object.keys(t)).toEqual([
      'requests',
      'ok',
      'errors',
      'byImage',
      'mirrored',
      'mirroredByImage',
      'mirroredErrors',
    ]);
    // Every copy made either reached a pod (by its image) or failed before one answered.
    const me = t.mirroredErrors;
    expect(Object.keys(me)).toEqual(['no-endpoints', 'refused', 'app-error']);
    const reached = Object.values(t.mirroredByImage).reduce((a, b) => a + b, 0);
    expect(t.mirrored).toBe(reached + me['no-endpoints'] + me.refused);
    expect(me['app-error']).toBeLessThanOrEqual(reached);
    expect(Object.keys(t.errors)).toEqual(['no-endpoints', 'refused', 'app-error']);
    expect(Number.isInteger(t.mirrored)).toBe(true);
    expect(t.mirrored).toBeGreaterThanOrEqual(0);
  }
  expect(Object.keys(r.summary)).toEqual([
    'rolloutSeconds',
    'downtimeSeconds',
    'requests',
    'errors',
    'peakPods',
    'peakPodsPerDeployment',
  ]);
  const total = r.samples.reduce((n, s) => n + s.traffic.requests, 0);
  expect(r.summary.requests).toBe(total);
  expect(r.samples.at(-1)?.t).toBe(r.duration);
}
