/** Pod lifecycles as `kubectl get pods` shows them: pulls, crashes with back-off, probes, shutdown. */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../support/TestCluster';

function statusOf(c: TestCluster): string[] {
  return c
    .pods()
    .map((p) => c.kubectl(`get pod ${p.metadata?.name}`).split('\n')[1]?.split(/\s+/)[2] ?? '');
}

describe('A container that exits 5 s after it starts', () => {
  const yaml = deploymentYaml(
    { replicas: 1, image: 'app:crash' },
    '  images:\n    "app:crash": { crashAfter: 5s }\n',
  );

  it('restarts at once the first time, then backs off 10 s, 20 s, 40 s in CrashLoopBackOff', () => {
    const c = TestCluster.load(yaml);
    const seen = new Set<string>();
    for (let t = 0; t < 120; t++) {
      c.advance('1s');
      seen.add(statusOf(c)[0] ?? '');
    }
    expect(seen).toContain('CrashLoopBackOff');
    expect(seen).toContain('Running');
    const starts = c.engine.events.events.filter((e) => e.reason === 'Started').map((e) => e.t);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - (starts[i] ?? 0)) / 1000));
    // 5 s of running, then: immediate restart, 10 s, 20 s, 40 s of back-off.
    expect(gaps.slice(0, 4)).toEqual([5, 15, 25, 45]);
    expect(c.messages('BackOff')[0]).toMatch(
      /^Back-off restarting failed container web in pod web-\w+-\w+_default\(.+\)$/,
    );
    expect(c.kubectl('get pods')).toMatch(/CrashLoopBackOff\s+\d+ \(\d+s ago\)/);
  });
});

describe('An image that cannot be pulled', () => {
  it('shows ErrImagePull, then ImagePullBackOff, with kubelet events', () => {
    const yaml = deploymentYaml(
      { replicas: 1, image: 'app:missing' },
      '  images:\n    "app:missing": { pullError: true }\n',
    );
    const c = TestCluster.load(yaml).advance('1100ms');
    expect(statusOf(c)).toEqual(['ErrImagePull']);
    c.advance('1s');
    expect(statusOf(c)).toEqual(['ImagePullBackOff']);
    expect(c.messages('Failed')).toContain('Error: ErrImagePull');
    expect(c.messages('BackOff')).toContain('Back-off pulling image "app:missing"');
  });
});

describe('A pod without a readiness probe', () => {
  it('is Ready at container start and refuses requests until the app listens', () => {
    const yaml = deploymentYaml(
      { replicas: 2 },
      `  defaults: { startTime: 4s }
  traffic: { target: web, rps: 100 }
  steps:
    - at: 20s
      kubectl: set image deployment/web web=app:v2
`,
    );
    const c = TestCluster.load(yaml).advance('10s');
    // Already at boot: Ready at 1 s, listening at 5 s.
    const boot = c.engine.traffic.counters.refused;
    expect(boot).toBeGreaterThan(100);
    c.advance('9s');
    expect(c.engine.traffic.counters.refused).toBe(boot);
    c.advance('20s');
    expect(c.engine.traffic.counters.refused - boot).toBeGreaterThan(50);
  });

  it('does not get traffic before the probe passes when it has one', () => {
    const yaml = deploymentYaml(
      { replicas: 2, readinessProbe: true },
      `  defaults: { startTime: 4s }
  traffic: { target: web, rps: 100 }
  steps:
    - at: 20s
      kubectl: set image deployment/web web=app:v2
`,
    );
    const c = TestCluster.load(yaml).advance('60s');
    expect(c.engine.traffic.counters.refused).toBe(0);
    expect(c.engine.traffic.counters.noEndpoints).toBe(0);
  });
});

describe('Graceful termination', () => {
  it('removes the pod after shutdownTime when that is shorter than the grace period', () => {
    const c = TestCluster.load(
      deploymentYaml({ replicas: 1 }, '  defaults: { shutdownTime: 3s }\n'),
    ).advance('10s');
    const name = c.pods()[0]?.metadata?.name ?? '';
    c.kubectl(`delete pod ${name}`);
    c.advance('2900ms');
    expect(c.pods().map((p) => p.metadata?.name)).toContain(name);
    c.advance('200ms');
    expect(c.pods().map((p) => p.metadata?.name)).not.toContain(name);
  });

  it('kills the process at the grace period when it would take longer', () => {
    const yaml = deploymentYaml({ replicas: 1 }, '  defaults: { shutdownTime: 60s }\n');
    const c = TestCluster.load(yaml).advance('10s');
    const name = c.pods()[0]?.metadata?.name ?? '';
    c.kubectl(`delete pod ${name} --grace-period=5`);
    c.advance('5100ms');
    expect(c.pods().map((p) => p.metadata?.name)).not.toContain(name);
  });
});

describe('Scheduling', () => {
  it('leaves pods that fit on no node Pending with the scheduler’s reason', () => {
    const yaml = deploymentYaml({ replicas: 3 }, '')
      .replace(
        'cluster: { nodes: 3, nodeResources: { cpu: "64", memory: 256Gi } }',
        'cluster: { nodes: 2, nodeResources: { cpu: "1", memory: 1Gi } }',
      )
      .replace(
        '          image: app:v1\n',
        '          image: app:v1\n          resources: { requests: { cpu: 600m } }\n',
      );
    const c = TestCluster.load(yaml).advance('10s');
    expect(statusOf(c).sort()).toEqual(['Pending', 'Running', 'Running']);
    expect(c.messages('FailedScheduling')[0]).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
  });
});

describe('kube-proxy', () => {
  const traffic = (extra: string) =>
    deploymentYaml(
      { replicas: 4 },
      `  cluster: { nodes: 3, nodeResources: { cpu: "64", memory: 256Gi }${extra} }\n  traffic: { target: web, rps: 400, clients: 40 }\n`,
    ).replace(
      /\n {2}cluster: \{ nodes: 3, nodeResources: \{ cpu: "64", memory: 256Gi \} \}\n/,
      '\n',
    );

  it('spreads requests evenly with IPVS round robin', () => {
    const c = TestCluster.load(traffic(', proxyMode: ipvs')).advance('30s');
    const counts = Object.values(c.engine.traffic.counters.byPod);
    expect(counts).toHaveLength(4);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });

  it('spreads requests at random with iptables, within statistical bounds', () => {
    const c = TestCluster.load(traffic('')).advance('60s');
    const counts = Object.values(c.engine.traffic.counters.byPod);
    const total = counts.reduce((a, b) => a + b, 0);
    for (const n of counts) expect(Math.abs(n / total - 0.25)).toBeLessThan(0.03);
  });
});
