import { describe, expect, it } from 'vitest';
import type { ContainerState, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import {
  podReadyColumn,
  podRestartsColumn,
  podStatusColumn,
} from '../../../src/sim/kubectl/print/podStatus';

const T = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();

function pod(opts: {
  phase?: string;
  reason?: string;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  initContainers?: string[];
  conditions?: PodCondition[];
  deleting?: boolean;
  containers?: string[];
}): Pod {
  return {
    metadata: {
      name: 'web-1',
      creationTimestamp: T(0),
      ...(opts.deleting ? { deletionTimestamp: T(50), deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: {
      containers: (opts.containers ?? ['web']).map((name) => ({ name, image: 'nginx' })),
      ...(opts.initContainers
        ? { initContainers: opts.initContainers.map((name) => ({ name, image: 'busybox' })) }
        : {}),
    },
    status: {
      phase: opts.phase ?? 'Pending',
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(opts.statuses ? { containerStatuses: opts.statuses } : {}),
      ...(opts.initStatuses ? { initContainerStatuses: opts.initStatuses } : {}),
      ...(opts.conditions ? { conditions: opts.conditions } : {}),
    },
  };
}

const cs = (state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name: 'web',
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});

const ready: PodCondition[] = [{ type: 'Ready', status: 'True' }];

describe('When kubectl prints the STATUS column (k8s-semantics.md §13.2)', () => {
  it('shows Pending for a pod not yet scheduled', () => {
    expect(podStatusColumn(pod({ phase: 'Pending' }))).toBe('Pending');
  });

  it('shows the waiting reason while the image is pulled', () => {
    const p = pod({ statuses: [cs({ waiting: { reason: 'ContainerCreating' } })] });
    expect(podStatusColumn(p)).toBe('ContainerCreating');
    expect(podReadyColumn(p)).toBe('0/1');
  });

  it('shows Running with READY 0/1 until the readiness probe passes, then 1/1', () => {
    const running = cs({ running: { startedAt: T(5) } });
    expect(podStatusColumn(pod({ phase: 'Running', statuses: [running] }))).toBe('Running');
    expect(podReadyColumn(pod({ phase: 'Running', statuses: [running] }))).toBe('0/1');
    const p = pod({ phase: 'Running', statuses: [{ ...running, ready: true }], conditions: ready });
    expect(podReadyColumn(p)).toBe('1/1');
  });

  it.each([
    ['ErrImagePull'],
    ['ImagePullBackOff'],
    ['CrashLoopBackOff'],
    ['CreateContainerConfigError'],
  ])('shows the waiting reason %s', (reason) => {
    expect(podStatusColumn(pod({ statuses: [cs({ waiting: { reason, message: 'x' } })] }))).toBe(
      reason,
    );
  });

  it('shows Error for a container that exited non-zero', () => {
    const p = pod({
      phase: 'Running',
      statuses: [cs({ terminated: { exitCode: 1, reason: 'Error' } })],
    });
    expect(podStatusColumn(p)).toBe('Error');
  });

  it('shows ExitCode:N or Signal:N when the terminated state has no reason', () => {
    expect(podStatusColumn(pod({ statuses: [cs({ terminated: { exitCode: 3 } })] }))).toBe(
      'ExitCode:3',
    );
    expect(
      podStatusColumn(pod({ statuses: [cs({ terminated: { exitCode: 137, signal: 9 } })] })),
    ).toBe('Signal:9');
  });

  it('shows Completed for a finished pod', () => {
    const p = pod({
      phase: 'Succeeded',
      statuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })],
    });
    expect(podStatusColumn(p)).toBe('Completed');
  });

  it('shows Running (or NotReady) when one container completed and another still runs', () => {
    const statuses = [
      cs({ terminated: { exitCode: 0, reason: 'Completed' } }, { name: 'job' }),
      cs({ running: { startedAt: T(1) } }, { name: 'web', ready: true }),
    ];
    const containers = ['job', 'web'];
    expect(
      podStatusColumn(pod({ phase: 'Running', containers, statuses, conditions: ready })),
    ).toBe('Running');
    expect(podStatusColumn(pod({ phase: 'Running', containers, statuses }))).toBe('NotReady');
  });

  it('shows the first container’s state when several containers report one', () => {
    const statuses = [
      cs({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'a' }),
      cs({ waiting: { reason: 'ErrImagePull' } }, { name: 'b' }),
    ];
    expect(podStatusColumn(pod({ containers: ['a', 'b'], statuses }))).toBe('CrashLoopBackOff');
  });

  it('shows Terminating once the pod has a deletionTimestamp', () => {
    const p = pod({
      phase: 'Running',
      deleting: true,
      statuses: [cs({ running: {} }, { ready: true })],
      conditions: ready,
    });
    expect(podStatusColumn(p)).toBe('Terminating');
  });

  it('keeps the terminal phase of a deleted pod that already finished, and Unknown for NodeLost', () => {
    const done = pod({
      phase: 'Succeeded',
      deleting: true,
      statuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })],
    });
    expect(podStatusColumn(done)).toBe('Completed');
    expect(podStatusColumn(pod({ phase: 'Running', reason: 'NodeLost', deleting: true }))).toBe(
      'Unknown',
    );
  });

  it('shows status.reason such as Evicted instead of the phase', () => {
    expect(podStatusColumn(pod({ phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
  });

  it('shows SchedulingGated for a pod held by scheduling gates', () => {
    const p = pod({
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    });
    expect(podStatusColumn(p)).toBe('SchedulingGated');
  });

  describe('with init containers', () => {
    const init = (state: ContainerState) => [cs(state, { name: 'setup' })];

    it('shows Init:0/1 while the first init container runs', () => {
      const p = pod({ initContainers: ['setup'], initStatuses: init({ running: {} }) });
      expect(podStatusColumn(p)).toBe('Init:0/1');
    });

    it('shows Init:<reason> for a waiting or failed init container', () => {
      expect(
        podStatusColumn(
          pod({
            initContainers: ['setup'],
            initStatuses: init({ waiting: { reason: 'ImagePullBackOff' } }),
          }),
        ),
      ).toBe('Init:ImagePullBackOff');
      expect(
        podStatusColumn(
          pod({
            initContainers: ['setup'],
            initStatuses: init({ terminated: { exitCode: 1, reason: 'Error' } }),
          }),
        ),
      ).toBe('Init:Error');
      expect(
        podStatusColumn(
          pod({ initContainers: ['setup'], initStatuses: init({ terminated: { exitCode: 2 } }) }),
        ),
      ).toBe('Init:ExitCode:2');
    });

    it('moves on to the regular containers once the init container succeeded', () => {
      const p = pod({
        initContainers: ['setup'],
        initStatuses: init({ terminated: { exitCode: 0, reason: 'Completed' } }),
        statuses: [cs({ waiting: { reason: 'PodInitializing' } })],
      });
      expect(podStatusColumn(p)).toBe('PodInitializing');
    });
  });
});

describe('When kubectl prints the RESTARTS column', () => {
  it('prints a plain 0 without restarts', () => {
    expect(podRestartsColumn(pod({ statuses: [cs({ running: {} })] }), 60_000)).toBe('0');
  });

  it('adds the age of the last restart, as kubectl ≥ 1.23 does', () => {
    const p = pod({
      phase: 'Running',
      statuses: [
        cs(
          { running: {} },
          { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: T(45) } } },
        ),
      ],
    });
    expect(podRestartsColumn(p, 60_000)).toBe('2 (15s ago)');
  });

  it('prints only the count when no finish time is known', () => {
    expect(
      podRestartsColumn(pod({ statuses: [cs({ running: {} }, { restartCount: 4 })] }), 60_000),
    ).toBe('4');
  });
});
