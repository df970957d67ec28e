/**
 * Real kubectl 1.32 against the simulated API server's OpenAPI documents: `kubectl explain`
 * renders the served schemas (built-in and custom resources), and `kubectl apply` reads
 * `/openapi/v3` to learn that the server validates fields itself, so it sends
 * `fieldValidation=Strict` instead of failing client-side validation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServe, type ServeProcess } from '../support/serveProcess';

let srv: ServeProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openapi-manifests-'));
  // Paused: the documents do not depend on the moment; a still cluster keeps kubectl's runs short.
  srv = await startServe('public/scenarios/ramped.yaml', { speed: 0 });
});

afterAll(async () => {
  await srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const kubectl = (...args: string[]): ReturnType<ServeProcess['kubectl']> => srv.kubectl(args);

/** The lines explain's v2 template starts with. */
const header = (group: string, kind: string, version: string): string =>
  `GROUP:      ${group}\nKIND:       ${kind}\nVERSION:    ${version}\n\n`;

describe('kubectl explain', () => {
  test('a built-in field prints as against a v1.32 cluster', async () => {
    const r = await kubectl('explain', 'deployment.spec.strategy.rollingUpdate');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: rollingUpdate <RollingUpdateDeployment>',
        '',
        '',
        'DESCRIPTION:',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '    Spec to control the desired behavior of rolling update.',
        '    ',
        'FIELDS:',
        '  maxSurge\t<IntOrString>',
        '    The maximum number of pods that can be scheduled above the desired number of',
        '    pods. Value can be an absolute number (ex: 5) or a percentage of desired',
        '    pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is',
        '    calculated from percentage by rounding up. Defaults to 25%. Example: when',
        '    this is set to 30%, the new ReplicaSet can be scaled up immediately when the',
        '    rolling update starts, such that the total number of old and new pods do not',
        '    exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet',
        '    can be scaled up further, ensuring that total number of pods running at any',
        '    time during the update is at most 130% of desired pods.',
        '',
        '  maxUnavailable\t<IntOrString>',
        '    The maximum number of pods that can be unavailable during the update. Value',
        '    can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%).',
        '    Absolute number is calculated from percentage by rounding down. This can not',
        '    be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%,',
        '    the old ReplicaSet can be scaled down to 70% of desired pods immediately',
        '    when the rolling update starts. Once new pods are ready, old ReplicaSet can',
        '    be scaled down further, followed by scaling up the new ReplicaSet, ensuring',
        '    that the total number of pods available at all times during the update is at',
        '    least 70% of desired pods.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  test('--recursive, custom resources, and a field that does not exist', async () => {
    const [recursive, rollout, vs, route, missing] = await Promise.all([
      kubectl('explain', 'deployment.spec.strategy', '--recursive'),
      kubectl('explain', 'rollouts.spec.strategy.canary.steps'),
      kubectl('explain', 'virtualservices.spec.http.route'),
      kubectl('explain', 'httproutes.spec.rules.backendRefs.weight'),
      kubectl('explain', 'deployment.spec.strategy.blueGreen'),
    ]);
    expect(recursive.stdout).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    maxSurge\t<IntOrString>',
        '    maxUnavailable\t<IntOrString>',
        '  type\t<string>',
        '',
        '',
      ].join('\n'),
    );
    // Argo Rollouts' CRD carries no descriptions; kubectl says so, as against a real cluster.
    expect(
      rollout.stdout.startsWith(
        header('argoproj.io', 'Rollout', 'v1alpha1') + 'FIELD: steps <[]Object>\n',
      ),
    ).toBe(true);
    for (const field of ['analysis\t<Object>', 'pause\t<Object>', 'setWeight\t<integer>'])
      expect(rollout.stdout).toContain(`  ${field}\n    <no description>`);
    expect(vs.stdout.startsWith(header('networking.istio.io', 'VirtualService', 'v1'))).toBe(true);
    expect(vs.stdout).toContain('  destination\t<Object> -required-\n');
    expect(vs.stdout).toContain('  weight\t<integer>\n');
    expect(route.stdout.startsWith(header('gateway.networking.k8s.io', 'HTTPRoute', 'v1'))).toBe(
      true,
    );
    expect(route.stdout).toContain('FIELD: weight <integer>');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: field "blueGreen" does not exist\n');
  });
});

describe('kubectl apply reads /openapi/v3 for server-side field validation', () => {
  test('a Deployment and a Rollout are created with fieldValidation=Strict', async () => {
    const file = join(dir, 'manifests.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: openapi-probe}',
        'spec:',
        '  replicas: 2',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec: {containers: [{name: web, image: "nginx:1.27"}]}',
        '---',
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Rollout',
        'metadata: {name: openapi-probe}',
        'spec:',
        '  selector: {matchLabels: {app: ro}}',
        '  template:',
        '    metadata: {labels: {app: ro}}',
        '    spec: {containers: [{name: ro, image: "nginx:1.27"}]}',
        '  strategy: {canary: {steps: [{setWeight: 20}]}}',
        '',
      ].join('\n'),
    );
    const r = await kubectl('apply', '-f', file, '--dry-run=server', '-v=8');
    const requests = r.stderr
      .split('\n')
      .map((l) => / (GET|POST|PATCH|PUT) http:\/\/[^/]+(\S+)/.exec(l))
      .filter((m) => m !== null)
      .map(
        (m) =>
          `${m[1]} ${(m[2] ?? '').replace(/hash=[0-9A-F]{128}/, 'hash=H').replace(/[?&]timeout=\d+s$/, '')}`,
      );
    expect(requests.filter((q) => q.startsWith('POST'))).toEqual([
      'POST /apis/apps/v1/namespaces/default/deployments?dryRun=All&fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
      'POST /apis/argoproj.io/v1alpha1/namespaces/default/rollouts?dryRun=All&fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
    ]);
    // It learnt that from the v3 documents of the two group-versions, by the hashed URLs the
    // index gave, and never needed v2.
    expect(requests.filter((q) => q.startsWith('GET /openapi')).sort()).toEqual([
      'GET /openapi/v3',
      'GET /openapi/v3/apis/apps/v1?hash=H',
      'GET /openapi/v3/apis/argoproj.io/v1alpha1?hash=H',
    ]);
  });

  test('a custom resource is updated with a merge patch, after v2 (protobuf) says it takes no strategic merge', async () => {
    const rollout = (image: string): string =>
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Rollout',
        'metadata: {name: openapi-ro}',
        'spec:',
        '  selector: {matchLabels: {app: ro}}',
        '  template:',
        '    metadata: {labels: {app: ro}}',
        `    spec: {containers: [{name: ro, image: "${image}"}]}`,
        '  strategy: {canary: {steps: [{setWeight: 20}]}}',
        '',
      ].join('\n');
    const file = join(dir, 'rollout.yaml');
    writeFileSync(file, rollout('nginx:1.27'));
    expect((await kubectl('apply', '-f', file)).stdout).toBe(
      'rollout.argoproj.io/openapi-ro created\n',
    );
    writeFileSync(file, rollout('nginx:1.28'));
    const r = await kubectl('apply', '-f', file, '-v=8');
    expect(r.stdout).toBe('rollout.argoproj.io/openapi-ro configured\n');
    // v3 says the PATCH takes no strategic merge patch (a CRD), so kubectl asks v2 — as protobuf
    // only (client-go DiscoveryClient.OpenAPISchema) — whose `consumes` says the same, and sends
    // a JSON merge patch.
    expect(r.stderr).toMatch(
      /GET http:\/\/[^/]+\/openapi\/v2\?timeout=32s\n.*Request Headers:\n(.*\n)*?.*Accept: application\/com\.github\.proto-openapi\.spec\.v2@v1\.0\+protobuf\n(.*\n)*?.*Response Status: 200 OK.*\n.*Response Headers:\n(.*\n)*?.*Content-Type: application\/com\.github\.proto-openapi\.spec\.v2\.v1\.0\+protobuf\n/,
    );
    expect(r.stderr).toMatch(
      /PATCH http:\/\/[^/]+\/apis\/argoproj\.io\/v1alpha1\/namespaces\/default\/rollouts\/openapi-ro\?fieldManager=kubectl-client-side-apply&fieldValidation=Strict\n(.*\n)*?.*Content-Type: application\/merge-patch\+json\n/,
    );
  });
});

describe('/openapi/v2 as protobuf, where kubectl still needs it', () => {
  test('a kind: List file is validated on the client, in kubectl’s own words', async () => {
    const list = (field: string): string =>
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: apps/v1',
        '  kind: Deployment',
        '  metadata: {name: list-probe}',
        '  spec:',
        `    ${field}: {matchLabels: {app: lp}}`,
        '    template:',
        '      metadata: {labels: {app: lp}}',
        '      spec: {containers: [{name: lp, image: "nginx:1.27"}]}',
        '- apiVersion: argoproj.io/v1alpha1',
        '  kind: Rollout',
        '  metadata: {name: list-ro}',
        '  spec:',
        '    selector: {matchLabels: {app: lr}}',
        '    template:',
        '      metadata: {labels: {app: lr}}',
        '      spec: {containers: [{name: lr, image: "nginx:1.27"}]}',
        '    strategy: {canary: {maxSurge: "25%", steps: [{setWeight: 20}, {pause: {duration: 10s}}]}}',
        '',
      ].join('\n');
    const good = join(dir, 'list.yaml');
    const bad = join(dir, 'badlist.yaml');
    writeFileSync(good, list('selector'));
    writeFileSync(bad, list('selectr'));
    const [ok, refused, explained] = await Promise.all([
      kubectl('apply', '-f', good, '--dry-run=server'),
      kubectl('apply', '-f', bad, '--dry-run=server'),
      kubectl('explain', 'deployment.spec.strategy', '--output=plaintext-openapiv2'),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe(
      'deployment.apps/list-probe created (server dry run)\nrollout.argoproj.io/list-ro created (server dry run)\n',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: error validating "${bad}": error validating data: [ValidationError(Deployment.spec): unknown field "selectr" in io.k8s.api.apps.v1.DeploymentSpec, ValidationError(Deployment.spec): missing required field "selector" in io.k8s.api.apps.v1.DeploymentSpec]; if you choose to ignore these errors, turn validation off with --validate=false\n`,
    );
    expect(explained.stdout).toBe(
      [
        'KIND:     Deployment',
        'VERSION:  apps/v1',
        '',
        'RESOURCE: strategy <Object>',
        '',
        'DESCRIPTION:',
        '     The deployment strategy to use to replace existing pods with new ones.',
        '',
        '     DeploymentStrategy describes how to replace existing pods with new ones.',
        '',
        'FIELDS:',
        '   rollingUpdate\t<Object>',
        '     Rolling update config params. Present only if DeploymentStrategyType =',
        '     RollingUpdate.',
        '',
        '   type\t<string>',
        '     Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '     RollingUpdate.',
        '',
        '',
      ].join('\n'),
    );
  });
});
