/**
 * What each catalog scenario's description tells a learner, checked against the runner's own
 * numbers (the mesh and HPA scenarios' claims are in catalogMesh.test.ts). A description that
 * promises "no request fails" or "2 pods of 1.26" must be true of the run people watch.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runner/run';
import type { RunResult, Sample } from '../../src/sim/runner/runResult';
import { catalogText } from '../support/catalog';

function run(id: string): RunResult {
  const out = runScenario(catalogText(id), `${id}.yaml`);
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.result;
}

/** Samples whose interval ends in (from, to]. */
const within = (r: RunResult, from: number, to = Infinity): Sample[] =>
  r.samples.filter((s) => s.t > from && s.t <= to);

const errors = (ss: Sample[]) =>
  ss.reduce(
    (n, s) =>
      n +
      s.traffic.errors['no-endpoints'] +
      s.traffic.errors.refused +
      s.traffic.errors['app-error'],
    0,
  );
const refused = (ss: Sample[]) => ss.reduce((n, s) => n + s.traffic.errors.refused, 0);
const served = (ss: Sample[], image: string) =>
  ss.reduce((n, s) => n + (s.traffic.byImage[image] ?? 0), 0);
const requests = (ss: Sample[]) => ss.reduce((n, s) => n + s.traffic.requests, 0);
const deploy = (s: Sample, name: string) => {
  const d = s.deployments.find((x) => x.name === name);
  if (!d) throw new Error(`no Deployment ${name} at ${s.t}`);
  return d;
};
const last = (r: RunResult): Sample => r.samples.at(-1) as Sample;
/** The samples from the first one where `name` had all its replicas available. */
const afterStart = (r: RunResult, name: string): Sample[] => {
  const i = r.samples.findIndex((s) => {
    const d = s.deployments.find((x) => x.name === name);
    return d !== undefined && d.desired > 0 && d.available === d.desired;
  });
  return r.samples.slice(Math.max(0, i));
};
const scaled = (r: RunResult) =>
  r.events
    .filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => ({ t: e.t, ...parseScale(e.message) }));
function parseScale(message: string) {
  const m = /Scaled (up|down) replica set (\S+) from (\d+) to (\d+)/.exec(message);
  if (!m) throw new Error(message);
  return { rs: m[2] ?? '', from: Number(m[3]), to: Number(m[4]) };
}

describe('ramped: "one pod at a time … capacity never drops and no request fails"', () => {
  const r = run('ramped');
  it('resolves 25%/25% of 3 to maxSurge 1 and maxUnavailable 0', () => {
    expect(deploy(last(r), 'web').strategy).toEqual({
      type: 'RollingUpdate',
      maxSurge: 1,
      maxUnavailable: 0,
    });
  });
  it('moves one pod at a time, never below 3 available or above 4 pods counted', () => {
    for (const e of scaled(r).slice(1)) expect(Math.abs(e.to - e.from)).toBe(1);
    for (const s of afterStart(r, 'web')) {
      expect(deploy(s, 'web').available).toBeGreaterThanOrEqual(3);
      expect(deploy(s, 'web').current).toBeLessThanOrEqual(4);
    }
  });
  it('fails no request and ends on 1.27', () => {
    expect(r.summary.errors).toBe(0);
    expect(deploy(last(r), 'web')).toMatchObject({
      images: ['nginx:1.27'],
      updated: 3,
      available: 3,
    });
  });
});

describe('recreate: "scales the old ReplicaSet to 0, waits until its last pod is gone … the Service loses every endpoint"', () => {
  const r = run('recreate');
  it('creates the new ReplicaSet at full size only after the old pods are gone', () => {
    const [down, up] = scaled(r).slice(1);
    expect(down).toMatchObject({ from: 3, to: 0 });
    expect(up).toMatchObject({ from: 0, to: 3 });
    // Never old pods terminating beside new ones: the new ReplicaSet waits for the last to go.
    for (const s of within(r, down?.t ?? 0))
      expect(s.pods.terminating === 0 || s.pods.terminating === s.pods.total).toBe(true);
    expect(r.samples.some((s) => s.t > (down?.t ?? 0) && s.pods.terminating === 3)).toBe(true);
  });
  it('leaves the Service without endpoints for a while', () => {
    expect(r.samples.some((s) => s.endpoints.web === 0)).toBe(true);
    expect(r.summary.downtimeSeconds).toBeGreaterThan(0);
  });
});

describe('rollback: "nginx:1.16.1 rolls out … a few are refused. Then nginx:1.161 cannot be pulled …"', () => {
  const r = run('rollback');
  it('completes revision 2 on 1.16.1 while refusing requests to pods that are not listening yet', () => {
    const d = deploy(r.samples.find((s) => s.t === 39) as Sample, 'nginx-deployment');
    expect(d).toMatchObject({ revision: 2, images: ['nginx:1.16.1'], updated: 3, available: 3 });
    expect(refused(within(r, 10, 40))).toBeGreaterThan(0);
  });
  it('keeps one new pod in ImagePullBackOff and every old pod while the typo is live', () => {
    for (const s of within(r, 50, 75)) {
      // kubectl shows the pod alternating ErrImagePull and ImagePullBackOff while it retries.
      expect((s.pods.byStatus.ImagePullBackOff ?? 0) + (s.pods.byStatus.ErrImagePull ?? 0)).toBe(1);
      expect(s.replicaSets.find((rs) => rs.images[0] === 'nginx:1.16.1')?.available).toBe(3);
    }
  });
  it('makes revision 2’s template revision 4 and removes the broken pod', () => {
    const end = last(r);
    expect(deploy(end, 'nginx-deployment')).toMatchObject({
      revision: 4,
      images: ['nginx:1.16.1'],
      available: 3,
    });
    expect(end.pods.byStatus.ImagePullBackOff ?? 0).toBe(0);
    expect(end.pods.byStatus.ErrImagePull ?? 0).toBe(0);
  });
});

describe('readiness-probe: "refuses requests for its first 5 s … at 100 s the next image … without a single refused request"', () => {
  const r = run('readiness-probe');
  it('refuses requests during the first rollout, without a probe', () => {
    expect(refused(within(r, 20, 60))).toBeGreaterThan(0);
  });
  it('rolls out a different image at 100 s with the probe and refuses nothing', () => {
    expect(r.commands.find((c) => c.t === 100)?.command).toBe(
      'set image deployment/web web=nginx:1.28',
    );
    expect(deploy(last(r), 'web')).toMatchObject({
      images: ['nginx:1.28'],
      updated: 3,
      available: 3,
    });
    expect(errors(within(r, 100))).toBe(0);
    expect(served(within(r, 100), 'nginx:1.28')).toBeGreaterThan(0);
  });
});

describe('blue-green: "green starts beside blue at full size while blue serves everything … one selector change … blue kept, then scaled to zero"', () => {
  const r = run('blue-green');
  it('serves only blue while green is up and ready', () => {
    const green = r.samples.find((s) => s.t === 30) as Sample;
    expect(deploy(green, 'web-green').available).toBe(deploy(green, 'web-blue').desired);
    expect(served(within(r, 10, 30), 'nginx:1.27')).toBe(0);
  });
  it('sends every request to green after the selector change, blue still running until 60 s', () => {
    const after = within(r, 32, 60);
    expect(served(after, 'nginx:1.26')).toBe(0);
    expect(served(after, 'nginx:1.27')).toBe(requests(after));
    expect(
      deploy(r.samples.find((s) => s.t === 55) as Sample, 'web-blue').available,
    ).toBeGreaterThan(0);
    expect(deploy(last(r), 'web-blue').desired).toBe(0);
  });
});

describe('canary: "3 stable pods and 1 canary … about a quarter … promotion removes the canary"', () => {
  const r = run('canary');
  it('sends about a quarter of requests to the one canary pod', () => {
    const mid = within(r, 20, 70);
    const share = served(mid, 'nginx:1.27') / requests(mid);
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });
  it('ends with the stable Deployment on the new image and no canary', () => {
    const end = last(r);
    expect(deploy(end, 'web-stable')).toMatchObject({ images: ['nginx:1.27'], available: 3 });
    expect(end.deployments.some((d) => d.name === 'web-canary')).toBe(false);
  });
});

describe('bad-version: "removes one old pod and adds two new ones, then stops … 60 s later ProgressDeadlineExceeded"', () => {
  const r = run('bad-version');
  it('stops at one old pod removed and two new pods that never become ready', () => {
    const stuck = r.samples.find((s) => s.t === 60) as Sample;
    const [newRS, oldRS] = [...stuck.replicaSets].sort(
      (a, b) => (b.revision ?? 0) - (a.revision ?? 0),
    );
    const replicas = deploy(stuck, 'web').desired;
    expect(newRS).toMatchObject({ desired: 2, ready: 0 });
    expect(oldRS?.desired).toBe(replicas - 1);
    for (const s of within(r, 10))
      expect(s.replicaSets.find((x) => x.name === newRS?.name)?.ready ?? 0).toBe(0);
  });
  it('marks Progressing False with ProgressDeadlineExceeded about 60 s after the change', () => {
    const first = r.samples.find((s) =>
      deploy(s, 'web').conditions.some(
        (c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
      ),
    );
    expect(first?.t).toBeGreaterThanOrEqual(70);
    expect(first?.t).toBeLessThanOrEqual(72);
  });
});

describe('big-fleet: "30 above and 30 below 300 … waves … finishes in seconds … every request on a pod that answers"', () => {
  const r = run('big-fleet');
  it('resolves 10%/10% of 300 to 30 and 30, and keeps inside them', () => {
    expect(deploy(last(r), 'web').strategy).toMatchObject({ maxSurge: 30, maxUnavailable: 30 });
    for (const s of afterStart(r, 'web')) {
      expect(deploy(s, 'web').current).toBeLessThanOrEqual(330);
      expect(deploy(s, 'web').available).toBeGreaterThanOrEqual(270);
    }
  });
  it('finishes in under a minute with no failed request', () => {
    expect(r.summary.rolloutSeconds).not.toBeNull();
    expect(r.summary.rolloutSeconds ?? Infinity).toBeLessThan(60);
    expect(r.summary.errors).toBe(0);
  });
});

describe('legacy-rolling-update: "one pod at a time, sleeps 10 s … renames the new controller to frontend … no request fails"', () => {
  const r = run('legacy-rolling-update');
  it('fails no request and ends with frontend on 1.27', () => {
    expect(r.summary.errors).toBe(0);
    const rcs = last(r).replicaSets.filter((x) => x.kind === 'ReplicationController');
    expect(rcs).toEqual([
      expect.objectContaining({ name: 'frontend', images: ['nginx:1.27'], owner: null }),
    ]);
  });
  it('scales the new controller up by one pod every 10 s', () => {
    const ups = r.events.filter(
      (e) => e.reason === 'SuccessfulCreate' && /frontend-\w+/.test(e.object),
    );
    const gaps = ups.slice(1).map((e, i) => e.t - (ups[i]?.t ?? 0));
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(10);
  });
});

describe('legacy-rolling-update-interrupted: "Ctrl-C at 35 s … 2 pods of 1.26, 2 pods of 1.27, and minutes later they still do"', () => {
  const r = run('legacy-rolling-update-interrupted');
  it('leaves both controllers half-way, unchanged until the end', () => {
    for (const s of within(r, 40)) {
      const rcs = s.replicaSets.filter((x) => x.kind === 'ReplicationController');
      expect(rcs.find((x) => x.name === 'frontend')).toMatchObject({
        images: ['nginx:1.26'],
        desired: 2,
        ready: 2,
      });
      expect(rcs.find((x) => /^frontend-\w+$/.test(x.name))).toMatchObject({
        images: ['nginx:1.27'],
        desired: 2,
        ready: 2,
      });
    }
  });
});

describe('argo-blue-green: "every user request reaches blue … 20 s after green is ready it promotes itself … blue scaled to 0 after scaleDownDelaySeconds"', () => {
  const r = run('argo-blue-green');
  it('serves blue only until the promotion, green only after it', () => {
    const promoted = r.samples.find((s) => s.t > 10 && (s.traffic.byImage['app:green'] ?? 0) > 0);
    expect(promoted).toBeDefined();
    expect(served(within(r, 0, (promoted?.t ?? 0) - 1), 'app:green')).toBe(0);
    const after = within(r, (promoted?.t ?? 0) + 1);
    expect(served(after, 'app:blue')).toBe(0);
    // Green was ready well before: the switch waits the 20 s autoPromotionSeconds.
    const greenReady = r.samples.find((s) =>
      s.replicaSets.some(
        (x) => x.images[0] === 'app:green' && x.ready > 0 && x.ready === x.desired,
      ),
    );
    expect((promoted?.t ?? 0) - (greenReady?.t ?? 0)).toBeGreaterThanOrEqual(19);
    expect((promoted?.t ?? 0) - (greenReady?.t ?? 0)).toBeLessThanOrEqual(23);
  });
  it('scales blue to 0 only later', () => {
    const end = last(r);
    expect(end.replicaSets.find((x) => x.images[0] === 'app:blue')?.desired).toBe(0);
    expect(end.rollouts[0]).toMatchObject({ status: 'Healthy' });
  });
});

describe('argo-canary-demo: "5 replicas … 20% of 5 = 1 canary pod … first pause waits for promote"', () => {
  const r = run('argo-canary-demo');
  it('holds one canary pod at 20% until promote at 40 s', () => {
    for (const s of within(r, 15, 40)) {
      expect(s.rollouts[0]).toMatchObject({ setWeight: 20, status: 'Paused' });
      expect(
        s.replicaSets.find((x) => x.images[0] === 'argoproj/rollouts-demo:yellow')?.available,
      ).toBe(1);
    }
  });
  it('walks the remaining steps on its own after the promote and ends Healthy', () => {
    expect(last(r).rollouts[0]).toMatchObject({ status: 'Healthy', setWeight: 100 });
  });
});

describe('argo-canary-analysis: "every run is Successful and the Rollout walks 25% → 50% → 75% → 100% on its own"', () => {
  const r = run('argo-canary-analysis');
  it('passes through each weight and ends Healthy on 2.0 with no failed analysis', () => {
    const weights = [...new Set(r.samples.flatMap((s) => s.rollouts.map((x) => x.setWeight)))];
    for (const w of [25, 50, 75, 100]) expect(weights).toContain(w);
    expect(last(r).rollouts[0]).toMatchObject({ status: 'Healthy' });
    expect(
      r.events.some((e) => /AnalysisRun.*Failed|RolloutAborted/.test(`${e.reason} ${e.message}`)),
    ).toBe(false);
  });
});

describe('argo-canary-analysis-fail: "the run is Failed and the Rollout aborts: canary back to 0 pods, all traffic to v1, Degraded"', () => {
  const r = run('argo-canary-analysis-fail');
  it('aborts to a Degraded Rollout with no canary pod and all traffic on 1.0', () => {
    const end = last(r);
    expect(end.rollouts[0]?.status).toBe('Degraded');
    expect(end.replicaSets.find((x) => x.images[0] === 'app:2.0')?.desired ?? 0).toBe(0);
    const tail = within(r, end.t - 20);
    expect(served(tail, 'app:2.0')).toBe(0);
    expect(served(tail, 'app:1.0')).toBeGreaterThan(0);
  });
});

describe('argo-canary-istio: "the stable keeps all 4 pods throughout and the canary gets just the pods its weight needs"', () => {
  const r = run('argo-canary-istio');
  it('keeps 4 stable pods until the promotion completes', () => {
    for (const s of within(r, 10, 105)) {
      const stable = s.replicaSets.find((x) => x.images[0] === 'app:1.0');
      expect(stable?.desired).toBe(4);
    }
  });
});
