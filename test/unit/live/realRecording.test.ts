/**
 * A recording as a real cluster serves it (managedFields, uids, a namespace, revision
 * annotations, defaulted pod specs), with what the simulator cannot reproduce: a container
 * OOMKilled, a pod deleted while its ReplicaSet still wanted it, a pod of a Job. The scenario
 * keeps the person's intent only and says the rest in the notes, never inventing it.
 */
import { describe, expect, it } from 'vitest';
import { recordingToScenario } from '../../../src/sim/live/recording';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { Session } from '../../../src/sim/session/session';
import type { Observation, ObservedObject } from '../../../src/sim/live/observation';

const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: 'shop',
  uid: `uid-${name}`,
  resourceVersion: '4711',
  creationTimestamp: '2026-12-03T17:00:00Z',
  managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update' }],
  ...extra,
});

const podSpec = (image: string) => ({
  containers: [
    {
      name: 'web',
      image,
      imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets' }],
    },
  ],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
  volumes: [{ name: 'kube-api-access-x7k2p', projected: { sources: [] } }],
});

const template = (image: string, hash?: string) => ({
  metadata: {
    creationTimestamp: null,
    labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) },
  },
  spec: podSpec(image),
});

function deployment(image: string, revision: number): ObservedObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', {
      generation: revision,
      labels: { app: 'web' },
      annotations: {
        'deployment.kubernetes.io/revision': String(revision),
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}',
      },
    }),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: template(image),
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: { replicas: 3, readyReplicas: 3, updatedReplicas: 3, observedGeneration: revision },
  };
}

function replicaSet(
  hash: string,
  image: string,
  revision: number,
  replicas: number,
): ObservedObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(`web-${hash}`, {
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: 'uid-web',
          controller: true,
        },
      ],
    }),
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: template(image, hash),
    },
    status: { replicas },
  };
}

function pod(
  name: string,
  owner: { kind: string; name: string },
  extra: Record<string, unknown> = {},
): ObservedObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, {
      ownerReferences: [
        { apiVersion: 'apps/v1', ...owner, uid: `uid-${owner.name}`, controller: true },
      ],
    }),
    spec: { ...podSpec('shop/web:1.0'), nodeName: 'node-a' },
    status: {
      phase: 'Running',
      startTime: '2026-12-03T17:00:01Z',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        {
          name: 'web',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-12-03T17:00:02Z' } },
        },
      ],
      ...extra,
    },
  };
}

const rsOwner = { kind: 'ReplicaSet', name: 'web-aaa' };

function recording(): Observation {
  const oom = pod('web-aaa-2', rsOwner);
  (oom.status as { containerStatuses: unknown[] }).containerStatuses = [
    {
      name: 'web',
      restartCount: 1,
      state: { running: { startedAt: '2026-12-03T18:00:04Z' } },
      lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
    },
  ];
  return {
    server: 'https://kind.example:6443',
    namespace: 'shop',
    startedAt: '2026-12-03T18:00:00Z',
    initial: [
      deployment('shop/web:1.0', 3),
      replicaSet('old', 'shop/web:0.9', 2, 0),
      replicaSet('aaa', 'shop/web:1.0', 3, 3),
      pod('web-aaa-1', rsOwner),
      pod('web-aaa-2', rsOwner),
      pod('web-aaa-3', rsOwner),
      pod('migrate-x1', { kind: 'Job', name: 'migrate' }),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('web'),
        spec: {
          selector: { app: 'web' },
          ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
          clusterIP: '10.96.12.7',
          clusterIPs: ['10.96.12.7'],
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          type: 'ClusterIP',
          sessionAffinity: 'None',
          internalTrafficPolicy: 'Cluster',
        },
        status: { loadBalancer: {} },
      },
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta('web-9zq'),
        addressType: 'IPv4',
        endpoints: [],
      },
    ],
    changes: [
      { atMs: 4200.4, type: 'MODIFIED', object: oom },
      { atMs: 8000, type: 'DELETED', object: pod('web-aaa-1', rsOwner) },
      { atMs: 10000.6, type: 'MODIFIED', object: deployment('shop/web:1.1', 3) },
      { atMs: 10005, type: 'ADDED', object: replicaSet('bbb', 'shop/web:1.1', 4, 1) },
      { atMs: 20000, type: 'MODIFIED', object: deployment('shop/web:0.9', 4) },
      { atMs: 30000, type: 'MODIFIED', object: deployment('shop/web:1.1', 5) },
    ],
  };
}

describe('When a real cluster was recorded', () => {
  it("keeps the person's manifests, cleaned of what the cluster wrote", () => {
    const { text } = recordingToScenario(recording());
    const parsed = parseScenario(text, 'recorded.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const [d, svc] = parsed.scenario.manifests;
    expect(parsed.scenario.manifests.map((m) => `${m.kind}/${m.metadata?.name}`)).toEqual([
      'Deployment/web',
      'Service/web',
    ]);
    expect(d?.metadata).toEqual({ name: 'web', labels: { app: 'web' } });
    expect(JSON.stringify(d)).not.toMatch(
      /managedFields|uid|resourceVersion|kube-api-access|dnsPolicy|status/,
    );
    expect(JSON.stringify(svc)).not.toMatch(/10\.96|ipFamilies/);
    expect(text).not.toContain('namespace: shop');
  });

  it("turns the person's changes into steps, numbering revisions as the replay will", () => {
    const { text } = recordingToScenario(recording());
    const parsed = parseScenario(text, 'recorded.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(
      parsed.scenario.steps.map((s) => [s.at, s.kind === 'kubectl' ? s.command : s.kind]),
    ).toEqual([
      [10001, 'set image deployment/web web=shop/web:1.1'],
      // Revision 2 (0.9) is older than the recording: the replay never had it, so no undo.
      [20000, 'set image deployment/web web=shop/web:0.9'],
      // Revision 4 of the cluster is the replay's revision 2.
      [30000, 'rollout undo deployment/web --to-revision=2'],
    ]);
    const s = Session.load(text, 'recorded.yaml');
    if ('errors' in s) throw new Error(s.errors.join('\n'));
    s.advanceTo(31_000);
    expect(s.cluster.commands.map((c) => [c.command, c.exitCode])).toEqual([
      ['set image deployment/web web=shop/web:1.1', 0],
      ['set image deployment/web web=shop/web:0.9', 0],
      ['rollout undo deployment/web --to-revision=2', 0],
    ]);
  });

  it('says in the notes what the replay cannot reproduce or was not recorded', () => {
    const { notes, text } = recordingToScenario(recording());
    expect(notes).toEqual([
      "Not in the scenario, since the simulator's controllers make them again: 1 EndpointSlice, 3 Pods, 3 ReplicaSets. Their names (a pod's random suffix) differ in the replay.",
      'Left out, made by something the recording does not hold: Pod/migrate-x1 (made by Job/migrate).',
      '3 pods already ran when the recording began: the replay starts them at t = 0, so its first seconds show them starting (the first step is at 10.001s).',
      "Namespace shop becomes the simulator's one namespace, default.",
      "Pod web-aaa-2 (shop/web:1.0) at 4.2s: its container restarted (OOMKilled, exit code 137). The simulator does not reproduce failures caused outside it (memory, nodes); the replay's pod keeps running.",
      "Pod web-aaa-1 (shop/web:1.0) at 8s: it was deleted while ReplicaSet web-aaa still wanted it (by a person, an eviction or a lost node). The simulator does not reproduce failures caused outside it (memory, nodes); the replay's pod keeps running.",
      'Requests are not visible through the Kubernetes API: the replay sends 30 requests/s to Service web, as for a file of manifests alone.',
      "Pods ran on 1 node (node-a): the replay has 3 nodes of the simulator's default size (4 CPU, 8Gi); node sizes are not recorded.",
      'Steps: 3 (changes a person made to the objects, at the times they were seen; revisions count from 1 in the replay).',
    ]);
    expect(recordingToScenario(recording()).text).toBe(text);
  });
});

describe('When a re-list shows a pod already running and ready', () => {
  it('does not measure its pull or start as 0', () => {
    const lumped = pod('web-aaa-9', rsOwner);
    const spec = lumped.spec as { containers: Record<string, unknown>[] };
    spec.containers[0]!.readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 };
    const obs: Observation = {
      ...recording(),
      changes: [{ atMs: 5000, type: 'ADDED', object: lumped }],
    };
    const { notes, text } = recordingToScenario(obs);
    expect(notes.filter((n) => n.startsWith('Image '))).toEqual([
      'Image shop/web:1.0, measured on 1 pod: pull not seen (default); start time not measured (without a readinessProbe the API cannot show when the app listens, or its start was not seen): the default is used.',
    ]);
    expect(text).not.toContain('pullTime');
  });
});

describe('When an object that existed before the recording is first seen later', () => {
  it('says so: the scenario creates it when it was seen', () => {
    const base = recording();
    const svc = base.initial.find((o) => o.kind === 'Service')!;
    const obs: Observation = {
      ...base,
      initial: base.initial.filter((o) => o !== svc),
      changes: [{ atMs: 3000, type: 'ADDED', object: svc }, ...base.changes],
    };
    expect(recordingToScenario(obs).notes).toContain(
      'Service/web existed before the recording began but was first seen at 3s: the scenario creates it then, as it was seen.',
    );
    expect(recordingToScenario(base).notes.some((n) => n.includes('first seen'))).toBe(false);
  });
});
