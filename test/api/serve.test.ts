/**
 * `npm run sim -- serve` driven by real kubectl 1.32 through a whole rollout: the catalog's
 * ramped scenario (its own step sets a new image at simulated 15 s, wall 7.5 s at 2×) on one
 * server. `get -w` watches from the start; the reads a person starts with run while the first
 * three pods are up; `rollout status` is started once the new image's first pod appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { startServe, type ServeProcess } from '../support/serveProcess';

let srv: ServeProcess;
let watch: ChildProcess;
let watched = '';
let firstRs = '';

/** Resolves once `test` holds of what `get -w` printed (polled; the watch is the event). */
async function watchedUntil(test: (out: string) => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test(watched) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  srv = await startServe('public/scenarios/ramped.yaml', { speed: 2 });
  watch = srv.spawnKubectl('get pods -w --output-watch-events');
  watch.stdout?.on('data', (d: Buffer) => (watched += d.toString()));
  // The scenario's first three pods become ready (the Deployment's first rollout).
  const first = await srv.kubectl('rollout status deployment/web');
  expect(first.stdout).toMatch(/deployment "web" successfully rolled out\n$/);
  firstRs = /^ADDED +(web-[a-z0-9]+)-/m.exec(watched)?.[1] ?? '';
}, 30_000);

afterAll(async () => {
  watch?.kill();
  expect(await srv?.stop()).toBe(0);
});

describe('When real kubectl reads the simulated cluster', () => {
  it('lists pods, wide deployments and everything in category all', async () => {
    const [pods, wide, all] = await Promise.all([
      srv.kubectl('get pods'),
      srv.kubectl('get deploy -o wide'),
      srv.kubectl('get all'),
    ]);
    expect(pods.stderr).toBe('');
    expect(pods.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n/);
    // Before the new image at 7.5 s the three pods are up; on a slow machine the rollout may
    // have begun: each line is still a pod of web's, ready or on its way.
    const lines = pods.stdout.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines)
      expect(l).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} +[01]\/1 +[A-Za-z]+ +0 +\d+s$/);
    expect(wide.stdout).toMatch(
      /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +CONTAINERS +IMAGES +SELECTOR\nweb +\d\/3 +\d +\d +\d+s +web +nginx:1\.2[67] +app=web\n$/,
    );
    for (const part of ['pod/web-', 'service/web', 'deployment.apps/web', 'replicaset.apps/web-'])
      expect(all.stdout).toContain(part);
  });

  it('lists the API resources from discovery, Argo, Istio and Gateway API kinds as their CRDs', async () => {
    const r = await srv.kubectl('api-resources');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').map((l) => l.split(/ +/));
    const row = (name: string) => rows.find((c) => c[0] === name);
    expect(row('deployments')).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    expect(row('rollouts')).toEqual(['rollouts', 'ro', 'argoproj.io/v1alpha1', 'true', 'Rollout']);
    expect(row('virtualservices')?.[2]).toBe('networking.istio.io/v1');
    expect(row('httproutes')).toEqual([
      'httproutes',
      'gateway.networking.k8s.io/v1',
      'true',
      'HTTPRoute',
    ]);
    // The engine's nodes and the fixed namespaces are served, cluster-scoped.
    expect(row('nodes')).toEqual(['nodes', 'no', 'v1', 'false', 'Node']);
    expect(row('namespaces')).toEqual(['namespaces', 'ns', 'v1', 'false', 'Namespace']);
  });

  it('describes a deployment with its ReplicaSet and events', async () => {
    const r = await srv.kubectl('describe deployment web');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Name: +web\nNamespace: +default\n/);
    expect(r.stdout).toMatch(/\nNewReplicaSet: +web-[a-z0-9]+ \(\d\/3 replicas created\)\n/);
    expect(r.stdout).toMatch(
      /\n {2}Normal +ScalingReplicaSet +\d+s +deployment-controller +Scaled up replica set web-[a-z0-9]+ from 0 to 3\n/,
    );
  });

  it('says a missing deployment is not found, as a real API server does', async () => {
    const r = await srv.kubectl('get deploy nope');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

/** Names of pods `get -w` printed that belong to a ReplicaSet other than the first. */
function newPods(out: string): string[] {
  return [...out.matchAll(/^[A-Z]+ +((web-[a-z0-9]+)-[a-z0-9]{5})/gm)]
    .filter((m) => m[2] !== firstRs)
    .map((m) => m[1] ?? '');
}

describe('When the scenario sets a new image', () => {
  it('rollout status waits for the rollout and returns when it is done', async () => {
    // The new image's first pod: a ReplicaSet other than the first.
    await watchedUntil((out) => newPods(out).length > 0);
    expect(newPods(watched).length).toBeGreaterThan(0);
    const r = await srv.kubectl('rollout status deployment/web', { timeoutMs: 25_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Waiting for deployment "web" rollout to finish:');
    expect(r.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
  });

  it('get -w sees every pod the rollout creates become ready, and the old ones go', async () => {
    // Every pod that ever existed was scheduled: the Scheduled events name them all.
    const ev = await srv.kubectl([
      'get',
      'events',
      '--field-selector',
      'reason=Scheduled',
      '-o',
      'jsonpath={range .items[*]}{.involvedObject.name}{"\\n"}{end}',
    ]);
    const everyPod = [...new Set(ev.stdout.split('\n').filter(Boolean))];
    expect(everyPod).toHaveLength(6);
    const seenReady = () =>
      everyPod.filter((p) =>
        new RegExp(`^(ADDED|MODIFIED) +${p} +1/1 +Running`, 'm').test(watched),
      );
    await watchedUntil(() => seenReady().length === everyPod.length);
    expect(seenReady()).toEqual(everyPod);
    expect(new Set(newPods(watched)).size).toBe(3);
    // The three new pods arrive through the watch (Pending first), the three old ones leave.
    expect(watched.match(/^ADDED +web-[a-z0-9]+-[a-z0-9]{5} +0\/1 +Pending/gm)).toHaveLength(3);
    // Deleted once their termination ends, which may come after the rollout is reported done.
    const goneNow = () => everyPod.filter((p) => new RegExp(`^DELETED +${p} `, 'm').test(watched));
    await watchedUntil(() => goneNow().length === 3);
    const gone = goneNow();
    expect(gone).toHaveLength(3);
    expect(gone.every((p) => p.startsWith(`${firstRs}-`))).toBe(true);
  });
});
