/**
 * `--dry-run=client|server` never changes the cluster: a twin that never ran the command ends in
 * the same state, and kubectl's result lines carry "(dry run)" / "(server dry run)".
 */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../../support/TestCluster';

const yaml = deploymentYaml({ replicas: 3, readinessProbe: true });
const settled = () => TestCluster.load(yaml, 7).advance('20s');

/** Everything a learner could inspect: objects, then what the controllers did about them. */
const state = (c: TestCluster) =>
  c.kubectl('get deploy,rs,pods,svc -o yaml') + c.kubectl('get events -o wide');

const MUTATING: [string, string][] = [
  ['scale deployment web --replicas=6', 'deployment.apps/web scaled'],
  ['set image deployment/web web=app:v3', 'deployment.apps/web image updated'],
  ['label deployment web tier=front', 'deployment.apps/web labeled'],
  ['annotate deployment web note=x', 'deployment.apps/web annotated'],
  ['patch deployment web --type=merge -p {"spec":{"replicas":1}}', 'deployment.apps/web patched'],
  ['delete deployment web', 'deployment.apps "web" deleted'],
  ['delete pods --all', '" deleted'],
  ['rollout undo deployment/web', 'deployment.apps/web'],
];

describe.each([
  ['client', ' (dry run)'],
  ['server', ' (server dry run)'],
])('--dry-run=%s', (mode, suffix) => {
  it.each(MUTATING)('%s changes nothing now or later and says so', (line, result) => {
    const twin = settled();
    const c = settled();
    // A second revision, so undo has somewhere to go.
    for (const x of [twin, c]) x.exec('set image deployment/web web=app:v2').advance('30s');
    const before = state(c);
    const out = c.kubectl(`${line} --dry-run=${mode}`);
    expect(out).toContain(result);
    // kubectl 1.32's patch prints a plain "patched" (patch.go resets the printer's operation).
    if (!line.startsWith('patch ')) expect(out).toContain(suffix);
    expect(state(c)).toBe(before);
    c.advance('40s');
    twin.advance('40s');
    expect(state(c)).toBe(state(twin));
  });

  it('words every deleted pod', () => {
    const out = settled().kubectl(`delete pods --all --dry-run=${mode}`);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines)
      expect(l).toMatch(
        new RegExp(`^pod "web-\\w+-\\w+" deleted${suffix.replace(/[()]/g, '\\$&')}$`),
      );
  });
});

describe('dry runs as kubectl words them', () => {
  it('prints the revision template for a client-side undo (rollback.go printTemplate)', () => {
    const c = settled().exec('set image deployment/web web=app:v2').advance('30s');
    const out = c.kubectl('rollout undo deployment/web --dry-run=client');
    expect(out).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:/);
    expect(out).toContain('Image:\tapp:v1');
    expect(out.endsWith(' (dry run)\n')).toBe(true);
  });

  it('keeps errors as the API server words them', () => {
    expect(settled().kubectl('scale deployment nope --replicas=2 --dry-run=client')).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });

  it('rejects a value kubectl does not know', () => {
    expect(settled().kubectl('scale deployment web --replicas=2 --dry-run=maybe')).toContain(
      'Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    );
  });

  it('applies nothing with apply --dry-run and says which objects would change', () => {
    const c = settled();
    expect(c.kubectl('apply -f - --dry-run=server')).toBe(
      'deployment.apps/web unchanged (server dry run)\nservice/web unchanged (server dry run)\n',
    );
  });
});
