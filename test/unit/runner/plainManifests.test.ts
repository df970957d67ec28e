/**
 * The runner on files that hold only manifests (issue 11 items 1 and 3): it generates a Scenario
 * and names it on stderr, lists what it ignores on stderr, exits 0, and keeps stdout the JSON
 * contract alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/runner/run';
import type { RunResult } from '../../../src/sim/runner/runResult';
import { expectContract } from '../../support/runContract';

const FIX = 'test/fixtures/import';
const tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-import-'));

function sim(file: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/sim.mjs', file, '--format', 'json', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const last = (doc: RunResult) => doc.samples[doc.samples.length - 1]!;

// Each test spawns the runner for a 300 s simulated run (the first also rebuilds the bundle).
describe('npm run sim on plain manifests', { timeout: 30_000 }, () => {
  it('runs a lone tutorial Deployment, names the generated Scenario on stderr, exits 0', () => {
    const r = sim(`${FIX}/tutorial-deployment.yaml`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RunResult; // stdout is the JSON document and nothing else
    expectContract(doc);
    expect(doc.scenario).toBe('tutorial-deployment');
    expect(doc.duration).toBe(300);
    expect(last(doc).deployments[0]).toMatchObject({ name: 'nginx-deployment', ready: 3 });
    expect(doc.summary.requests).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'note: no Scenario document in tutorial-deployment.yaml: generated Scenario "tutorial-deployment" with seed 1, duration 300s and no traffic',
    );
    expect(lines[1]).toBe(
      'note: no Service in tutorial-deployment.yaml, so no traffic is sent: add a Service to the file, as ' +
        '`kubectl expose deployment/nginx-deployment --port=80` makes it: `{ apiVersion: v1, kind: Service, ' +
        'metadata: { name: "nginx-deployment" }, spec: { selector: { "app": "nginx" }, ports: [{ port: 80, targetPort: 80 }] } }`',
    );
    expect(lines).toHaveLength(2);
  });

  it('sends traffic to the Service when one is there, at a rate that suits the replicas', () => {
    const r = sim(`${FIX}/web-clean.yaml`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RunResult;
    expect(r.stderr).toBe(
      'note: no Scenario document in web-clean.yaml: generated Scenario "web-clean" with seed 1, duration 300s ' +
        'and 40 requests/s to Service web (10 per replica for 4, within 10–200)\n',
    );
    expect(last(doc).endpoints).toEqual({ web: 4 });
    // Poisson arrivals at 40/s for 300 s: 12000 expected, 5 sigma is about 550.
    expect(Math.abs(doc.summary.requests - 12000)).toBeLessThan(550);
    expect(last(doc).traffic.byImage).toHaveProperty(['nginx:1.27.3']);
  });

  it('pasting the Service the note prints makes the lone Deployment take traffic', () => {
    const text = readFileSync(`${FIX}/tutorial-deployment.yaml`, 'utf8');
    const note = sim(`${FIX}/tutorial-deployment.yaml`).stderr.split('\n')[1]!;
    const service = /makes it: `(.*)`$/.exec(note)![1]!;
    const file = join(tmp, 'tutorial-exposed.yaml');
    writeFileSync(file, `${text}---\n${service}\n`);
    const r = sim(file);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RunResult;
    expect(last(doc).endpoints).toEqual({ 'nginx-deployment': 3 });
    expect(doc.summary.requests).toBeGreaterThan(0);
    // No readinessProbe: pods are Ready before nginx listens (scenario-format.md §1), so the
    // first seconds refuse some requests; after that all are answered.
    const late = doc.samples.filter((s) => s.t > 10);
    expect(late.reduce((n, s) => n + s.traffic.ok, 0)).toBe(
      late.reduce((n, s) => n + s.traffic.requests, 0),
    );
    expect(doc.summary.errors).toBe(doc.samples.reduce((n, s) => n + s.traffic.errors.refused, 0));
  });

  it('runs a `kubectl get -o yaml` export exactly as the manifests it was exported from', () => {
    const run = (file: string) => {
      const out = runScenario(readFileSync(`${FIX}/${file}`, 'utf8'), 'web.yaml');
      if (!out.ok) throw new Error(out.errors.join('\n'));
      return out;
    };
    const exported = run('kubectl-get-export.yaml');
    const clean = run('web-clean.yaml');
    expect(JSON.stringify(exported.result)).toBe(JSON.stringify(clean.result));
    expect(exported.ignored).toEqual([
      {
        doc: 0,
        path: 'items[1]',
        what: 'ReplicaSet/web-6d8f9c7b5d: owned by Deployment/web in this file, whose controller creates it again',
      },
      {
        doc: 0,
        path: 'items[2]',
        what: 'Pod/web-6d8f9c7b5d-4xk2p: owned by ReplicaSet/web-6d8f9c7b5d in this file, whose controller creates it again',
      },
    ]);
    expect(clean.ignored).toEqual([]);
    const dropped = exported.notes?.find((n) => n.startsWith('dropped what the cluster filled in'));
    for (const field of ['status', 'metadata.managedFields', 'spec.clusterIP', 'spec.ipFamilies'])
      expect(dropped).toContain(field);
  });

  it('runs `helm template` output: empty and comment-only documents, a chart test left out', () => {
    const r = sim(`${FIX}/helm-template.yaml`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RunResult;
    expect(last(doc).deployments[0]).toMatchObject({ name: 'release-web', ready: 1 });
    expect(last(doc).pods.total).toBe(1); // the chart test's Pod is not created
    expect(r.stderr.split('\n').filter((l) => l.startsWith('ignored: '))).toEqual([
      'ignored: ServiceAccount/release-web: kind ServiceAccount (v1) is not simulated',
      'ignored: Deployment/release-web spec.template.spec.serviceAccountName: not simulated',
      'ignored: Deployment/release-web spec.template.spec.containers[0].imagePullPolicy: every pod pulls its image (pullTime in the Scenario)',
      'ignored: Pod/release-web-test-connection: a Helm chart test (helm.sh/hook: test): `helm install` does not create it, `helm test` does',
    ]);
  });

  it('runs `kustomize build` output, listing its namespace, ConfigMap and Ingress as ignored', () => {
    const r = sim(`${FIX}/kustomize-build.yaml`, '--duration', '60s');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as RunResult;
    expect(last(doc).deployments[0]).toMatchObject({ name: 'prod-frontend', ready: 6 });
    expect(last(doc).autoscalers[0]).toMatchObject({ name: 'prod-frontend', min: 6, max: 12 });
    expect(r.stderr.split('\n').filter((l) => l.startsWith('ignored: '))).toEqual([
      'ignored: Namespace/shop: kind Namespace (v1) is not simulated: one namespace is simulated',
      'ignored: ConfigMap/prod-frontend-config-7b9d5m2kct: kind ConfigMap (v1) is not simulated: the simulated app takes its behaviour from the Scenario, by image',
      'ignored: Service/prod-frontend metadata.namespace: one namespace is simulated; all objects share it',
      'ignored: Deployment/prod-frontend spec.template.spec.containers[0].envFrom: the simulated app takes its behaviour from the Scenario, by image',
      'ignored: Deployment/prod-frontend metadata.namespace: one namespace is simulated; all objects share it',
      'ignored: HorizontalPodAutoscaler/prod-frontend metadata.namespace: one namespace is simulated; all objects share it',
      'ignored: Ingress/prod-frontend: kind Ingress (networking.k8s.io/v1) is not simulated: send traffic to a Service (traffic.target in the Scenario) instead',
    ]);
  });

  it('gives the same JSON whether or not the file holds fields it ignores (but the template hash)', () => {
    const clean = readFileSync(`${FIX}/web-clean.yaml`, 'utf8');
    const noisy = clean.replace(
      '      containers:\n',
      '      nodeSelector: { disktype: ssd }\n      volumes: [{ name: cache, emptyDir: {} }]\n      containers:\n',
    );
    expect(noisy).not.toBe(clean);
    const a = join(tmp, 'a', 'web.yaml');
    const b = join(tmp, 'b', 'web.yaml');
    for (const [p, t] of [
      [a, clean],
      [b, noisy],
    ] as const) {
      spawnSync('mkdir', ['-p', join(p, '..')]);
      writeFileSync(p, t);
    }
    const ra = sim(a, '--duration', '30s');
    const rb = sim(b, '--duration', '30s');
    expect(rb.code).toBe(0);
    // Kubernetes hashes the whole pod template into ReplicaSet and Pod names
    // (controller.ComputeHash); everything else is the same.
    const hash = (out: string) => /replica set web-([0-9a-z]+) /.exec(out)![1]!;
    expect(hash(rb.stdout)).not.toBe(hash(ra.stdout));
    expect(rb.stdout.replaceAll(hash(rb.stdout), 'HASH')).toBe(
      ra.stdout.replaceAll(hash(ra.stdout), 'HASH'),
    );
    expect(rb.stderr.split('\n').filter((l) => l.startsWith('ignored: '))).toEqual([
      'ignored: Deployment/web spec.template.spec.nodeSelector: all simulated nodes are alike',
      'ignored: Deployment/web spec.template.spec.volumes: no storage is simulated',
    ]);
  });

  it('still rejects a kind no cluster serves, with kubectl words, exit 2 and nothing on stdout', () => {
    const file = join(tmp, 'widget.yaml');
    writeFileSync(
      file,
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n---\n' +
        readFileSync(`${FIX}/tutorial-deployment.yaml`, 'utf8'),
    );
    const r = sim(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "w" namespace: "" from "widget.yaml": no matches for kind ' +
        '"Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
    );
  });
});
