/**
 * Behaviours of the Deployment kernels that no k8s-fixtures.json row pins down: the template
 * hash, rounding, status/condition bookkeeping, write order of proportional scaling and rolling
 * scale-down across several old ReplicaSets, deletion ranking by cost/UID, kubectl errors.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../../src/sim/core/time';
import * as util from '../../src/sim/controllers/deployment/util';
import {
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
} from '../../src/sim/controllers/deployment/rollingPlan';
import { isScalingEvent, scale } from '../../src/sim/controllers/deployment/scalePlan';
import { cleanupDeployment } from '../../src/sim/controllers/deployment/cleanupPlan';
import {
  checkPausedConditions,
  requeueStuckDeployment,
  syncRolloutStatus,
} from '../../src/sim/controllers/deployment/progress';
import { getPodsToDelete } from '../../src/sim/controllers/podRanking';
import { deploymentRolloutStatus } from '../../src/sim/kubectl/rolloutStatus';

const template = (image: string): PodTemplateSpec => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image }] },
});

function dep(replicas: number, extra: Partial<NonNullable<Deployment['spec']>> = {}): Deployment {
  return {
    metadata: { name: 'web', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: template('nginx:1'),
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      ...extra,
    },
  };
}

interface RsOpts {
  spec: number;
  available?: number;
  createdMs?: number;
  annotations?: Record<string, string>;
  image?: string;
}
function rs(name: string, o: RsOpts): ReplicaSet {
  return {
    metadata: {
      name,
      uid: name,
      creationTimestamp: toTimestamp(o.createdMs ?? 0),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: { replicas: o.spec, selector: {}, template: template(o.image ?? 'nginx:1') },
    status: {
      replicas: o.spec,
      readyReplicas: o.available ?? 0,
      availableReplicas: o.available ?? 0,
    },
  };
}

describe('computeHash', () => {
  it('is 10 characters of the safe alphabet and stable for identical templates', () => {
    const h = util.computeHash(template('nginx:1'));
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
    expect(util.computeHash(template('nginx:1'))).toBe(h);
  });

  it('ignores key order, empty maps and the pod-template-hash label', () => {
    const a = template('nginx:1');
    const b: PodTemplateSpec = {
      spec: { containers: [{ image: 'nginx:1', name: 'web' }] },
      metadata: { annotations: {}, labels: { [util.HASH_LABEL]: 'x', app: 'web' } },
    };
    expect(util.computeHash(b)).toBe(util.computeHash(a));
  });

  it('changes with the template and with collisionCount (0 differs from unset)', () => {
    const h = util.computeHash(template('nginx:1'));
    expect(util.computeHash(template('nginx:2'))).not.toBe(h);
    const c0 = util.computeHash(template('nginx:1'), 0);
    const c1 = util.computeHash(template('nginx:1'), 1);
    expect(new Set([h, c0, c1]).size).toBe(3);
  });

  it('names the new ReplicaSet <deployment>-<hash>', () => {
    const h = util.computeHash(template('nginx:1'));
    expect(util.generateReplicaSetName('web', h)).toBe(`web-${h}`);
  });
});

describe('equalIgnoreHash', () => {
  it('treats undefined and empty maps alike, but not different values', () => {
    const a: PodTemplateSpec = {
      metadata: { labels: { [util.HASH_LABEL]: 'abc' } },
      spec: { containers: [] },
    };
    const b: PodTemplateSpec = {};
    expect(util.equalIgnoreHash(a, b)).toBe(true);
    expect(util.equalIgnoreHash(template('nginx:1'), template('nginx:2'))).toBe(false);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero, unlike Math.round, and never yields -0', () => {
    expect([2.5, -2.5, 1.4999, -1.5, -0.4].map(util.roundHalfAwayFromZero)).toEqual([
      3, -3, 1, -2, 0,
    ]);
    expect(Object.is(util.roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });
});

describe('When a rolling update starts with 3 replicas and 25%/25%', () => {
  const d = dep(3);
  it('resolves to surge 1, unavailable 0', () => {
    expect([util.maxSurge(d), util.maxUnavailable(d), util.minAvailable(d)]).toEqual([1, 0, 3]);
  });

  it('grows the new RS by one, and scales an old RS only once a new pod is available', () => {
    const old = rs('web-old', { spec: 3, available: 3 });
    const fresh = rs('web-new', { spec: 0, createdMs: 1000, image: 'nginx:2' });
    expect(reconcileNewReplicaSet(d, [old, fresh], fresh)).toBe(1);
    const grown = rs('web-new', { spec: 1, available: 0, createdMs: 1000, image: 'nginx:2' });
    expect(reconcileOldReplicaSets(d, [old, grown], [old], grown)).toEqual([]);
    const ready = rs('web-new', { spec: 1, available: 1, createdMs: 1000, image: 'nginx:2' });
    const ops = reconcileOldReplicaSets(d, [old, ready], [old], ready);
    expect(ops.map((op) => [op.name, op.from, op.to, op.scalingOperation])).toEqual([
      ['web-old', 3, 2, 'down'],
    ]);
    expect([ops[0]?.desiredReplicas, ops[0]?.maxReplicas]).toEqual([3, 4]);
  });
});

describe('When several old ReplicaSets are active (rollover)', () => {
  it('removes unhealthy replicas first, then healthy ones oldest first', () => {
    const d = dep(10, {
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 3 } },
    });
    // Passed newest first on purpose: the plan must sort by creation time.
    const mid = rs('web-mid', { spec: 4, available: 2, createdMs: 2000 });
    const oldest = rs('web-oldest', { spec: 6, available: 6, createdMs: 1000 });
    const newRS = rs('web-new', { spec: 0, available: 0, createdMs: 3000, image: 'nginx:3' });
    const ops = reconcileOldReplicaSets(d, [mid, oldest, newRS], [mid, oldest], newRS);
    // maxScaledDown = 10 - 7 - 0 = 3: cleanup takes mid's 2 unhealthy; then available 8 - 7 = 1
    // healthy replica goes from the oldest RS.
    expect(ops.map((op) => [op.name, op.from, op.to])).toEqual([
      ['web-mid', 4, 2],
      ['web-oldest', 6, 5],
    ]);
  });
});

describe('scale (proportional scaling)', () => {
  it('reproduces the Deployments page example: 10 → 15 during a stuck rollout', () => {
    const d = dep(15, {
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } },
    });
    const ann = { [util.DESIRED_REPLICAS_ANNOTATION]: '10', [util.MAX_REPLICAS_ANNOTATION]: '13' };
    const old = rs('web-old', { spec: 8, createdMs: 0, annotations: ann });
    const newRS = rs('web-new', { spec: 5, createdMs: 1000, annotations: ann, image: 'nginx:2' });
    const ops = scale(d, newRS, [old]);
    expect(
      ops.map((op) => [
        op.name,
        op.from,
        op.to,
        op.sizeChanged,
        op.scalingOperation,
        op.recordEvent,
      ]),
    ).toEqual([
      ['web-old', 8, 11, true, 'up', false],
      ['web-new', 5, 7, true, 'up', false],
    ]);
    expect(ops.map((op) => [op.desiredReplicas, op.maxReplicas])).toEqual([
      [15, 18],
      [15, 18],
    ]);
  });

  it('refreshes stale annotations without resizing when nothing is to be added', () => {
    const d = dep(4, {
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
    const stale = { [util.DESIRED_REPLICAS_ANNOTATION]: '4', [util.MAX_REPLICAS_ANNOTATION]: '6' };
    const ok = { [util.DESIRED_REPLICAS_ANNOTATION]: '4', [util.MAX_REPLICAS_ANNOTATION]: '5' };
    const old = rs('web-old', { spec: 3, createdMs: 0, annotations: stale });
    const newRS = rs('web-new', { spec: 2, createdMs: 1000, annotations: ok, image: 'nginx:2' });
    const ops = scale(d, newRS, [old]);
    expect(ops.map((op) => [op.name, op.to, op.sizeChanged, op.scalingOperation])).toEqual([
      ['web-old', 3, false, ''],
    ]);
  });

  it('scales old RSs to 0 behind a saturated new RS', () => {
    const d = dep(3);
    const newRS = rs('web-new', {
      spec: 3,
      available: 3,
      createdMs: 1000,
      annotations: { [util.DESIRED_REPLICAS_ANNOTATION]: '3' },
    });
    const old = rs('web-old', { spec: 1, createdMs: 0 });
    expect(scale(d, newRS, [old]).map((op) => [op.name, op.to, op.recordEvent])).toEqual([
      ['web-old', 0, true],
    ]);
  });
});

describe('isScalingEvent', () => {
  it('is true when an active RS was sized for another replica count', () => {
    const d = dep(5);
    const current = rs('web-a', {
      spec: 3,
      annotations: { [util.DESIRED_REPLICAS_ANNOTATION]: '3' },
    });
    expect(isScalingEvent(d, [current])).toBe(true);
    const synced = rs('web-a', {
      spec: 5,
      annotations: { [util.DESIRED_REPLICAS_ANNOTATION]: '5' },
    });
    expect(isScalingEvent(d, [synced])).toBe(false);
  });
});

describe('setNewReplicaSetAnnotations', () => {
  it('copies Deployment annotations except the controller-owned ones and stamps a new RS', () => {
    const d = dep(4);
    d.metadata = {
      ...d.metadata,
      annotations: {
        [util.CHANGE_CAUSE_ANNOTATION]: 'kubectl set image',
        [util.REVISION_ANNOTATION]: '7',
        [util.LAST_APPLIED_CONFIG_ANNOTATION]: '{}',
      },
    };
    const newRS = rs('web-new', { spec: 0 });
    expect(util.setNewReplicaSetAnnotations(d, newRS, '3', false)).toBe(true);
    expect(newRS.metadata?.annotations).toEqual({
      [util.CHANGE_CAUSE_ANNOTATION]: 'kubectl set image',
      [util.REVISION_ANNOTATION]: '3',
      [util.DESIRED_REPLICAS_ANNOTATION]: '4',
      [util.MAX_REPLICAS_ANNOTATION]: '5',
    });
    // Re-adopted by a rollback: renumbered, the old number kept in revision-history.
    expect(util.setNewReplicaSetAnnotations(d, newRS, '5', true)).toBe(true);
    expect(newRS.metadata?.annotations?.[util.REVISION_HISTORY_ANNOTATION]).toBe('3');
    expect(util.setNewReplicaSetAnnotations(d, newRS, '4', true)).toBe(false);
  });
});

describe('calculateStatus', () => {
  it('counts from RS status (unavailable from spec) and keeps lastTransitionTime of an unchanged Available', () => {
    const d = dep(4);
    d.status = {
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: util.MINIMUM_REPLICAS_AVAILABLE,
          lastTransitionTime: toTimestamp(5),
          lastUpdateTime: toTimestamp(5),
        },
      ],
    };
    const old = rs('web-old', { spec: 1, available: 2 });
    const newRS = rs('web-new', { spec: 4, available: 1, image: 'nginx:2' });
    const s = util.calculateStatus([old, newRS], newRS, d, 9000);
    expect(s).toMatchObject({
      observedGeneration: 1,
      replicas: 5,
      updatedReplicas: 4,
      availableReplicas: 3,
      unavailableReplicas: 2,
    });
    expect(util.getDeploymentCondition(s, 'Available')).toMatchObject({
      status: 'True',
      lastTransitionTime: toTimestamp(5),
    });
    const worse = util.calculateStatus(
      [rs('web-new', { spec: 4, available: 2 })],
      undefined,
      d,
      9000,
    );
    expect(util.getDeploymentCondition(worse, 'Available')).toMatchObject({
      status: 'False',
      reason: util.MINIMUM_REPLICAS_UNAVAILABLE,
      lastTransitionTime: toTimestamp(9000),
    });
    expect(d.status.conditions?.[0]?.lastTransitionTime).toBe(toTimestamp(5)); // input untouched
  });
});

describe('progress', () => {
  it('times out, then stops re-queueing; a stuck rollout is re-checked at the deadline', () => {
    const d = dep(3, { progressDeadlineSeconds: 60 });
    d.status = {
      replicas: 3,
      updatedReplicas: 1,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: util.REPLICA_SET_UPDATED_REASON,
          lastUpdateTime: toTimestamp(0),
        },
      ],
    };
    const newRS = rs('web-new', { spec: 1, available: 0, image: 'nginx:2' });
    const old = rs('web-old', { spec: 2, available: 2 });
    expect(requeueStuckDeployment(d, d.status, 20_000)).toBe(40_000);
    const s = syncRolloutStatus(d, [old, newRS], newRS, 61_000);
    expect(util.getDeploymentCondition(s, 'Progressing')).toMatchObject({
      status: 'False',
      reason: util.TIMED_OUT_REASON,
      message: 'ReplicaSet "web-new" has timed out progressing.',
    });
    expect(requeueStuckDeployment({ ...d, status: s }, s, 62_000)).toBe(-1);
  });

  it('copies a ReplicaFailure condition from the new RS', () => {
    const d = dep(1);
    const failing: ReplicaSet = {
      ...rs('web-new', { spec: 1 }),
      status: {
        replicas: 0,
        conditions: [
          {
            type: 'ReplicaFailure',
            status: 'True',
            reason: 'FailedCreate',
            lastTransitionTime: toTimestamp(7),
          },
        ],
      },
    };
    const s = syncRolloutStatus(d, [failing], failing, 100);
    expect(util.getDeploymentCondition(s, 'ReplicaFailure')).toEqual({
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      lastTransitionTime: toTimestamp(7),
      lastUpdateTime: toTimestamp(7),
    });
  });

  it('writes Progressing=Unknown DeploymentPaused / DeploymentResumed once', () => {
    const paused = dep(1, { paused: true, progressDeadlineSeconds: 600 });
    const s = checkPausedConditions(paused, 1000);
    expect(util.getDeploymentCondition(s ?? {}, 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: util.PAUSED_DEPLOY_REASON,
    });
    expect(checkPausedConditions({ ...paused, status: s ?? {} }, 2000)).toBeNull();
    const resumed = checkPausedConditions(
      { ...dep(1, { progressDeadlineSeconds: 600 }), status: s ?? {} },
      3000,
    );
    expect(util.getDeploymentCondition(resumed ?? {}, 'Progressing')).toMatchObject({
      reason: util.RESUMED_DEPLOY_REASON,
    });
  });
});

describe('cleanupDeployment', () => {
  it('keeps an empty old RS whose latest generation the RS controller has not observed yet', () => {
    const d = dep(1, { revisionHistoryLimit: 0 });
    const unobserved: ReplicaSet = {
      ...rs('web-a', { spec: 0 }),
      metadata: { name: 'web-a', generation: 2 },
    };
    const done = rs('web-b', { spec: 0 });
    expect(cleanupDeployment(d, [unobserved, done])).toEqual(['web-b']);
  });
});

describe('getPodsToDelete', () => {
  const readyPod = (name: string, uid: string, readyMs: number, cost?: string): Pod => ({
    metadata: {
      name,
      uid,
      ...(cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': cost } } : {}),
    },
    spec: { nodeName: 'n1', containers: [] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(readyMs) }],
    },
  });

  it('prefers the lower pod-deletion-cost, then breaks equal age buckets by UID', () => {
    // a and c became Ready one second apart, an hour ago: the same log2 age bucket.
    const pods = [
      readyPod('a', 'uid-3', 0),
      readyPod('b', 'uid-1', 0, '5'),
      readyPod('c', 'uid-2', 1000),
    ];
    expect(getPodsToDelete(pods, pods, 2, 3_600_000).map((p) => p.metadata?.name)).toEqual([
      'c',
      'a',
    ]);
  });
});

describe('kubectl rollout status', () => {
  it('fails on an exceeded deadline and on a revision mismatch', () => {
    const d = dep(2);
    d.metadata = { ...d.metadata, annotations: { [util.REVISION_ANNOTATION]: '3' } };
    d.status = {
      observedGeneration: 1,
      conditions: [{ type: 'Progressing', status: 'False', reason: util.TIMED_OUT_REASON }],
    };
    expect(deploymentRolloutStatus(d)).toEqual({
      message: '',
      done: false,
      error: 'deployment "web" exceeded its progress deadline',
    });
    expect(deploymentRolloutStatus(d, 2).error).toBe(
      'desired revision (2) is different from the running revision (3)',
    );
  });
});
