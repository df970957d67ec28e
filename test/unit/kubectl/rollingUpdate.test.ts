/**
 * `kubectl rolling-update` (kubectl ≤ 1.17, client-side): what it prints and when, what it does
 * to the two ReplicationControllers, and what is left when it is interrupted.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../support/TestCluster';
import { parseKubectl } from '../../../src/sim/kubectl/parse/parseKubectl';
import { md5Hex } from '../../../src/sim/core/md5';
import { runScenario } from '../../../src/sim/runner/run';
import type { Pod, ReplicationController } from '../../../src/sim/api/objects';
import type { Engine } from '../../../src/sim/engine/engine';

const DEPRECATED = 'Command "rolling-update" is deprecated, use "rollout" instead\n';
const USAGE = "See 'kubectl rolling-update -h' for help and examples";

/** A ReplicationController `frontend` behind a Service, with optional extra scenario spec. */
function rcYaml(opts: { replicas?: number; image?: string; containers?: string } = {}): string {
  const containers =
    opts.containers ??
    `        - name: nginx
          image: ${opts.image ?? 'nginx:1.26'}
          readinessProbe:
            httpGet: { path: /, port: 80 }
            periodSeconds: 1
`;
  return `apiVersion: v1
kind: ReplicationController
metadata:
  name: frontend
spec:
  replicas: ${opts.replicas ?? 3}
  selector: { app: frontend }
  template:
    metadata:
      labels: { app: frontend }
    spec:
      containers:
${containers}---
apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  selector: { app: frontend }
  ports: [{ port: 80 }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata:
  name: test
spec:
  cluster: { nodes: 3, nodeResources: { cpu: "64", memory: 256Gi } }
  images:
    "nginx:1.26": { startTime: 2s }
    "nginx:1.27": { startTime: 2s }
    "app:broken": { ready: false }
`;
}

/** Booted (all three pods Ready) at t = 10 s. */
const booted = (opts?: Parameters<typeof rcYaml>[0]) =>
  TestCluster.load(rcYaml(opts)).advance('10s');

const rcs = (e: Engine) => e.list<ReplicationController>('ReplicationController');
const rc = (e: Engine, name: string) =>
  e.store.get<ReplicationController>('ReplicationController', name);
const sizes = (e: Engine) =>
  Object.fromEntries(rcs(e).map((r) => [r.metadata?.name ?? '', r.spec?.replicas ?? 0]));
const last = (e: Engine) => {
  const c = e.commands[e.commands.length - 1];
  if (!c) throw new Error('no command');
  return c;
};
/** The name kubectl gave the new controller, from its "Created" line. */
const createdName = (output: string) => /^Created (\S+)$/m.exec(output)?.[1] ?? '';

/** Every change of a controller's spec.replicas, creation and deletion, with its time. */
function recordScaling(e: Engine): string[] {
  const log: string[] = [];
  e.store.watch((ev) => {
    if (ev.kind !== 'ReplicationController') return;
    const name = ev.obj.metadata?.name ?? '';
    const t = e.now / 1000;
    const n = (ev.obj as ReplicationController).spec?.replicas;
    if (ev.type === 'ADDED') log.push(`${t} create ${name} ${n}`);
    else if (ev.type === 'DELETED') log.push(`${t} delete ${name}`);
    else if ((ev.old as ReplicationController).spec?.replicas !== n)
      log.push(`${t} scale ${name} ${n}`);
  });
  return log;
}

describe('md5Hex (util.HashObject)', () => {
  it('matches crypto/md5 on short, multi-block and non-ASCII input', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    for (const s of [
      'The quick brown fox jumps over the lazy dog',
      'x'.repeat(55),
      'x'.repeat(56),
      'y'.repeat(64),
      'z'.repeat(1000),
      'nginx:1.27 — ünïcödé 🚀',
    ])
      expect(md5Hex(s)).toBe(createHash('md5').update(s, 'utf8').digest('hex'));
  });
});

describe('kubectl rolling-update frontend --image=…: a full update', () => {
  it('prints what kubectl printed, line by line, and renames the new controller', () => {
    const c = booted();
    const r = c.engine.exec('rolling-update frontend --image=nginx:1.27 --update-period=10s');
    const name = createdName(r.output);
    expect(name).toMatch(/^frontend-[0-9a-f]{32}$/);
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
      DEPRECATED +
        `Created ${name}\n` +
        `Scaling up ${name} from 0 to 3, scaling down frontend from 3 to 0 (keep 3 pods available, don't exceed 4 pods)\n` +
        `Scaling ${name} up to 1\n`,
    );
    c.advance('70s');
    const rec = last(c.engine);
    expect(rec.exitCode).toBe(0);
    expect(rec.output).toBe(
      DEPRECATED +
        `Created ${name}\n` +
        `Scaling up ${name} from 0 to 3, scaling down frontend from 3 to 0 (keep 3 pods available, don't exceed 4 pods)\n` +
        `Scaling ${name} up to 1\n` +
        'Scaling frontend down to 2\n' +
        `Scaling ${name} up to 2\n` +
        'Scaling frontend down to 1\n' +
        `Scaling ${name} up to 3\n` +
        'Scaling frontend down to 0\n' +
        'Update succeeded. Deleting old controller: frontend\n' +
        `Renaming ${name} to frontend\n` +
        'replicationcontroller/frontend rolling updated\n',
    );
    // One controller left, under the old name, selecting the new pods by their hash label.
    expect(sizes(c.engine)).toEqual({ frontend: 3 });
    const hash = name.slice('frontend-'.length);
    const final = rc(c.engine, 'frontend');
    expect(final?.spec?.selector).toEqual({ app: 'frontend', deployment: hash });
    expect(final?.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.27');
    expect(final?.status?.replicas).toBe(3);
    // The running pods were adopted, not replaced: three nginx:1.27 pods owned by it.
    const pods = c.pods().filter((p) => !p.metadata?.deletionTimestamp);
    expect(pods.map((p) => p.spec?.containers[0]?.image)).toEqual(Array(3).fill('nginx:1.27'));
    expect(pods.every((p) => p.metadata?.name?.startsWith(`${name}-`))).toBe(true);
    expect(pods.map((p) => p.metadata?.ownerReferences?.[0]?.uid)).toEqual(
      Array(3).fill(final?.metadata?.uid),
    );
    // The annotations kubectl keeps its progress in are gone from the renamed controller.
    const annotations = Object.keys(final?.metadata?.annotations ?? {});
    expect(annotations).not.toContain('kubectl.kubernetes.io/desired-replicas');
    expect(annotations).not.toContain('kubectl.kubernetes.io/update-source-id');
  });

  it('labels the old controller and its pods deployment=<hash>-orig before it starts', () => {
    const c = booted();
    const out = c.kubectl('rolling-update frontend --image=nginx:1.27');
    const name = createdName(out);
    const old = rc(c.engine, 'frontend');
    const origHash = old?.spec?.selector?.deployment ?? '';
    expect(origHash).toMatch(/^[0-9a-f]{32}-orig$/);
    expect(old?.spec?.template?.metadata?.labels?.deployment).toBe(origHash);
    expect(old?.metadata?.annotations?.['kubectl.kubernetes.io/next-controller-id']).toBe(name);
    expect(old?.metadata?.annotations?.['kubectl.kubernetes.io/original-replicas']).toBe('3');
    const oldPods = c.pods().filter((p) => p.metadata?.name?.match(/^frontend-[a-z0-9]{5}$/));
    expect(oldPods).toHaveLength(3);
    expect(oldPods.every((p) => p.metadata?.labels?.deployment === origHash)).toBe(true);
    // Created with 0 replicas, then the first scale-up, all before kubectl's first poll.
    const created = rc(c.engine, name);
    expect(created?.spec?.replicas).toBe(1);
    expect(created?.metadata?.annotations?.['kubectl.kubernetes.io/desired-replicas']).toBe('3');
    expect(created?.metadata?.annotations?.['kubectl.kubernetes.io/update-source-id']).toBe(
      `frontend:${old?.metadata?.uid}`,
    );
  });

  it("scales on kubectl's clock: poll 3 s after each scale, --update-period between up and down", () => {
    const c = booted();
    const log = recordScaling(c.engine);
    const name = createdName(
      c.kubectl('rolling-update frontend --image=nginx:1.27 --update-period=10s'),
    );
    c.advance('70s');
    // 10: create + up; +3 synced, +10 sleep → 23 down; +3 synced → 26 up; … ; cleanup polls
    // 3 s (wait.Poll) → 61 delete; Rename polls 5 s → 66 re-create under the old name.
    expect(log).toEqual([
      `10 create ${name} 0`,
      `10 scale ${name} 1`,
      '23 scale frontend 2',
      `26 scale ${name} 2`,
      '39 scale frontend 1',
      `42 scale ${name} 3`,
      '55 scale frontend 0',
      '61 delete frontend',
      `61 delete ${name}`,
      '66 create frontend 3',
    ]);
  });

  it('takes --update-period and --poll-interval into account', () => {
    const c = booted();
    const log = recordScaling(c.engine);
    const name = createdName(
      c.kubectl('rolling-update frontend --image=nginx:1.27 --update-period=5s --poll-interval=1s'),
    );
    c.advance('60s');
    expect(log.slice(0, 7)).toEqual([
      `10 create ${name} 0`,
      `10 scale ${name} 1`,
      '16 scale frontend 2',
      `17 scale ${name} 2`,
      '23 scale frontend 1',
      `24 scale ${name} 3`,
      '30 scale frontend 0',
    ]);
    expect(last(c.engine).exitCode).toBe(0);
  });

  it('never exceeds replicas + 1 pods nor lets available pods drop below replicas', () => {
    const c = booted({ replicas: 4 });
    const e = c.engine;
    e.exec('rolling-update frontend --image=nginx:1.27 --update-period=10s');
    let checks = 0;
    while (e.now < 100_000) {
      e.processNext();
      const total = rcs(e).reduce((n, r) => n + (r.spec?.replicas ?? 0), 0);
      expect(total).toBeLessThanOrEqual(5);
      const available = c
        .pods()
        .filter(
          (p: Pod) =>
            !p.metadata?.deletionTimestamp &&
            p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
        ).length;
      expect(available).toBeGreaterThanOrEqual(4);
      checks++;
    }
    expect(checks).toBeGreaterThan(100);
    expect(last(e).output).toMatch(/replicationcontroller\/frontend rolling updated\n$/);
  });

  it('keeps its state as plain data: a checkpoint restored mid-update finishes the same way', () => {
    const c = booted();
    const e = c.engine;
    e.exec('rolling-update frontend --image=nginx:1.27 --update-period=10s');
    c.advance('20s');
    const snap = e.snapshot();
    expect(JSON.parse(JSON.stringify(snap.clients.processes))).toEqual(snap.clients.processes);
    expect(snap.clients.processes).toHaveLength(1);
    c.advance('60s');
    const first = last(e).output;
    e.restore(snap);
    expect(last(e).output).not.toBe(first);
    c.advance('60s');
    expect(last(e).output).toBe(first);
    expect(last(e).exitCode).toBe(0);
  });

  it('with a new name, deletes the old controller and keeps the new one', () => {
    const c = booted();
    c.kubectl('rolling-update frontend frontend-v2 --image=nginx:1.27 --update-period=5s');
    c.advance('60s');
    const out = last(c.engine).output;
    expect(out.startsWith(`${DEPRECATED}Created frontend-v2\n`)).toBe(true);
    expect(out).toMatch(
      /Scaling frontend down to 0\nUpdate succeeded\. Deleting frontend\nreplicationcontroller\/frontend-v2 rolling updated to "frontend-v2"\n$/,
    );
    expect(sizes(c.engine)).toEqual({ 'frontend-v2': 3 });
  });

  it('with -f, reads a ReplicationController manifest of the scenario file', () => {
    const v2: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'frontend-v2' },
      spec: {
        selector: { app: 'frontend', version: 'v2' },
        template: {
          metadata: { labels: { app: 'frontend', version: 'v2' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        },
      },
    };
    // The old selector has no key that the new one sets to another value.
    const plain = booted();
    plain.engine.scenario.manifests.push(v2);
    expect(plain.kubectl('rolling-update frontend -f frontend-v2.yaml')).toBe(
      `${DEPRECATED}error: frontend-v2.yaml must specify a matching key with non-equal value in Selector for frontend\n`,
    );
    const c = TestCluster.load(
      rcYaml()
        .replace('selector: { app: frontend }', 'selector: { app: frontend, version: v1 }')
        .replace('labels: { app: frontend }', 'labels: { app: frontend, version: v1 }'),
    ).advance('10s');
    // A manifest of the file that is not in the cluster yet (as `apply -f` would read it).
    c.engine.scenario.manifests.push(v2);
    c.kubectl('rolling-update frontend -f frontend-v2.yaml --update-period=5s');
    c.advance('60s');
    const out = last(c.engine).output;
    // replicas unset in the file: the old controller's 3. From kubectl 1.11 (KeepOldName =
    // one argument, with -f too) the new controller is renamed to the old name at the end.
    expect(out).toMatch(
      /^Command "rolling-update" is deprecated, use "rollout" instead\nCreated frontend-v2\nScaling up frontend-v2 from 0 to 3, scaling down frontend from 3 to 0 \(keep 3 pods available, don't exceed 4 pods\)\n/,
    );
    expect(out).toMatch(
      /Update succeeded\. Deleting old controller: frontend\nRenaming frontend-v2 to frontend\nreplicationcontroller\/frontend rolling updated\n$/,
    );
    expect(rc(c.engine, 'frontend')?.spec?.selector).toEqual({ app: 'frontend', version: 'v2' });
    expect(sizes(c.engine)).toEqual({ frontend: 3 });
  });

  it('--dry-run names the two controllers and scales nothing', () => {
    const c = booted();
    const out = c.kubectl('rolling-update frontend --image=nginx:1.27 --dry-run');
    expect(out).toMatch(
      /^Command "rolling-update" is deprecated, use "rollout" instead\nRolling from:\nfrontend\nTo:\nfrontend-[0-9a-f]{32}\n$/,
    );
    c.advance('30s');
    expect(sizes(c.engine)).toEqual({ frontend: 3 });
    expect(c.engine.commands[0]?.exitCode).toBe(0);
  });
});

describe('kubectl rolling-update interrupted (Ctrl-C)', () => {
  it('leaves both controllers at intermediate sizes, and nothing resumes them', () => {
    const c = booted();
    const name = createdName(
      c.kubectl('rolling-update frontend --image=nginx:1.27 --update-period=10s'),
    );
    c.advance('25s'); // t = 35: new scaled to 2 at 26, old to 2 at 23, kubectl sleeping
    const before = last(c.engine).output;
    expect(before.endsWith(`Scaling ${name} up to 2\n`)).toBe(true);
    c.engine.interrupt();
    expect(last(c.engine).exitCode).toBe(130);
    const log = recordScaling(c.engine);
    c.advance('300s');
    expect(sizes(c.engine)).toEqual({ frontend: 2, [name]: 2 });
    expect(rc(c.engine, 'frontend')?.status?.readyReplicas).toBe(2);
    expect(rc(c.engine, name)?.status?.readyReplicas).toBe(2);
    expect(log).toEqual([]);
    expect(last(c.engine).output).toBe(before);
    expect(last(c.engine).exitCode).toBe(130);
  });

  it('is picked up again by the same command, from the annotations kubectl left behind', () => {
    const c = booted();
    const name = createdName(
      c.kubectl('rolling-update frontend --image=nginx:1.27 --update-period=10s'),
    );
    c.advance('25s');
    c.engine.interrupt();
    expect(c.kubectl('rolling-update frontend --image=nginx:1.28')).toBe(
      `${DEPRECATED}error: Found existing in-progress update to image (nginx:1.27).\nEither continue in-progress update with --image=nginx:1.27 or rollback with --rollback\n`,
    );
    const out = c.kubectl('rolling-update frontend --image=nginx:1.27 --update-period=10s');
    expect(out).toBe(
      DEPRECATED +
        `Found existing update in progress (${name}), resuming.\n` +
        `Continuing update with existing controller ${name}.\n` +
        `Scaling up ${name} from 2 to 3, scaling down frontend from 2 to 0 (keep 3 pods available, don't exceed 4 pods)\n`,
    );
    c.advance('60s');
    expect(last(c.engine).output).toMatch(/replicationcontroller\/frontend rolling updated\n$/);
    expect(sizes(c.engine)).toEqual({ frontend: 3 });
    expect(rc(c.engine, 'frontend')?.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.27');
  });

  it('is undone by --rollback', () => {
    const c = booted();
    const name = createdName(
      c.kubectl('rolling-update frontend --image=nginx:1.27 --update-period=10s'),
    );
    c.advance('25s');
    c.engine.interrupt();
    expect(c.kubectl('rolling-update frontend --rollback --update-period=5s')).toBe(
      DEPRECATED +
        'Setting "frontend" replicas to 3\n' +
        'Continuing update with existing controller frontend.\n' +
        `Scaling up frontend from 2 to 3, scaling down ${name} from 2 to 0 (keep 3 pods available, don't exceed 4 pods)\n`,
    );
    c.advance('60s');
    expect(last(c.engine).output).toMatch(
      new RegExp(
        `Update succeeded\\. Deleting ${name}\\nreplicationcontroller/frontend rolling updated\\n$`,
      ),
    );
    expect(sizes(c.engine)).toEqual({ frontend: 3 });
    expect(rc(c.engine, 'frontend')?.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.26');
  });

  it('gives up after 5 minutes without progress when the new pods never become ready', () => {
    const c = booted();
    c.kubectl('rolling-update frontend --image=app:broken --update-period=10s --timeout=30s');
    c.advance('320s'); // t = 330: the deadline is 13 s + 5 m after the start (--timeout is ignored)
    expect(last(c.engine).exitCode).toBe(0);
    expect(last(c.engine).output).not.toMatch(/timed out/);
    c.advance('4s');
    expect(last(c.engine).exitCode).toBe(1);
    expect(last(c.engine).output).toMatch(
      /Scaling frontend-[0-9a-f]{32} up to 1\nerror: timed out waiting for any update progress to be made\n$/,
    );
    expect(Object.values(sizes(c.engine)).sort()).toEqual([1, 3]);
  });
});

describe('the catalog scenarios through the runner', () => {
  const run = (id: string) => {
    const text = readFileSync(resolve(process.cwd(), 'public', 'scenarios', `${id}.yaml`), 'utf8');
    const r = runScenario(text, `${id}.yaml`);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.result;
  };

  it('legacy-rolling-update: finishes, no request fails, RCs listed as ReplicationControllers', () => {
    const r = run('legacy-rolling-update');
    const cmd = r.commands[0];
    expect(cmd?.exitCode).toBe(0);
    expect(cmd?.output).toMatch(/\nreplicationcontroller\/frontend rolling updated\n$/);
    expect(r.summary.errors).toBe(0);
    expect(r.summary.peakPods).toBe(4);
    const mid = r.samples.find((s) => s.t === 30);
    expect(mid?.replicaSets.map((x) => [x.kind, x.owner, x.desired])).toEqual([
      ['ReplicationController', null, 2],
      ['ReplicationController', null, 2],
    ]);
    const end = r.samples[r.samples.length - 1];
    expect(end?.replicaSets).toEqual([
      {
        kind: 'ReplicationController',
        name: 'frontend',
        owner: null,
        revision: null,
        images: ['nginx:1.27'],
        desired: 3,
        current: 3,
        ready: 3,
        available: 3,
      },
    ]);
  });

  it('legacy-rolling-update-interrupted: exit 130, and 2 + 2 to the end', () => {
    const r = run('legacy-rolling-update-interrupted');
    expect(r.commands[0]?.exitCode).toBe(130);
    expect(r.commands[0]?.output).toMatch(/up to 2\n$/);
    for (const t of [40, 80, 120]) {
      const s = r.samples.find((x) => x.t === t);
      expect(
        s?.replicaSets.map((x) => [x.name.replace(/[0-9a-f]{32}/, '<hash>'), x.desired, x.ready]),
      ).toEqual([
        ['frontend', 2, 2],
        ['frontend-<hash>', 2, 2],
      ]);
    }
    expect(r.summary.errors).toBe(0);
  });
});

describe("kubectl rolling-update: errors in kubectl's words", () => {
  const refused = (line: string) => {
    const r = parseKubectl(line);
    if (r.ok) throw new Error(`expected ${line} to fail`);
    expect(r.exitCode).toBe(1);
    return r.output;
  };

  it('validates its arguments as validateArguments does, after the deprecation notice', () => {
    expect(refused('rolling-update frontend')).toBe(
      `${DEPRECATED}error: Must specify --filename or --image for new controller\n${USAGE}\n`,
    );
    expect(refused('rolling-update frontend --image=a -f b')).toBe(
      `${DEPRECATED}error: --filename and --image can not both be specified\n${USAGE}\n`,
    );
    expect(refused('rolling-update frontend --rollback --image=a')).toBe(
      `${DEPRECATED}error: Don't specify --filename or --image on rollback\n${USAGE}\n`,
    );
    expect(refused('rolling-update frontend -f a -f b')).toBe(
      `${DEPRECATED}error: May only specify a single filename for new controller\n${USAGE}\n`,
    );
    expect(refused('rolling-update frontend --image=a --deployment-label-key=')).toBe(
      `${DEPRECATED}error: --deployment-label-key can not be empty\n${USAGE}\n`,
    );
    // Several at once: an aggregate, printed one per line without `error: `.
    expect(refused('rolling-update')).toBe(
      `${DEPRECATED}Must specify --filename or --image for new controller\n${USAGE}\nMust specify the controller to update\n${USAGE}\n`,
    );
  });

  it('refuses bad flags as pflag does', () => {
    expect(refused('rolling-update frontend --image=a --update-period=10')).toBe(
      `${DEPRECATED}error: invalid argument "10" for "--update-period" flag: time: missing unit in duration "10"\nSee 'kubectl rolling-update --help' for usage.\n`,
    );
    expect(refused('rolling-update frontend --image=a --max-surge=2')).toBe(
      `${DEPRECATED}error: unknown flag: --max-surge\nSee 'kubectl rolling-update --help' for usage.\n`,
    );
    expect(refused('rolling-update frontend --image')).toBe(
      `${DEPRECATED}error: flag needs an argument: --image\nSee 'kubectl rolling-update --help' for usage.\n`,
    );
    expect(refused('rolling-update frontend --image=a --dry-run=client')).toBe(
      `${DEPRECATED}error: invalid argument "client" for "--dry-run" flag: strconv.ParseBool: parsing "client": invalid syntax\nSee 'kubectl rolling-update --help' for usage.\n`,
    );
  });

  it('reads its flags with kubectl 1.17 defaults', () => {
    const r = parseKubectl('kubectl rolling-update frontend --image=nginx:1.27');
    expect(r.ok && r.cmd).toEqual({
      verb: 'rolling-update',
      namespace: 'default',
      oldName: 'frontend',
      image: 'nginx:1.27',
      deploymentKey: 'deployment',
      container: '',
      imagePullPolicy: '',
      rollback: false,
      updatePeriodMs: 60_000,
      pollIntervalMs: 3_000,
      timeoutMs: 300_000,
      dryRun: false,
      output: '',
    });
    expect(r.ok && r.warnings).toEqual([DEPRECATED]);
    const f = parseKubectl(
      'rolling-update frontend-v1 frontend-v2 -f frontend-v2.json --update-period 1m30s',
    );
    expect(f.ok && f.cmd).toMatchObject({
      oldName: 'frontend-v1',
      newName: 'frontend-v2',
      filename: 'frontend-v2.json',
      updatePeriodMs: 90_000,
    });
  });

  it('is hidden: never suggested for a typo, but --help works', () => {
    expect(refused('rolling-updat frontend')).toBe(
      'error: unknown command "rolling-updat" for "kubectl"\n',
    );
    const h = parseKubectl('rolling-update --help');
    expect(h.ok && h.cmd).toMatchObject({ verb: 'help', command: 'rolling-update' });
    expect(h.ok && h.warnings).toEqual([DEPRECATED]);
  });

  it('reports what the API server and the updater refuse', () => {
    const c = booted();
    expect(c.engine.exec('rolling-update nope frontend-v2 --image=nginx:1.27')).toEqual({
      output: `${DEPRECATED}Error from server (NotFound): replicationcontrollers "nope" not found\n`,
      exitCode: 1,
    });
    // One name and --image: kubectl looks for a rename left half-done by an earlier run.
    expect(c.kubectl('rolling-update nope --image=nginx:1.27')).toBe(
      `${DEPRECATED}error: couldn't find a replication controller with source id == default/nope\n`,
    );
    expect(c.kubectl('rolling-update frontend --image=nginx:1.26')).toBe(
      `${DEPRECATED}error: --image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image\n`,
    );
    expect(c.kubectl('rolling-update frontend --image=nginx:1.27 --container=web')).toBe(
      `${DEPRECATED}error: container web not found in pod\n`,
    );
    expect(c.kubectl('rolling-update frontend -f frontend-v9.yaml')).toBe(
      `${DEPRECATED}error: the path "frontend-v9.yaml" does not exist\n`,
    );
    expect(c.kubectl('rolling-update frontend -f frontend')).toBe(
      `${DEPRECATED}error: frontend specifies multiple items\n`,
    );
    expect(c.kubectl('rolling-update frontend --rollback')).toBe(
      `${DEPRECATED}error: Could not find  to rollback.\n`,
    );
    expect(c.engine.commands.every((x) => x.exitCode === 1)).toBe(true);
    expect(sizes(c.engine)).toEqual({ frontend: 3 });
  });

  it('asks which container to update in a multi-container pod', () => {
    const c = TestCluster.load(
      rcYaml({
        containers: `        - name: nginx
          image: nginx:1.26
        - name: sidecar
          image: busybox:1.36
`,
      }),
    ).advance('10s');
    expect(c.kubectl('rolling-update frontend --image=nginx:1.27')).toBe(
      `${DEPRECATED}error: must specify container to update when updating a multi-container pod\n`,
    );
    const out = c.kubectl('rolling-update frontend --image=busybox:1.37 --container=sidecar');
    const created = rc(c.engine, createdName(out));
    expect(created?.spec?.template?.spec?.containers.map((x) => x.image)).toEqual([
      'nginx:1.26',
      'busybox:1.37',
    ]);
  });
});
