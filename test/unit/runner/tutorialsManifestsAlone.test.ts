/**
 * The seed tutorials exactly as printed: manifests alone, no Scenario document. The runner makes
 * a Scenario for them (scenario-format.md "Manifests alone"), so the only thing between a learner
 * and a run is the retired apiVersion: exit 2 with kubectl's error, or `--convert` and exit 0.
 *
 * DEPENDS on the generated Scenario for manifests-alone files (issue 11 item 1, another branch):
 * until that lands, every test here fails with `no Scenario document`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../../../src/sim/runner/runResult';

// Each case starts node (the first one bundles the CLI): seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = 'test/fixtures/tutorials';

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/sim.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TUTORIALS = [
  ['deployment-demo-extensions-v1beta1.yaml', 'deployment-demo', '', 'extensions/v1beta1', 4],
  ['httpd-apps-v1beta1.yaml', 'httpd', '', 'apps/v1beta1', 3],
  ['testpage-extensions-v1beta1.yaml', 'testpage', 'default', 'extensions/v1beta1', 3],
] as const;

describe('A tutorial file as printed (manifests alone)', () => {
  it.each(TUTORIALS)(
    '%s: without --convert, only the retired version stops it (exit 2)',
    (file, name, namespace, version) => {
      const r = sim(join(FIXTURES, file), '--format', 'json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${file}": ` +
          `no matches for kind "Deployment" in version "${version}"\nensure CRDs are installed first\n`,
      );
      expect(r.stderr).not.toContain('no Scenario document');
    },
  );

  it.each(TUTORIALS)(
    '%s: with --convert it runs (exit 0), its Deployment reaches its replicas',
    (file, name, _namespace, version, replicas) => {
      const r = sim(join(FIXTURES, file), '--convert', '--format', 'json');
      expect(r.stderr).toContain(`  Deployment "${name}": apiVersion: ${version} → apps/v1\n`);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as RunResult;
      expect(doc.scenario.startsWith(file.replace(/\.yaml$/, ''))).toBe(true);
      const last = doc.samples.at(-1)?.deployments.find((d) => d.name === name);
      expect(last).toMatchObject({ desired: replicas, available: replicas });
    },
  );

  it('testpage has a Service, so the generated Scenario sends it traffic; a lone Deployment gets none', () => {
    const withService = JSON.parse(
      sim(join(FIXTURES, 'testpage-extensions-v1beta1.yaml'), '--convert', '--format', 'json')
        .stdout,
    ) as RunResult;
    expect(withService.summary.requests).toBeGreaterThan(0);
    const lone = JSON.parse(
      sim(join(FIXTURES, 'httpd-apps-v1beta1.yaml'), '--convert', '--format', 'json').stdout,
    ) as RunResult;
    expect(lone.summary.requests).toBe(0);
  });
});
