/**
 * `kubectl argo rollouts …` against hand-built Rollouts, ReplicaSets, Pods and AnalysisRuns.
 * The `get rollout`, `status` and `list rollouts` expectations are the plugin's own test
 * outputs (argo-rollouts pkg/kubectl-argo-rollouts/cmd/{get,status,list}/*_test.go) over the
 * same objects (info/testdata), created a week before "now" as the plugin's testdata.go does.
 */
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../../src/sim/api/objectStore';
import type {
  AnalysisRun,
  Deployment,
  KubeObject,
  Kind,
  Pod,
  ReplicaSet,
  Rollout,
} from '../../../src/sim/api/objects';
import type { Ctx } from '../../../src/sim/controllers/context';
import { executeKubectl } from '../../../src/sim/kubectl/exec';
import type { KubectlHost } from '../../../src/sim/kubectl/host';
import { printGet } from '../../../src/sim/kubectl/print/get';
import { toTimestamp } from '../../../src/sim/core/time';

const WEEK = 7 * 24 * 3600 * 1000;

/** A store and a clock; objects are created at t = 0 and the clock then set to `at`. */
class Cluster {
  time = 0;
  readonly store = new ObjectStore(() => this.time);
  readonly host: KubectlHost = {
    ctx: { store: this.store, now: () => this.time } as unknown as Ctx,
    scenario: {} as KubectlHost['scenario'],
  };

  /** Creates objects in order, pointing owner references at the owners' new uids. */
  constructor(objects: KubeObject[], at = WEEK) {
    for (const o of objects) {
      for (const ref of o.metadata?.ownerReferences ?? []) {
        const owner = this.store.get(ref.kind as Kind, ref.name);
        if (!owner) throw new Error(`create ${ref.kind} ${ref.name} before ${o.metadata?.name}`);
        (ref as { uid: string }).uid = owner.metadata?.uid ?? '';
      }
      this.store.create(o);
    }
    this.time = at;
  }

  run(line: string): { output: string; exitCode: number } {
    const r = executeKubectl(this.host, line);
    return { output: r.output, exitCode: r.exitCode };
  }

  out(line: string): string {
    return this.run(line).output;
  }

  rollout(name: string): Rollout {
    const ro = this.store.get<Rollout>('Rollout', name);
    if (!ro) throw new Error(`no rollout ${name}`);
    return ro;
  }
}

/** get_test.go assertStdout: trailing spaces of every line do not count. */
const stripTrailing = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

const expectOut = (actual: string, expected: string) =>
  expect(stripTrailing(actual)).toBe(stripTrailing(expected.replace(/^\n/, '')));

// --- objects ---------------------------------------------------------------------------------

const owner = (kind: string, name: string) => [
  {
    apiVersion: kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
    kind,
    name,
    uid: '',
    controller: true,
  },
];

function template(app: string, image: string, hash?: string) {
  return {
    metadata: { labels: { app, ...(hash ? { 'rollouts-pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: app, image }] },
  };
}

function rs(
  rollout: string,
  ns: string,
  hash: string,
  revision: number,
  image: string,
  replicas: number,
  status: ReplicaSet['status'],
  app = rollout,
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${rollout}-${hash}`,
      namespace: ns,
      labels: { app, 'rollouts-pod-template-hash': hash },
      annotations: { 'rollout.argoproj.io/revision': String(revision) },
      ownerReferences: owner('Rollout', rollout),
    },
    spec: {
      replicas,
      selector: { matchLabels: { app, 'rollouts-pod-template-hash': hash } },
      template: template(app, image, hash),
    },
    status: { observedGeneration: 1, ...status, replicas: status?.replicas ?? 0 },
  };
}

function runningPod(rsName: string, name: string, ns: string, image: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, ownerReferences: owner('ReplicaSet', rsName) },
    spec: { containers: [{ name: 'c', image }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'c',
          image,
          imageID: '',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: toTimestamp(0) } },
        },
      ],
    },
  };
}

/** info/testdata/blue-green. */
function blueGreen(): KubeObject[] {
  const ns = 'jesse-test';
  const name = 'bluegreen-demo';
  const ro: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name,
      namespace: ns,
      generation: 410,
      labels: { app: name },
      annotations: { 'rollout.argoproj.io/revision': '11' },
    },
    spec: {
      replicas: 3,
      revisionHistoryLimit: 3,
      selector: { matchLabels: { app: name } },
      strategy: {
        blueGreen: {
          activeService: name,
          previewService: `${name}-preview`,
          autoPromotionEnabled: false,
        },
      },
      template: template(name, 'argoproj/rollouts-demo:green'),
    },
    status: {
      HPAReplicas: 3,
      availableReplicas: 3,
      blueGreen: { activeSelector: '6cbccd9f99', previewSelector: '74b948fccb' },
      canary: {},
      controllerPause: true,
      currentPodHash: '74b948fccb',
      observedGeneration: '410',
      pauseConditions: [{ reason: 'BlueGreenPause', startTime: toTimestamp(0) }],
      readyReplicas: 6,
      replicas: 6,
      selector: `app=${name},rollouts-pod-template-hash=6cbccd9f99`,
      stableRS: '6cbccd9f99',
      updatedReplicas: 3,
    },
  };
  const full = { replicas: 3, readyReplicas: 3, availableReplicas: 3 };
  return [
    ro,
    rs(name, ns, '6cbccd9f99', 10, 'argoproj/rollouts-demo:blue', 3, full),
    rs(name, ns, '746d5fddf6', 8, 'argoproj/rollouts-demo:red', 0, { replicas: 0 }),
    rs(name, ns, '74b948fccb', 11, 'argoproj/rollouts-demo:green', 3, full),
    ...['gk78v', 'kxj8g', 't2d4f'].map((s) =>
      runningPod(
        `${name}-6cbccd9f99`,
        `${name}-6cbccd9f99-${s}`,
        ns,
        'argoproj/rollouts-demo:blue',
      ),
    ),
    ...['5jz59', 'mkhrl', 'vvj2t'].map((s) =>
      runningPod(
        `${name}-74b948fccb`,
        `${name}-74b948fccb-${s}`,
        ns,
        'argoproj/rollouts-demo:green',
      ),
    ),
  ];
}

/** info/testdata/canary: canary-rollout.yaml (or canary-rollout4.yaml, with ping-pong). */
function canary(pingPong = false): KubeObject[] {
  const ns = 'jesse-test';
  const name = pingPong ? 'canary-demo-pingpong' : 'canary-demo';
  const ro: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name,
      namespace: ns,
      generation: 429,
      labels: { app: 'canary-demo' },
      annotations: { 'rollout.argoproj.io/revision': '31' },
    },
    spec: {
      progressDeadlineSeconds: 30,
      replicas: 5,
      selector: { matchLabels: { app: 'canary-demo' } },
      strategy: {
        canary: {
          canaryService: 'canary-demo-preview',
          ...(pingPong
            ? { pingPong: { pingService: 'ping-service', pongService: 'pong-service' } }
            : {}),
          steps: [
            { setWeight: 20 },
            { pause: {} },
            { setWeight: 40 },
            { pause: { duration: '10s' } },
            { setWeight: 60 },
            { pause: { duration: '10s' } },
            { setWeight: 80 },
            { pause: { duration: '10s' } },
          ],
        },
      },
      template: template('canary-demo', 'argoproj/rollouts-demo:does-not-exist'),
    },
    status: {
      availableReplicas: 5,
      blueGreen: {},
      canary: pingPong ? { stablePingPong: 'pong' } : {},
      stableRS: '877894d5b',
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'AvailableReason',
          message: 'Rollout has minimum availability',
          lastTransitionTime: toTimestamp(0),
          lastUpdateTime: toTimestamp(0),
        },
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "canary-demo-65fb5ffc84" has timed out progressing.',
          lastTransitionTime: toTimestamp(0),
          lastUpdateTime: toTimestamp(0),
        },
      ],
      currentPodHash: '65fb5ffc84',
      currentStepHash: 'f64cdc9d',
      currentStepIndex: 0,
      observedGeneration: '429',
      readyReplicas: 5,
      replicas: 6,
      selector: 'app=canary-demo',
      updatedReplicas: 1,
    },
  };
  const canaryPod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'canary-demo-65fb5ffc84-9wf5r',
      namespace: ns,
      ownerReferences: owner('ReplicaSet', 'canary-demo-65fb5ffc84'),
    },
    spec: { containers: [{ name: 'canary-demo', image: 'argoproj/rollouts-demo:does-not-exist' }] },
    status: {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'canary-demo',
          image: 'argoproj/rollouts-demo:does-not-exist',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: {
            waiting: {
              reason: 'ImagePullBackOff',
              message: 'Back-off pulling image "argoproj/rollouts-demo:does-not-exist"',
            },
          },
        },
      ],
    },
  };
  const app = 'canary-demo';
  return [
    ro,
    // The testdata ReplicaSets are canary-demo's; here they belong to the rollout under test.
    renamedOwner(
      rs(app, ns, '65fb5ffc84', 31, 'argoproj/rollouts-demo:does-not-exist', 1, { replicas: 1 }),
      name,
    ),
    renamedOwner(
      rs(app, ns, '859c99b45c', 29, 'argoproj/rollouts-demo:asdf', 0, { replicas: 0 }),
      name,
    ),
    renamedOwner(
      rs(app, ns, '877894d5b', 30, 'argoproj/rollouts-demo:green', 5, {
        replicas: 5,
        readyReplicas: 5,
        availableReplicas: 5,
      }),
      name,
    ),
    canaryPod,
    ...['6jfpt', 'kh7x4', '7jmqw', 'j8g2b', 'jw5qm'].map((s) =>
      runningPod(
        'canary-demo-877894d5b',
        `canary-demo-877894d5b-${s}`,
        ns,
        'argoproj/rollouts-demo:green',
      ),
    ),
  ];
}

function renamedOwner(r: ReplicaSet, rollout: string): ReplicaSet {
  return { ...r, metadata: { ...r.metadata, ownerReferences: owner('Rollout', rollout) } };
}

/** info/testdata/rollout-aborted. */
function aborted(): KubeObject[] {
  const ns = 'default';
  const name = 'rollout-background-analysis';
  const ro: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name,
      namespace: ns,
      generation: 15,
      annotations: { 'rollout.argoproj.io/revision': '2' },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      strategy: {
        canary: {
          analysis: { templates: [{ templateName: 'web-background' }] },
          steps: [{ setWeight: 10 }, { pause: {} }],
        },
      },
      template: template(name, 'argoproj/rollouts-demo:yellow'),
    },
    status: {
      HPAReplicas: 1,
      abort: true,
      abortedAt: toTimestamp(0),
      availableReplicas: 1,
      blueGreen: {},
      canary: {
        currentBackgroundAnalysisRunStatus: {
          message: 'metric "web" assessed Failed due to failed (1) > failureLimit (0)',
          name: `${name}-db976bc44-2`,
          status: 'Failed',
        },
      },
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'AvailableReason',
          message: 'Rollout has minimum availability',
          lastTransitionTime: toTimestamp(0),
          lastUpdateTime: toTimestamp(0),
        },
        {
          type: 'Progressing',
          status: 'False',
          reason: 'RolloutAborted',
          message: 'metric "web" assessed Failed due to failed (1) > failureLimit (0)',
          lastTransitionTime: toTimestamp(0),
          lastUpdateTime: toTimestamp(0),
        },
      ],
      currentPodHash: 'db976bc44',
      currentStepHash: '849b756fd4',
      currentStepIndex: 0,
      observedGeneration: '15',
      readyReplicas: 1,
      replicas: 1,
      selector: `app=${name}`,
      stableRS: '7d84d44bb8',
    },
  };
  const run: AnalysisRun = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name: `${name}-db976bc44-2`,
      namespace: ns,
      annotations: { 'rollout.argoproj.io/revision': '2' },
      labels: { 'rollout-type': 'Background', 'rollouts-pod-template-hash': 'db976bc44' },
      ownerReferences: owner('Rollout', name),
    },
    spec: {
      metrics: [
        {
          name: 'web',
          interval: '5s',
          successCondition: 'result == "true"',
          provider: {
            web: { url: 'https://jsonplaceholder.typicode.com/todos/1', jsonPath: '{$.completed}' },
          },
        },
      ],
    },
    status: {
      message: 'metric "web" assessed Failed due to failed (1) > failureLimit (0)',
      metricResults: [
        {
          name: 'web',
          count: 1,
          failed: 1,
          phase: 'Failed',
          measurements: [
            {
              phase: 'Failed',
              startedAt: toTimestamp(0),
              finishedAt: toTimestamp(0),
              value: 'false',
            },
          ],
        },
      ],
      phase: 'Failed',
      startedAt: toTimestamp(0),
    },
  };
  return [
    ro,
    rs(name, ns, 'db976bc44', 2, 'argoproj/rollouts-demo:yellow', 0, { replicas: 0 }),
    rs(name, ns, '7d84d44bb8', 1, 'argoproj/rollouts-demo:blue', 1, {
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    }),
    runningPod(`${name}-7d84d44bb8`, `${name}-7d84d44bb8-z5wps`, ns, 'argoproj/rollouts-demo:blue'),
    run,
  ];
}

/** info/testdata/rollout-invalid. */
function invalid(): KubeObject[] {
  const ro: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'rollout-invalid', namespace: 'default', generation: 3 },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'basic' } },
      strategy: { canary: {} },
      template: template('doesnt-match', 'argoproj/rollouts-demo:blue'),
    },
    status: {
      blueGreen: {},
      canary: {},
      conditions: [
        {
          type: 'InvalidSpec',
          status: 'True',
          reason: 'InvalidSpec',
          message:
            'The Rollout "rollout-invalid" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"doesnt-match"}: `selector` does not match template `labels`',
          lastTransitionTime: toTimestamp(0),
          lastUpdateTime: toTimestamp(0),
        },
      ],
      observedGeneration: '3',
    },
  };
  return [ro];
}

/** A canary Rollout with steps, as the controller leaves it at a step (list_test.go's shape). */
function simpleCanary(status: Rollout['status'], extra: Partial<Rollout['spec']> = {}): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'guestbook', namespace: 'default', generation: 1 },
    spec: {
      replicas: 5,
      selector: { matchLabels: { app: 'guestbook' } },
      strategy: {
        canary: { steps: [{ setWeight: 10 }, { pause: { duration: 60 } }, { setWeight: 20 }] },
      },
      template: template('guestbook', 'argoproj/rollouts-demo:blue'),
      ...extra,
    },
    status: { observedGeneration: '1', ...status },
  };
}

// --- get rollout -------------------------------------------------------------------------

describe('kubectl argo rollouts get rollout', () => {
  it('prints a paused blue-green rollout as get_test.go TestGetBlueGreenRollout', () => {
    const c = new Cluster(blueGreen());
    const r = c.run('kubectl argo rollouts get rollout bluegreen-demo -n jesse-test --no-color');
    expect(r.exitCode).toBe(0);
    expectOut(
      r.output,
      `
Name:            bluegreen-demo
Namespace:       jesse-test
Status:          ॥ Paused
Message:         BlueGreenPause
Strategy:        BlueGreen
Images:          argoproj/rollouts-demo:blue (stable, active)
                 argoproj/rollouts-demo:green (preview)
Replicas:
  Desired:       3
  Current:       6
  Updated:       3
  Ready:         6
  Available:     3

NAME                                        KIND        STATUS        AGE  INFO
⟳ bluegreen-demo                            Rollout     ॥ Paused      7d
├──# revision:11
│  └──⧉ bluegreen-demo-74b948fccb           ReplicaSet  ✔ Healthy     7d   preview
│     ├──□ bluegreen-demo-74b948fccb-5jz59  Pod         ✔ Running     7d   ready:1/1
│     ├──□ bluegreen-demo-74b948fccb-mkhrl  Pod         ✔ Running     7d   ready:1/1
│     └──□ bluegreen-demo-74b948fccb-vvj2t  Pod         ✔ Running     7d   ready:1/1
├──# revision:10
│  └──⧉ bluegreen-demo-6cbccd9f99           ReplicaSet  ✔ Healthy     7d   stable,active
│     ├──□ bluegreen-demo-6cbccd9f99-gk78v  Pod         ✔ Running     7d   ready:1/1
│     ├──□ bluegreen-demo-6cbccd9f99-kxj8g  Pod         ✔ Running     7d   ready:1/1
│     └──□ bluegreen-demo-6cbccd9f99-t2d4f  Pod         ✔ Running     7d   ready:1/1
└──# revision:8
   └──⧉ bluegreen-demo-746d5fddf6           ReplicaSet  • ScaledDown  7d
`,
    );
  });

  it('pads cells as Go tabwriter does, trailing spaces included', () => {
    const lines = new Cluster(blueGreen())
      .out('kubectl argo rollouts get rollout bluegreen-demo -n jesse-test')
      .split('\n');
    expect(lines).toContain(
      `${'⟳ bluegreen-demo'.padEnd(44)}${'Rollout'.padEnd(12)}${'॥ Paused'.padEnd(14)}7d   `,
    );
    expect(lines).toContain(
      `${'├──# revision:11'.padEnd(44)}${' '.repeat(12)}${' '.padEnd(14)}${' '.repeat(5)}`,
    );
  });

  it('shows the scale-down delay of an old ReplicaSet, then "passed"', () => {
    const objects = blueGreen();
    const old = objects.find((o) => o.metadata?.name === 'bluegreen-demo-74b948fccb') as ReplicaSet;
    // TestGetBlueGreenRolloutScaleDownDelay: the ReplicaSet is neither active nor preview.
    old.metadata = {
      ...old.metadata,
      labels: { app: 'bluegreen-demo' },
      annotations: {
        ...old.metadata?.annotations,
        'scale-down-deadline': toTimestamp(WEEK + 4 * 3600_000).replace('.000Z', 'Z'),
      },
    };
    const c = new Cluster(objects);
    const out = c.out('kubectl argo rollouts get rollout bluegreen-demo -n jesse-test');
    expect(out).toContain(
      'Images:          argoproj/rollouts-demo:blue (stable, active)\n                 argoproj/rollouts-demo:green\n',
    );
    expect(stripTrailing(out)).toContain(
      '│  └──⧉ bluegreen-demo-74b948fccb           ReplicaSet  ✔ Healthy     7d   delay:4h\n',
    );
    c.time += 5 * 3600_000;
    expect(c.out('kubectl argo rollouts get rollout bluegreen-demo -n jesse-test')).toMatch(
      /bluegreen-demo-74b948fccb +ReplicaSet +✔ Healthy +7d5h +delay:passed\n/,
    );
  });

  it('prints a degraded canary as TestGetCanaryRollout', () => {
    const c = new Cluster(canary());
    expectOut(
      c.out('kubectl argo rollouts get rollout canary-demo -n jesse-test --no-color'),
      `
Name:            canary-demo
Namespace:       jesse-test
Status:          ✖ Degraded
Message:         ProgressDeadlineExceeded: ReplicaSet "canary-demo-65fb5ffc84" has timed out progressing.
Strategy:        Canary
  Step:          0/8
  SetWeight:     20
  ActualWeight:  0
Images:          argoproj/rollouts-demo:does-not-exist (canary)
                 argoproj/rollouts-demo:green (stable)
Replicas:
  Desired:       5
  Current:       6
  Updated:       1
  Ready:         5
  Available:     5

NAME                                     KIND        STATUS              AGE  INFO
⟳ canary-demo                            Rollout     ✖ Degraded          7d
├──# revision:31
│  └──⧉ canary-demo-65fb5ffc84           ReplicaSet  ◌ Progressing       7d   canary
│     └──□ canary-demo-65fb5ffc84-9wf5r  Pod         ⚠ ImagePullBackOff  7d   ready:0/1
├──# revision:30
│  └──⧉ canary-demo-877894d5b            ReplicaSet  ✔ Healthy           7d   stable
│     ├──□ canary-demo-877894d5b-6jfpt   Pod         ✔ Running           7d   ready:1/1
│     ├──□ canary-demo-877894d5b-7jmqw   Pod         ✔ Running           7d   ready:1/1
│     ├──□ canary-demo-877894d5b-j8g2b   Pod         ✔ Running           7d   ready:1/1
│     ├──□ canary-demo-877894d5b-jw5qm   Pod         ✔ Running           7d   ready:1/1
│     └──□ canary-demo-877894d5b-kh7x4   Pod         ✔ Running           7d   ready:1/1
└──# revision:29
   └──⧉ canary-demo-859c99b45c           ReplicaSet  • ScaledDown        7d
`,
    );
  });

  it('tags ping and pong as TestGetCanaryPingPongRollout', () => {
    const out = new Cluster(canary(true)).out(
      'kubectl argo rollouts get ro canary-demo-pingpong -n jesse-test',
    );
    expect(out).toContain(
      'Images:          argoproj/rollouts-demo:does-not-exist (canary, ping)\n                 argoproj/rollouts-demo:green (stable, pong)\n',
    );
    expect(out).toMatch(/⧉ canary-demo-65fb5ffc84 +ReplicaSet +◌ Progressing +7d +canary,ping\n/);
    expect(out).toMatch(/⧉ canary-demo-877894d5b +ReplicaSet +✔ Healthy +7d +stable,pong\n/);
  });

  it('prints an aborted rollout with its AnalysisRun as TestGetAbortedRollout', () => {
    expectOut(
      new Cluster(aborted()).out('kubectl argo rollouts get rollout rollout-background-analysis'),
      `
Name:            rollout-background-analysis
Namespace:       default
Status:          ✖ Degraded
Message:         RolloutAborted: metric "web" assessed Failed due to failed (1) > failureLimit (0)
Strategy:        Canary
  Step:          0/2
  SetWeight:     0
  ActualWeight:  0
Images:          argoproj/rollouts-demo:blue (stable)
Replicas:
  Desired:       1
  Current:       1
  Updated:       0
  Ready:         1
  Available:     1

NAME                                                     KIND         STATUS        AGE  INFO
⟳ rollout-background-analysis                            Rollout      ✖ Degraded    7d
├──# revision:2
│  ├──⧉ rollout-background-analysis-db976bc44            ReplicaSet   • ScaledDown  7d   canary
│  └──α rollout-background-analysis-db976bc44-2          AnalysisRun  ✖ Failed      7d   ✖ 1
└──# revision:1
   └──⧉ rollout-background-analysis-7d84d44bb8           ReplicaSet   ✔ Healthy     7d   stable
      └──□ rollout-background-analysis-7d84d44bb8-z5wps  Pod          ✔ Running     7d   ready:1/1
`,
    );
  });

  it('prints an invalid rollout as TestGetInvalidRollout', () => {
    expectOut(
      new Cluster(invalid()).out('kubectl argo rollouts get rollout rollout-invalid --no-color'),
      `
Name:            rollout-invalid
Namespace:       default
Status:          ✖ Degraded
Message:         InvalidSpec: The Rollout "rollout-invalid" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"doesnt-match"}: \`selector\` does not match template \`labels\`
Strategy:        Canary
  Step:
  SetWeight:     100
  ActualWeight:  100
Replicas:
  Desired:       1
  Current:       0
  Updated:       0
  Ready:         0
  Available:     0

NAME               KIND     STATUS      AGE  INFO
⟳ rollout-invalid  Rollout  ✖ Degraded  7d
`,
    );
  });

  it('answers a missing rollout with the lister error, and usage for a missing name', () => {
    const c = new Cluster(invalid());
    expect(c.run('kubectl argo rollouts get rollout does-not-exist')).toEqual({
      output: 'Error: rollout.argoproj.io "does-not-exist" not found\n',
      exitCode: 1,
    });
    // The rollout lives in default, not in jesse-test.
    expect(c.out('kubectl argo rollouts get rollout rollout-invalid -n jesse-test')).toBe(
      'Error: rollout.argoproj.io "rollout-invalid" not found\n',
    );
    const usage = c.run('kubectl argo rollouts get rollout');
    expect(usage.exitCode).toBe(1);
    expect(usage.output).toContain(
      'Usage:\n  kubectl-argo-rollouts get rollout ROLLOUT_NAME [flags]\n\nAliases:\n  rollout, ro, rollouts\n\nExamples:\n',
    );
  });

  it('computes the actual weight from available canary pods without traffic routing', () => {
    const ro = simpleCanary({
      currentStepIndex: 1,
      currentPodHash: 'new',
      stableRS: 'old',
      replicas: 5,
      availableReplicas: 4,
      updatedReplicas: 1,
      readyReplicas: 4,
      phase: 'Paused',
      message: 'CanaryPauseStep',
      pauseConditions: [{ reason: 'CanaryPauseStep', startTime: toTimestamp(0) }],
      controllerPause: true,
    });
    const c = new Cluster([
      ro,
      rs('guestbook', 'default', 'new', 2, 'argoproj/rollouts-demo:yellow', 1, {
        replicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
      }),
      rs('guestbook', 'default', 'old', 1, 'argoproj/rollouts-demo:blue', 4, {
        replicas: 4,
        readyReplicas: 3,
        availableReplicas: 3,
      }),
    ]);
    const out = c.out('kubectl argo rollouts get rollout guestbook');
    expect(out).toContain(
      'Status:          ॥ Paused\nMessage:         CanaryPauseStep\nStrategy:        Canary\n  Step:          1/3\n  SetWeight:     10\n  ActualWeight:  25\n',
    );
    expect(out).toMatch(/⧉ guestbook-old +ReplicaSet +◌ Progressing +7d +stable\n/);
  });
});

// --- status --------------------------------------------------------------------------------

describe('kubectl argo rollouts status', () => {
  it('prints phase and message without watching (status_test.go)', () => {
    expect(
      new Cluster(blueGreen()).run(
        'kubectl argo rollouts status bluegreen-demo -n jesse-test --watch=false',
      ),
    ).toEqual({ output: 'Paused - BlueGreenPause\n', exitCode: 0 });
    expect(
      new Cluster(invalid()).run('kubectl argo rollouts status rollout-invalid --watch=false'),
    ).toEqual({
      output:
        'Degraded\nError: The rollout is in a degraded state with message: InvalidSpec: The Rollout "rollout-invalid" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"doesnt-match"}: `selector` does not match template `labels`\n',
      exitCode: 1,
    });
  });

  it('ends a watch on a degraded rollout with the message and the error', () => {
    expect(
      new Cluster(aborted()).run('kubectl argo rollouts status rollout-background-analysis'),
    ).toEqual({
      output:
        'Degraded - RolloutAborted: metric "web" assessed Failed due to failed (1) > failureLimit (0)\nError: The rollout is in a degraded state with message: RolloutAborted: metric "web" assessed Failed due to failed (1) > failureLimit (0)\n',
      exitCode: 1,
    });
  });

  it('prints Healthy alone, and the not-found error of the lister', () => {
    const c = new Cluster([
      simpleCanary({ phase: 'Healthy', currentStepIndex: 3, replicas: 5, updatedReplicas: 5 }),
    ]);
    expect(c.run('kubectl argo rollouts status guestbook')).toEqual({
      output: 'Healthy\n',
      exitCode: 0,
    });
    expect(c.run('kubectl argo rollouts status nope -w=false')).toEqual({
      output: 'Error: rollout.argoproj.io "nope" not found\n',
      exitCode: 1,
    });
  });

  it('says it waits for the controller when the spec generation is not observed yet', () => {
    const c = new Cluster([simpleCanary({ phase: 'Healthy', observedGeneration: '1' })]);
    c.out('kubectl argo rollouts set image guestbook guestbook=argoproj/rollouts-demo:yellow');
    expect(c.out('kubectl argo rollouts status guestbook --watch=false')).toBe(
      'Progressing - waiting for rollout spec update to be observed\n',
    );
  });
});

// --- list rollouts ---------------------------------------------------------------------------

describe('kubectl argo rollouts list rollouts', () => {
  const listCanary: Rollout = {
    ...simpleCanary({
      currentStepIndex: 1,
      replicas: 4,
      readyReplicas: 1,
      updatedReplicas: 3,
      availableReplicas: 2,
    }),
    metadata: { name: 'can-guestbook', namespace: 'test' },
  };
  const listBlueGreen: Rollout = {
    ...listCanary,
    metadata: { name: 'bg-guestbook', namespace: 'test' },
    spec: { ...listCanary.spec, strategy: { blueGreen: { activeService: 'x' } } },
  };

  it('prints list_test.go TestListCanaryRollout and TestListBlueGreenResource', () => {
    expect(new Cluster([listCanary]).out('kubectl argo rollouts list rollouts -n test')).toBe(
      'NAME           STRATEGY   STATUS        STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE\n' +
        'can-guestbook  Canary     Progressing   1/3   10          1/4    5        3           2        \n',
    );
    expect(new Cluster([listBlueGreen]).out('kubectl argo rollouts list rollout -n test')).toBe(
      'NAME          STRATEGY   STATUS        STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE\n' +
        'bg-guestbook  BlueGreen  Progressing   -     -           1/4    5        3           2        \n',
    );
  });

  it('lists by name, across namespaces with -A, and says when there is none', () => {
    const c = new Cluster([listCanary, listBlueGreen]);
    expect(c.out('kubectl argo rollouts list rollouts -n test').split('\n')[1]).toMatch(
      /^bg-guestbook /,
    );
    expect(c.out('kubectl argo rollouts list ro -A').split('\n')[0]).toBe(
      'NAMESPACE  NAME           STRATEGY   STATUS        STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE',
    );
    expect(c.out('kubectl argo rollouts list rollouts')).toBe('No resources found.\n');
    expect(c.out('kubectl argo rollouts list rollouts -n test --name nope')).toBe(
      'No resources found.\n',
    );
  });
});

// --- mutating verbs ----------------------------------------------------------------------------

describe('kubectl argo rollouts promote', () => {
  it('clears the pause conditions of a paused canary step (status patch only)', () => {
    const c = new Cluster([
      simpleCanary({
        currentStepIndex: 1,
        pauseConditions: [{ reason: 'CanaryPauseStep', startTime: toTimestamp(0) }],
        controllerPause: true,
      }),
    ]);
    expect(c.run('kubectl argo rollouts promote guestbook')).toEqual({
      output: "rollout 'guestbook' promoted\n",
      exitCode: 0,
    });
    const st = c.rollout('guestbook').status;
    expect(st?.pauseConditions).toBeUndefined();
    expect(st?.controllerPause).toBe(true);
    expect(st?.currentStepIndex).toBe(1);
    expect(c.rollout('guestbook').metadata?.generation).toBe(1);
  });

  it('skips the current step when nothing is paused, never past the last', () => {
    const c = new Cluster([simpleCanary({ currentStepIndex: 0 })]);
    c.out('kubectl argo rollouts promote guestbook');
    expect(c.rollout('guestbook').status?.currentStepIndex).toBe(1);
    const last = new Cluster([simpleCanary({ currentStepIndex: 3 })]);
    last.out('kubectl argo rollouts promote guestbook');
    expect(last.rollout('guestbook').status?.currentStepIndex).toBe(3);
    const unset = new Cluster([simpleCanary({})]);
    unset.out('kubectl argo rollouts promote guestbook');
    expect(unset.rollout('guestbook').status?.currentStepIndex).toBe(1);
  });

  it('unpauses spec.paused with a spec patch (bumping the generation)', () => {
    const c = new Cluster([
      simpleCanary(
        {
          currentStepIndex: 1,
          pauseConditions: [{ reason: 'PausedByUser', startTime: toTimestamp(0) }],
        },
        { paused: true },
      ),
    ]);
    c.out('kubectl argo rollouts promote guestbook');
    const ro = c.rollout('guestbook');
    expect(ro.spec.paused).toBe(false);
    expect(ro.status?.pauseConditions).toBeUndefined();
    expect(ro.metadata?.generation).toBe(2);
  });

  it('moves past an inconclusive analysis step and clears the controller pause', () => {
    const c = new Cluster([
      simpleCanary({
        currentStepIndex: 1,
        pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: toTimestamp(0) }],
        controllerPause: true,
        canary: {
          currentStepAnalysisRunStatus: { name: 'ar', status: 'Inconclusive' },
        },
      }),
    ]);
    c.out('kubectl argo rollouts promote guestbook');
    const st = c.rollout('guestbook').status;
    expect(st?.controllerPause).toBe(false);
    expect(st?.pauseConditions).toBeUndefined();
    expect(st?.currentStepIndex).toBe(2);
  });

  it('sets status.promoteFull with --full unless already fully promoted', () => {
    const c = new Cluster([simpleCanary({ stableRS: 'abc123', currentPodHash: 'def456' })]);
    expect(c.out('kubectl argo rollouts promote guestbook --full')).toBe(
      "rollout 'guestbook' fully promoted\n",
    );
    expect(c.rollout('guestbook').status?.promoteFull).toBe(true);
    const done = new Cluster([simpleCanary({ stableRS: 'abc123', currentPodHash: 'abc123' })]);
    const rv = done.rollout('guestbook').metadata?.resourceVersion;
    expect(done.out('kubectl argo rollouts promote guestbook --full')).toBe(
      "rollout 'guestbook' fully promoted\n",
    );
    expect(done.rollout('guestbook').metadata?.resourceVersion).toBe(rv);
  });

  it('keeps the deprecated skip flags with their notices and errors', () => {
    const c = new Cluster([simpleCanary({ currentStepIndex: 0 })]);
    expect(c.out('kubectl argo rollouts promote guestbook -a')).toBe(
      'Flag shorthand -a has been deprecated, use --full instead\n' +
        'Flag --skip-all-steps has been deprecated, use --full instead\n' +
        "rollout 'guestbook' promoted\n",
    );
    expect(c.rollout('guestbook').status?.currentStepIndex).toBe(3);
    expect(
      c.run('kubectl argo rollouts promote guestbook --skip-current-step --skip-all-steps'),
    ).toEqual({
      output:
        'Flag --skip-current-step has been deprecated, use without the flag instead ex: promote ROLLOUT_NAME\n' +
        'Flag --skip-all-steps has been deprecated, use --full instead\n' +
        'Error: Cannot use skip-current-step and skip-all-steps flags at the same time\n',
      exitCode: 1,
    });
    const bg = new Cluster(blueGreen());
    expect(
      bg.out('kubectl argo rollouts promote bluegreen-demo -n jesse-test --skip-current-step'),
    ).toContain('Error: Cannot skip steps of a bluegreen rollout. Run without a flags\n');
  });

  it('resumes a blue-green pause by clearing pauseConditions', () => {
    const c = new Cluster(blueGreen());
    c.out('kubectl argo rollouts promote bluegreen-demo -n jesse-test');
    expect(c.rollout('bluegreen-demo').status?.pauseConditions).toBeUndefined();
    // Until the controller reacts, the plugin reads the rollout as unpausing.
    expect(c.out('kubectl argo rollouts status bluegreen-demo -n jesse-test -w=false')).toBe(
      'Progressing - waiting for rollout to unpause\n',
    );
  });

  it('errors like the clientset for a missing rollout, and prints usage without a name', () => {
    const c = new Cluster([]);
    expect(c.run('kubectl argo rollouts promote doesnotexist')).toEqual({
      output: 'Error: rollouts.argoproj.io "doesnotexist" not found\n',
      exitCode: 1,
    });
    const r = c.run('kubectl argo rollouts promote');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(`Usage:
  kubectl-argo-rollouts promote ROLLOUT_NAME [flags]

Examples:
\t# Promote a paused rollout
\tkubectl argo rollouts promote guestbook

\t# Fully promote a rollout to desired version, skipping analysis, pauses, and steps
\tkubectl argo rollouts promote guestbook --full

Flags:
      --full   Perform a full promotion, skipping analysis, pauses, and steps
  -h, --help   help for promote

Global Flags:
${GLOBAL_FLAGS}
`);
  });
});

/** docs/generated/kubectl-argo-rollouts/kubectl-argo-rollouts_promote.md, inherited options. */
const GLOBAL_FLAGS = `      --as string                      Username to impersonate for the operation. User could be a regular user or a service account in a namespace.
      --as-group stringArray           Group to impersonate for the operation, this flag can be repeated to specify multiple groups.
      --as-uid string                  UID to impersonate for the operation.
      --cache-dir string               Default cache directory (default "$HOME/.kube/cache")
      --certificate-authority string   Path to a cert file for the certificate authority
      --client-certificate string      Path to a client certificate file for TLS
      --client-key string              Path to a client key file for TLS
      --cluster string                 The name of the kubeconfig cluster to use
      --context string                 The name of the kubeconfig context to use
      --disable-compression            If true, opt-out of response compression for all requests to the server
      --insecure-skip-tls-verify       If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure
  -v, --kloglevel int                  Log level for kubernetes client library
      --kubeconfig string              Path to the kubeconfig file to use for CLI requests.
      --loglevel string                Log level for kubectl argo rollouts (default "info")
  -n, --namespace string               If present, the namespace scope for this CLI request
      --request-timeout string         The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests. (default "0")
  -s, --server string                  The address and port of the Kubernetes API server
      --tls-server-name string         Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used
      --token string                   Bearer token for authentication to the API server
      --user string                    The name of the kubeconfig user to use`;

describe('kubectl argo rollouts abort, retry, pause, restart', () => {
  it('aborts with a status patch and retries by setting abort back to false', () => {
    const c = new Cluster([simpleCanary({ currentStepIndex: 1 })]);
    expect(c.out('kubectl argo rollouts abort guestbook')).toBe("rollout 'guestbook' aborted\n");
    expect(c.rollout('guestbook').status?.abort).toBe(true);
    // abortedAt is the controller's to set.
    expect(c.rollout('guestbook').status?.abortedAt).toBeUndefined();
    expect(c.out('kubectl argo rollouts retry rollout guestbook')).toBe(
      "rollout 'guestbook' retried\n",
    );
    expect(c.rollout('guestbook').status?.abort).toBe(false);
    expect(c.out('kubectl argo rollouts retry ro guestbook')).toBe("rollout 'guestbook' retried\n");
  });

  it('stops at the first missing rollout of several', () => {
    const c = new Cluster([simpleCanary({})]);
    expect(c.run('kubectl argo rollouts abort guestbook nope guestbook')).toEqual({
      output: 'rollout \'guestbook\' aborted\nError: rollouts.argoproj.io "nope" not found\n',
      exitCode: 1,
    });
  });

  it('pauses with spec.paused and prints usage without a name', () => {
    const c = new Cluster([simpleCanary({})]);
    expect(c.out('kubectl argo rollouts pause guestbook')).toBe("rollout 'guestbook' paused\n");
    expect(c.rollout('guestbook').spec.paused).toBe(true);
    expect(c.rollout('guestbook').metadata?.generation).toBe(2);
    const r = c.run('kubectl argo rollouts pause');
    expect(r.exitCode).toBe(1);
    expect(
      r.output.startsWith('Usage:\n  kubectl-argo-rollouts pause ROLLOUT_NAME [flags]\n'),
    ).toBe(true);
  });

  it('restarts by setting spec.restartAt (whole seconds), now or later', () => {
    const c = new Cluster([simpleCanary({})], 90_500);
    expect(c.out('kubectl argo rollouts restart guestbook')).toBe(
      "rollout 'guestbook' restarts in 0s\n",
    );
    expect(c.rollout('guestbook').spec.restartAt).toBe('2026-01-01T00:01:30Z');
    expect(c.out('kubectl argo rollouts restart guestbook --in 1m')).toBe(
      "rollout 'guestbook' restarts in 1m\n",
    );
    expect(c.rollout('guestbook').spec.restartAt).toBe('2026-01-01T00:02:30Z');
  });

  it('prints the retry usage with its subcommands', () => {
    const r = new Cluster([]).run('kubectl argo rollouts retry');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain(`Usage:
  kubectl-argo-rollouts retry <rollout|experiment> RESOURCE_NAME [flags]
  kubectl-argo-rollouts retry [command]

Examples:
\t# Retry an aborted rollout
\tkubectl argo rollouts retry rollout guestbook

\t# Retry a failed experiment
\tkubectl argo rollouts retry experiment my-experiment

Available Commands:
  experiment  Retry an experiment
  rollout     Retry an aborted rollout

Flags:
  -h, --help   help for retry

Global Flags:
`);
    expect(
      r.output.endsWith(
        '\n\nUse "kubectl-argo-rollouts retry [command] --help" for more information about a command.\n',
      ),
    ).toBe(true);
  });
});

describe('kubectl argo rollouts terminate and experiments', () => {
  it('terminates an AnalysisRun with spec.terminate', () => {
    const c = new Cluster(aborted());
    const name = 'rollout-background-analysis-db976bc44-2';
    expect(c.out(`kubectl argo rollouts terminate ar ${name}`)).toBe(
      `analysisRun '${name}' terminated\n`,
    );
    expect(c.store.get<AnalysisRun>('AnalysisRun', name)?.spec.terminate).toBe(true);
    expect(c.run('kubectl argo rollouts terminate analysisrun nope')).toEqual({
      output: 'Error: analysisruns.argoproj.io "nope" not found\n',
      exitCode: 1,
    });
  });

  it('finds no Experiments, as a cluster without any', () => {
    const c = new Cluster([]);
    expect(c.out('kubectl argo rollouts get experiment e1')).toBe(
      'Error: experiment.argoproj.io "e1" not found\n',
    );
    expect(c.out('kubectl argo rollouts retry experiment e1')).toBe(
      'Error: experiments.argoproj.io "e1" not found\n',
    );
    expect(c.out('kubectl argo rollouts list experiments -A')).toBe('No resources found.\n');
  });
});

describe('kubectl argo rollouts set image', () => {
  it('updates the pod template image and prints the lower-cased kind', () => {
    const c = new Cluster([simpleCanary({})]);
    expect(
      c.run('kubectl argo rollouts set image guestbook guestbook=argoproj/rollouts-demo:yellow'),
    ).toEqual({ output: 'rollout "guestbook" image updated\n', exitCode: 0 });
    const ro = c.rollout('guestbook');
    expect(ro.spec.template?.spec?.containers[0]?.image).toBe('argoproj/rollouts-demo:yellow');
    expect(ro.metadata?.generation).toBe(2);
  });

  it('sets every container with *, and refuses an unknown container', () => {
    const c = new Cluster([simpleCanary({})]);
    c.out('kubectl argo rollouts set image guestbook *=x:1');
    expect(c.rollout('guestbook').spec.template?.spec?.containers[0]?.image).toBe('x:1');
    expect(c.run('kubectl argo rollouts set image guestbook web=x:2')).toEqual({
      output: 'Error: unable to find container named "web"\n',
      exitCode: 1,
    });
  });

  it('updates the Deployment of a workloadRef', () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: template('web', 'app:v1'),
      },
    };
    const ro = simpleCanary({});
    delete ro.spec.template;
    ro.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
    const c = new Cluster([d, ro]);
    expect(c.out('kubectl argo rollouts set image guestbook web=app:v2')).toBe(
      'deployment "web" image updated\n',
    );
    expect(
      c.store.get<Deployment>('Deployment', 'web')?.spec?.template.spec?.containers[0]?.image,
    ).toBe('app:v2');
  });

  it('prints usage for a malformed CONTAINER=IMAGE', () => {
    const c = new Cluster([simpleCanary({})]);
    const r = c.run('kubectl argo rollouts set image guestbook guestbook');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(
      /^Usage:\n {2}kubectl-argo-rollouts set image ROLLOUT_NAME CONTAINER=IMAGE \[flags\]\n/,
    );
  });
});

// --- cobra behaviour ---------------------------------------------------------------------------

describe('kubectl argo rollouts command line', () => {
  it('suggests a command for a typo, as cobra does', () => {
    expect(new Cluster([]).run('kubectl argo rollouts promot guestbook')).toEqual({
      output:
        'Error: unknown command "promot" for "kubectl-argo-rollouts"\n\nDid you mean this?\n\tpromote\n\nRun \'kubectl-argo-rollouts --help\' for usage.\n',
      exitCode: 1,
    });
    expect(new Cluster([]).out('kubectl argo rollouts frobnicate')).toBe(
      'Error: unknown command "frobnicate" for "kubectl-argo-rollouts"\nRun \'kubectl-argo-rollouts --help\' for usage.\n',
    );
  });

  it('reports flag errors without usage', () => {
    expect(new Cluster([]).run('kubectl argo rollouts promote guestbook --bogus')).toEqual({
      output: 'Error: unknown flag: --bogus\n',
      exitCode: 1,
    });
  });

  it('finds the command past leading flags', () => {
    const c = new Cluster([simpleCanary({})]);
    expect(c.out('kubectl argo rollouts -n default pause guestbook')).toBe(
      "rollout 'guestbook' paused\n",
    );
  });

  it('prints the root usage with no command, and help with -h or help', () => {
    const r = new Cluster([]).run('kubectl argo rollouts');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain(`Usage:
  kubectl-argo-rollouts COMMAND [flags]
  kubectl-argo-rollouts [command]

Examples:
  # Get guestbook rollout and watch progress
  kubectl argo rollouts get rollout guestbook -w
`);
    expect(r.output).toContain(`Available Commands:
  abort         Abort a rollout
  completion    Generate completion script
  create        Create a Rollout, Experiment, AnalysisTemplate, ClusterAnalysisTemplate, or AnalysisRun resource
  dashboard     Start UI dashboard
  get           Get details about rollouts and experiments
  help          Help about any command
  lint          Lint and validate a Rollout
  list          List rollouts or experiments
  notifications Set of CLI commands that helps manage notifications settings
  pause         Pause a rollout
`);
    expect(r.output).toContain(
      '      --disable-compression            If true, opt-out of response compression for all requests to the server\n' +
        '  -h, --help                           help for kubectl-argo-rollouts\n' +
        '      --insecure-skip-tls-verify',
    );
    expect(r.output).not.toContain('Global Flags');
    const help = new Cluster([]).run('kubectl argo rollouts abort --help');
    expect(help.exitCode).toBe(0);
    expect(
      help.output.startsWith(
        'This command stops progressing the current rollout and reverts all steps. The previous ReplicaSet will be active.\n',
      ),
    ).toBe(true);
    expect(help.output).toContain(
      'revert the rollout.\n\nUsage:\n  kubectl-argo-rollouts abort ROLLOUT_NAME [flags]\n',
    );
    expect(new Cluster([]).out('kubectl argo rollouts help set image')).toBe(
      new Cluster([]).out('kubectl argo rollouts set image -h'),
    );
    expect(new Cluster([]).out('kubectl argo rollouts help bogus')).toMatch(
      /^Unknown help topic \[`bogus`\]\nUsage:\n {2}kubectl-argo-rollouts COMMAND \[flags\]\n/,
    );
  });

  it('prints the version, or just its number with --short', () => {
    expect(new Cluster([]).out('kubectl argo rollouts version')).toBe(
      'kubectl-argo-rollouts: v1.9.1+b6bd3bc\n' +
        '  BuildDate: 2026-07-06T13:57:05Z\n' +
        '  GitCommit: b6bd3bcf8f60d717a98763d26acc983db7f97cb0\n' +
        '  GitTreeState: clean\n' +
        '  GoVersion: go1.24.13\n' +
        '  Compiler: gc\n' +
        '  Platform: linux/amd64\n',
    );
    expect(new Cluster([]).out('kubectl argo rollouts version --short')).toBe(
      'kubectl-argo-rollouts: v1.9.1+b6bd3bc\n',
    );
  });

  it('declines the commands it does not simulate', () => {
    expect(new Cluster([]).out('kubectl argo rollouts lint')).toBe(
      'Error: "kubectl argo rollouts lint" is not supported by this simulator\n',
    );
    expect(new Cluster([]).run('kubectl argo rollouts undo guestbook')).toEqual({
      output: 'Error: "kubectl argo rollouts undo" is not supported by this simulator\n',
      exitCode: 1,
    });
  });
});

// --- kubectl get columns ----------------------------------------------------------------------

describe('kubectl get for Argo kinds (CRD printer columns)', () => {
  it('prints Rollouts with DESIRED CURRENT UP-TO-DATE AVAILABLE AGE', () => {
    const c = new Cluster(blueGreen(), 90_000);
    const ro = c.rollout('bluegreen-demo');
    expect(
      printGet(
        'Rollout',
        [ro, { ...ro, metadata: { ...ro.metadata, name: 'x' }, status: {} }],
        c.time,
      ),
    ).toBe(
      'NAME             DESIRED   CURRENT   UP-TO-DATE   AVAILABLE   AGE\n' +
        'bluegreen-demo   3         6         3            3           90s\n' +
        'x                3                                            90s\n',
    );
  });

  it('prints AnalysisRuns with STATUS, and kind-prefixed names', () => {
    const c = new Cluster(aborted(), 600_000);
    const run = c.store.get<AnalysisRun>('AnalysisRun', 'rollout-background-analysis-db976bc44-2');
    expect(run).toBeDefined();
    expect(printGet('AnalysisRun', run ? [run] : [], c.time, { withKindPrefix: true })).toBe(
      'NAME                                                              STATUS   AGE\n' +
        'analysisrun.argoproj.io/rollout-background-analysis-db976bc44-2   Failed   10m\n',
    );
  });
});
