/**
 * The seed tutorials (test/fixtures/tutorials, as the tutorials print them): the runner rejects
 * their retired apiVersions as today's kubectl does, `--convert` makes them run, and the
 * converted Deployments behave as the old versions did: extensions/v1beta1's 1/1 waves, every old
 * ReplicaSet kept and no progress deadline; apps/v1beta1's two old ReplicaSets.
 *
 * These files append a Scenario document to the manifests; tutorialsManifestsAlone.test.ts runs
 * the files exactly as printed (no Scenario document).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { convertRetiredVersions } from '../../../src/sim/scenario/convertApiVersion';
import { runScenario } from '../../../src/sim/runner/run';
import type { RunResult } from '../../../src/sim/runner/runResult';

const FIXTURES = 'test/fixtures/tutorials';
const tutorial = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-tutorials-'));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/sim.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scenario(name: string, body: string): string {
  return `---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: ${name} }
spec:
${body}`;
}

/** Converts a tutorial, appends a Scenario and runs it in-process. */
function run(file: string, scenarioBody: string, opts: { sampleMs?: number } = {}): RunResult {
  const { text } = convertRetiredVersions(tutorial(file));
  const outcome = runScenario(text + scenario('t', scenarioBody), file, opts);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return outcome.result;
}

const TUTORIALS = [
  ['deployment-demo-extensions-v1beta1.yaml', 'deployment-demo', '', 'extensions/v1beta1'],
  ['httpd-apps-v1beta1.yaml', 'httpd', '', 'apps/v1beta1'],
  ['testpage-extensions-v1beta1.yaml', 'testpage', 'default', 'extensions/v1beta1'],
] as const;

describe('npm run sim on a tutorial file', () => {
  // Each call starts node (and the first bundles the CLI): seconds on a busy machine.
  vi.setConfig({ testTimeout: 60_000 });
  it.each(TUTORIALS)(
    '%s without --convert: exit 2, kubectl’s error on stderr, nothing on stdout',
    (file, name, namespace, version) => {
      const r = sim(join(FIXTURES, file), '--format', 'json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${file}": ` +
          `no matches for kind "Deployment" in version "${version}"\nensure CRDs are installed first\n`,
      );
    },
  );

  it.each(TUTORIALS)(
    '%s with --convert (and a Scenario appended): says what it changed on stderr and runs, exit 0',
    (file, name, _namespace, version) => {
      const path = join(tmp, file);
      writeFileSync(path, tutorial(file) + scenario('t', '  duration: 30s\n'));
      const r = sim(path, '--convert', '--format', 'json');
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([
        'converted to apps/v1 (--convert):',
        `  Deployment "${name}": apiVersion: ${version} → apps/v1`,
      ]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as RunResult;
      const last = doc.samples.at(-1)?.deployments.find((d) => d.name === name);
      expect(last?.available).toBe(last?.desired);
    },
  );
});

describe('deployment-demo, converted from extensions/v1beta1 (maxSurge 1, maxUnavailable 1)', () => {
  it('surges to 5 pods and keeps at least 3 available at an image change, as the old version did', () => {
    const result = run(
      'deployment-demo-extensions-v1beta1.yaml',
      `  duration: 150s
  steps:
    - at: 30s
      kubectl: set image deployment/deployment-demo deployment-demo=nginx:1.11.9
`,
      { sampleMs: 100 },
    );
    const rollout = result.samples
      .filter((s) => s.t > 30)
      .map((s) => s.deployments.find((d) => d.name === 'deployment-demo'))
      .filter((d) => d !== undefined);
    // The first wave: one new pod on top of the four (5), then one old pod goes (3 available).
    expect(Math.max(...rollout.map((d) => d.current))).toBe(5);
    expect(Math.min(...rollout.map((d) => d.available))).toBe(3);
    expect(rollout[0]?.strategy).toEqual({ type: 'RollingUpdate', maxSurge: 1, maxUnavailable: 1 });
    expect(rollout.at(-1)).toMatchObject({ updated: 4, available: 4, images: ['nginx:1.11.9'] });
  });

  it('keeps every old ReplicaSet (apps/v1 alone would keep 10)', () => {
    const steps = Array.from(
      { length: 12 },
      (_, i) => `    - at: ${20 + 2 * i}s
      kubectl: set image deployment/deployment-demo deployment-demo=nginx:1.${11 + i}.0
`,
    ).join('');
    const result = run(
      'deployment-demo-extensions-v1beta1.yaml',
      `  duration: 240s\n  steps:\n${steps}`,
      {
        sampleMs: 10_000,
      },
    );
    const sets = result.samples
      .at(-1)
      ?.replicaSets.filter((rs) => rs.owner === 'Deployment/deployment-demo');
    expect(sets).toHaveLength(13);
    expect(sets?.filter((rs) => rs.desired === 0)).toHaveLength(12);
  });

  it('has no progress deadline: a rollout stuck for 15 minutes is never ProgressDeadlineExceeded', () => {
    const result = run(
      'deployment-demo-extensions-v1beta1.yaml',
      `  duration: 900s
  images:
    "nginx:stuck": { pullError: true }
  steps:
    - at: 30s
      kubectl: set image deployment/deployment-demo deployment-demo=nginx:stuck
`,
      { sampleMs: 30_000 },
    );
    const d = result.samples.at(-1)?.deployments.find((x) => x.name === 'deployment-demo');
    expect(d?.updated).toBeGreaterThan(0);
    expect(d?.available).toBe(3);
    expect(d?.conditions.map((c) => c.reason)).not.toContain('ProgressDeadlineExceeded');
    expect(result.events.map((e) => e.reason)).not.toContain('ProgressDeadlineExceeded');
  });
});

describe('httpd, converted from apps/v1beta1 (the tutorial changes the image, then undoes)', () => {
  it('rolls back to revision 1 after one change, as the tutorial shows', () => {
    const result = run(
      'httpd-apps-v1beta1.yaml',
      `  duration: 120s
  steps:
    - at: 20s
      kubectl: set image deployment/httpd httpd=httpd:2.2.32
    - at: 60s
      kubectl: rollout undo deployment/httpd --to-revision=1
`,
    );
    const undo = result.commands.find((c) => c.command.includes('undo'));
    expect(undo).toMatchObject({ exitCode: 0, output: 'deployment.apps/httpd rolled back\n' });
    expect(result.samples.at(-1)?.deployments[0]?.images).toEqual(['httpd:2.2.31']);
  });

  it('keeps only two old ReplicaSets (apps/v1beta1’s revisionHistoryLimit), so revision 1 is gone after three changes', () => {
    const result = run(
      'httpd-apps-v1beta1.yaml',
      `  duration: 200s
  steps:
    - at: 20s
      kubectl: set image deployment/httpd httpd=httpd:2.2.32
    - at: 60s
      kubectl: set image deployment/httpd httpd=httpd:2.2.33
    - at: 100s
      kubectl: set image deployment/httpd httpd=httpd:2.2.34
    - at: 150s
      kubectl: rollout undo deployment/httpd --to-revision=1
`,
      { sampleMs: 10_000 },
    );
    const sets = result.samples.at(-1)?.replicaSets.filter((rs) => rs.owner === 'Deployment/httpd');
    expect(sets?.map((rs) => rs.revision).sort()).toEqual([2, 3, 4]);
    const undo = result.commands.find((c) => c.command.includes('undo'));
    expect(undo?.exitCode).toBe(1);
    expect(undo?.output).toBe('error: unable to find specified revision 1 in history\n');
  });
});

describe('testpage, converted from extensions/v1beta1 with its own maxSurge 1, maxUnavailable 0', () => {
  it('moves 0.5 → 0.6 one pod at a time and never has fewer than 3 available', () => {
    const result = run(
      'testpage-extensions-v1beta1.yaml',
      `  duration: 120s
  steps:
    - at: 20s
      kubectl: set image deployment/testpage testpage=dean/testpage:0.6
`,
      { sampleMs: 100 },
    );
    const rollout = result.samples
      .filter((s) => s.t > 20)
      .map((s) => s.deployments.find((d) => d.name === 'testpage'))
      .filter((d) => d !== undefined);
    expect(Math.max(...rollout.map((d) => d.current))).toBe(4);
    expect(Math.min(...rollout.map((d) => d.available))).toBe(3);
    expect(rollout.at(-1)?.images).toEqual(['dean/testpage:0.6']);
  });
});
