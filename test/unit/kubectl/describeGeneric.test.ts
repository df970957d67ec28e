/** kubectl describe of a custom resource: kubectl's genericDescriber, field by field. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { smartLabelFor } from '../../../src/sim/kubectl/print/describeGeneric';
import { TestCluster } from '../../support/TestCluster';

describe('smartLabelFor', () => {
  it.each([
    ['creationTimestamp', 'Creation Timestamp'],
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    // strings.Title leaves the rest of a word as it is: real kubectl 1.32 prints "HPA Replicas".
    ['HPAReplicas', 'HPA Replicas'],
    ['stableRS', 'Stable RS'],
    ['matchLabels', 'Match Labels'],
    ['app', 'App'],
    ['rollout.argoproj.io/revision', 'rollout.argoproj.io/revision'],
    ['v1alpha1', 'v1alpha1'],
  ])('%s → %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label);
  });
});

describe('kubectl describe rollout', () => {
  it('prints metadata, spec and status in sorted, labelled fields, then the events', () => {
    const c = TestCluster.load(readFileSync('public/scenarios/argo-canary-demo.yaml', 'utf8'));
    c.advance('15s');
    const out = c.kubectl('describe rollout rollouts-demo');
    expect(out).toMatch(
      /^Name: {9}rollouts-demo\nNamespace: {4}default\nLabels: {7}<none>\nAnnotations: {2}rollout\.argoproj\.io\/revision: 2\nAPI Version: {2}argoproj\.io\/v1alpha1\nKind: {9}Rollout\nMetadata:\n {2}Creation Timestamp: {2}2026-01-01T00:00:00Z\n/,
    );
    expect(out).toMatch(/\nSpec:\n {2}Replicas: +5\n/);
    expect(out).toMatch(/\n {4}Canary:\n {6}Steps:\n {8}Set Weight: {2}20\n {8}Pause:\n/);
    expect(out).toMatch(/\n {2}Phase: +Paused\n/);
    expect(out).toMatch(/\n {2}Current Step Index: +1\n/);
    expect(out).toMatch(
      /\nEvents:\n {2}Type +Reason +Age +From +Message\n[\s\S]*Normal +RolloutPaused +\d+s +rollouts-controller +Rollout is paused \(CanaryPauseStep\)\n$/,
    );
  });
});
