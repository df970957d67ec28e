/** The runner as other tools call it: exit codes, stdout/stderr discipline, flags. */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/sim.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-'));

describe('npm run sim', () => {
  it('prints one JSON document for a catalog scenario and exits 0', () => {
    const r = sim(
      'public/scenarios/recreate.yaml',
      '--format',
      'json',
      '--duration',
      '30s',
      '--sample',
      '100ms',
      '--seed',
      '7',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.seed).toBe(7);
    expect(doc.duration).toBe(30);
    expect(doc.samples).toHaveLength(300);
    expect(doc.samples[0].t).toBe(0.1);
  });

  it('rejects an invalid Deployment with the API server words on stderr, nothing on stdout, exit 2', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(
      file,
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: bad }
spec: {}
`,
    );
    const r = sim(file, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0\n',
    );
  });

  it('reports a YAML syntax error with its line and exits 2', () => {
    const file = join(tmp, 'broken.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: x\n');
    const r = sim(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line \d+: /,
    );
  });

  it('refuses a sample interval under 100ms', () => {
    const r = sim('public/scenarios/ramped.yaml', '--sample', '50ms');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sample');
  });
});
