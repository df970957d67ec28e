/**
 * Real kubectl 1.32 writing to `sim serve`: set image starts a rollout, scale, rollout undo,
 * apply (created, configured, unchanged from the stored last-applied annotation), a server dry
 * run that changes nothing, create of an existing object, replace with a stale
 * resourceVersion, and delete with its ReplicaSets and pods collected — each as kubectl prints
 * it against a real cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../support/serveProcess';

const CLUSTER = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.26
          ports: [{ containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 80 }]
`;

const api = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { app: api }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: nginx:1.26
`;

let srv: ServeProcess;
let dir: string;
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Runs kubectl; fails the test with what it printed when it exits non-zero. */
async function ok(args: string | string[]): Promise<string> {
  const r = await srv.kubectl(args);
  if (r.code !== 0) throw new Error(`kubectl ${String(args)} exited ${r.code}:\n${r.stderr}`);
  return r.stdout;
}

const jsonpath = (what: string, path: string) => ok(['get', what, '-o', `jsonpath=${path}`]);

/** Polls a kubectl read until `done` holds (the simulation runs at 20× wall time). */
async function until(args: string[], done: (out: string) => boolean, ms = 10_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const r = await srv.kubectl(args);
    const out = r.stdout + r.stderr;
    if (done(out) || Date.now() > end) return out;
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rollout-lab-writes-'));
  // `kubectl edit`'s editor: raises replicas 3 → 4 in the file kubectl opens.
  const editor = file('editor.sh', `#!/bin/sh\nsed -i 's/^  replicas: 3$/  replicas: 4/' "$1"\n`);
  chmodSync(editor, 0o755);
  process.env.KUBE_EDITOR = editor;
  srv = await startServe(file('cluster.yaml', CLUSTER), { speed: 20, start: '20s' });
}, 20_000);

afterAll(async () => {
  await srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('real kubectl writes to sim serve', () => {
  it('set image starts a rollout: the new ReplicaSet exists and rollout status returns', async () => {
    expect(await ok('set image deploy/web web=nginx:1.27')).toBe(
      'deployment.apps/web image updated\n',
    );
    const status = await ok('rollout status deploy/web --timeout=15s');
    expect(status).toContain('deployment "web" successfully rolled out');
    const images = await jsonpath(
      'rs',
      '{range .items[*]}{.spec.template.spec.containers[0].image}={.spec.replicas} {end}',
    );
    expect(images.trim().split(' ').sort()).toEqual(['nginx:1.26=0', 'nginx:1.27=2']);
  }, 20_000);

  it('scale patches the scale subresource; rollout undo goes back to the old image', async () => {
    expect(await ok('scale deploy/web --replicas=5')).toBe('deployment.apps/web scaled\n');
    expect(await jsonpath('deploy/web', '{.spec.replicas}')).toBe('5');
    expect(await ok('rollout undo deploy/web')).toBe('deployment.apps/web rolled back\n');
    expect(await jsonpath('deploy/web', '{.spec.template.spec.containers[0].image}')).toBe(
      'nginx:1.26',
    );
  });

  it('apply: created, unchanged, configured; a server dry run changes nothing', async () => {
    const one = file('api.yaml', api(1));
    const three = file('api3.yaml', api(3));
    expect(await ok(['apply', '-f', one])).toBe('deployment.apps/api created\n');
    expect(await ok(['apply', '-f', one])).toBe('deployment.apps/api unchanged\n');
    expect(await ok(['apply', '-f', three, '--dry-run=server'])).toBe(
      'deployment.apps/api configured (server dry run)\n',
    );
    expect(await jsonpath('deploy/api', '{.spec.replicas}')).toBe('1');
    expect(await ok(['apply', '-f', three])).toBe('deployment.apps/api configured\n');
    expect(await jsonpath('deploy/api', '{.spec.replicas}')).toBe('3');
    expect(await ok(['apply', '-f', three])).toBe('deployment.apps/api unchanged\n');
  });

  it('create of an existing object and replace with a stale resourceVersion are refused as the API server refuses them', async () => {
    const one = join(dir, 'api.yaml');
    const created = await srv.kubectl(['create', '-f', one]);
    expect(created.code).toBe(1);
    expect(created.stderr).toBe(
      `Error from server (AlreadyExists): error when creating "${one}": deployments.apps "api" already exists\n`,
    );
    const stale = file('stale.yaml', await ok('get deploy api -o yaml'));
    await ok('annotate deploy api touched=yes');
    const replaced = await srv.kubectl(['replace', '-f', stale]);
    expect(replaced.stderr).toBe(
      `Error from server (Conflict): error when replacing "${stale}": Operation cannot be fulfilled on deployments.apps "api": the object has been modified; please apply your changes to the latest version and try again\n`,
    );
  });

  it('edit and label patch the object; strict validation refuses an unknown field', async () => {
    expect(await ok('edit deploy api')).toBe('deployment.apps/api edited\n');
    expect(await jsonpath('deploy/api', '{.spec.replicas}')).toBe('4');
    expect(await ok('label deploy api tier=backend')).toBe('deployment.apps/api labeled\n');
    expect(await jsonpath('deploy/api', '{.metadata.labels.tier}')).toBe('backend');
    const bad = file('bad.yaml', api(4).replace('  replicas: 4', '  replicas: 4\n  replicaz: 1'));
    const refused = await srv.kubectl(['apply', '-f', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^Error from server \(BadRequest\): error when applying patch:\n[\s\S]*error when patching ".*bad\.yaml": strict decoding error: unknown field "spec\.replicaz"\n$/,
    );
    expect(await jsonpath('deploy/api', '{.spec.replicas}')).toBe('4');
  });

  it('server-side apply, and create deployment (a protobuf body)', async () => {
    expect(await ok(['apply', '--server-side', '-f', join(dir, 'api3.yaml')])).toBe(
      'deployment.apps/api serverside-applied\n',
    );
    expect(await jsonpath('deploy/api', '{.spec.replicas}')).toBe('3');
    expect(await ok('create deployment hello --image=nginx:1.27 --replicas=3 --port=80')).toBe(
      'deployment.apps/hello created\n',
    );
    expect(
      await jsonpath('deploy/hello', '{.spec.replicas} {.spec.template.spec.containers[0].image}'),
    ).toBe('3 nginx:1.27');
  });

  it('delete deploy web: its ReplicaSets and pods go', async () => {
    expect(await ok('delete deploy web')).toBe('deployment.apps "web" deleted\n');
    const left = await until(['get', 'rs,pods', '-l', 'app=web'], (o) =>
      o.includes('No resources found'),
    );
    expect(left).toBe('No resources found in default namespace.\n');
  }, 15_000);
});
