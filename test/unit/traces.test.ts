/**
 * The rollouts of k8s-traces.md, event for event: a settled Deployment (ReplicaSet A) gets a new
 * template at 30 s (ReplicaSet B); the ScalingReplicaSet events after that must match.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml, type DeploymentParams } from '../support/TestCluster';

function rollout(p: DeploymentParams, extraSteps = ''): { events: string[]; cluster: TestCluster } {
  const yaml = deploymentYaml(
    p,
    `  steps:\n    - at: 30s\n      kubectl: set image deployment/web web=app:v2\n${extraSteps}`,
  );
  const cluster = TestCluster.load(yaml).advance('29s');
  const a = cluster.replicaSets()[0]?.metadata?.name ?? '';
  cluster.advance('5m');
  const b = cluster.replicaSets().find((rs) => rs.metadata?.name !== a)?.metadata?.name ?? '';
  const events = cluster
    .messages('ScalingReplicaSet', 30_000)
    .map((m) =>
      m
        .replace(`replica set ${a} `, 'replica set A ')
        .replace(`replica set ${b} `, 'replica set B '),
    );
  return { events, cluster };
}

const up = (rs: string, from: number, to: number) =>
  `Scaled up replica set ${rs} from ${from} to ${to}`;
const down = (rs: string, from: number, to: number) =>
  `Scaled down replica set ${rs} from ${from} to ${to}`;

describe('When the pod template changes on a settled Deployment', () => {
  it('(a) 3 replicas with the 25%/25% defaults surges one pod at a time', () => {
    expect(rollout({ replicas: 3 }).events).toEqual([
      up('B', 0, 1),
      down('A', 3, 2),
      up('B', 1, 2),
      down('A', 2, 1),
      up('B', 2, 3),
      down('A', 1, 0),
    ]);
  });

  it('(b) 4 replicas with maxSurge 1 / maxUnavailable 1 also scales A down in the first sync', () => {
    const { events, cluster } = rollout({ replicas: 4, maxSurge: 1, maxUnavailable: 1 });
    expect(events).toEqual([
      up('B', 0, 1),
      down('A', 4, 3),
      up('B', 1, 2),
      down('A', 3, 2),
      up('B', 2, 3),
      down('A', 2, 1),
      up('B', 3, 4),
      down('A', 1, 0),
    ]);
    const first = cluster.events('ScalingReplicaSet', 30_000);
    expect(first[0]?.t).toBe(first[1]?.t);
  });

  it('(c) 3 replicas with 1/0 behaves exactly like the defaults', () => {
    expect(rollout({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }).events).toEqual([
      up('B', 0, 1),
      down('A', 3, 2),
      up('B', 1, 2),
      down('A', 2, 1),
      up('B', 2, 3),
      down('A', 1, 0),
    ]);
  });

  it('(d) 3 replicas with 2/0 brings two new pods up in one wave', () => {
    expect(rollout({ replicas: 3, maxSurge: 2, maxUnavailable: 0 }).events).toEqual([
      up('B', 0, 2),
      down('A', 3, 1),
      up('B', 2, 3),
      down('A', 1, 0),
    ]);
  });

  it('(e) 10 replicas with 30%/20% moves in waves of 3 and 2', () => {
    expect(rollout({ replicas: 10, maxSurge: '30%', maxUnavailable: '20%' }).events).toEqual([
      up('B', 0, 3),
      down('A', 10, 8),
      up('B', 3, 5),
      down('A', 8, 5),
      up('B', 5, 8),
      down('A', 5, 3),
      up('B', 8, 10),
      down('A', 3, 0),
    ]);
  });

  it('(Recreate) scales A to 0, waits for its pods to go, then creates B at full size', () => {
    const { events, cluster } = rollout({ replicas: 3, strategy: 'Recreate' });
    expect(events).toEqual([down('A', 3, 0), up('B', 0, 3)]);
    const [e1, e2] = cluster.events('ScalingReplicaSet', 30_000);
    // The new ReplicaSet waits for the old pods' shutdown (1 s by default).
    expect((e2?.t ?? 0) - (e1?.t ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});

describe('When a rollout has stalled on a version that never becomes ready', () => {
  const broken = `  images:\n    "app:v2": { ready: false }\n  steps:\n    - at: 30s\n      kubectl: set image deployment/web web=app:v2\n`;

  it('scales both ReplicaSets proportionally when replicas go from 10 to 15 (Appendix 2)', () => {
    const yaml = deploymentYaml(
      { replicas: 10, maxSurge: 3, maxUnavailable: 2, readinessProbe: true },
      broken,
    );
    const c = TestCluster.load(yaml).advance('29s');
    const a = c.replicaSets()[0]?.metadata?.name ?? '';
    c.advance('60s');
    const b = c.replicaSets().find((rs) => rs.metadata?.name !== a)?.metadata?.name ?? '';
    c.expectReplicaSets([8, 5]);
    const from = c.now;
    c.exec('scale deployment/web --replicas=15')
      .expectOutput('deployment.apps/web scaled\n')
      .advance('1s')
      .expectMessages('ScalingReplicaSet', [up(a, 8, 11), up(b, 5, 7)], from)
      .expectReplicaSets([11, 7]);
  });

  it('drains the broken pod first when the rollout is undone (Appendix 3)', () => {
    const yaml = deploymentYaml({ replicas: 3, readinessProbe: true }, broken);
    const c = TestCluster.load(yaml).advance('60s');
    const [a, b] = c.replicaSets().map((rs) => rs.metadata?.name ?? '');
    const from = c.now;
    c.exec('rollout undo deployment/web')
      .expectOutput('deployment.apps/web rolled back\n')
      .advance('10s')
      .expectMessages('ScalingReplicaSet', [down(b ?? '', 1, 0)], from);
    expect(c.kubectl('rollout history deployment/web')).toContain('3         <none>');
    const revs = c
      .replicaSets()
      .map((rs) => [
        rs.metadata?.name,
        rs.metadata?.annotations?.['deployment.kubernetes.io/revision'],
      ]);
    expect(revs).toEqual([
      [a, '3'],
      [b, '2'],
    ]);
  });
});
