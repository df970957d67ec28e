/**
 * API-server defaulting (pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go) for the
 * kinds the simulator serves; k8s-semantics.md §1.1.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type {
  Deployment,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../../../src/sim/api/objects';
import { applyDefaults, pullPolicyFor } from '../../../src/sim/api/defaults';

const deployment = (yaml: string): Deployment =>
  applyDefaults(
    parse(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: "nginx:1.25" }]
${yaml}`) as Deployment,
  );

describe('When a Deployment leaves everything to the server', () => {
  const d = deployment('');

  it('gets the apps/v1 spec defaults', () => {
    expect(d.metadata?.namespace).toBe('default');
    expect(d.spec?.replicas).toBe(1);
    expect(d.spec?.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    expect(d.spec?.revisionHistoryLimit).toBe(10);
    expect(d.spec?.progressDeadlineSeconds).toBe(600);
    expect(d.spec?.minReadySeconds).toBe(0);
    expect(d.spec?.paused).toBe(false);
  });

  it('gets the pod and container defaults in its template', () => {
    const spec = d.spec?.template.spec;
    expect(spec?.terminationGracePeriodSeconds).toBe(30);
    expect(spec?.restartPolicy).toBe('Always');
    expect(spec?.dnsPolicy).toBe('ClusterFirst');
    expect(spec?.schedulerName).toBe('default-scheduler');
    expect(spec?.containers[0]).toEqual({
      name: 'web',
      image: 'nginx:1.25',
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
  });
});

describe('When only one of maxSurge and maxUnavailable is set', () => {
  it('defaults the other one on its own', () => {
    const d = deployment('  strategy: { rollingUpdate: { maxSurge: 1 } }');
    expect(d.spec?.strategy?.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: '25%' });
  });
});

describe('When the strategy is Recreate', () => {
  it('gets no rollingUpdate', () => {
    const d = deployment('  strategy: { type: Recreate }');
    expect(d.spec?.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('When fields are set explicitly', () => {
  it('keeps them, zero included', () => {
    const d = deployment('  replicas: 0\n  revisionHistoryLimit: 0\n  progressDeadlineSeconds: 30');
    expect(d.spec?.replicas).toBe(0);
    expect(d.spec?.revisionHistoryLimit).toBe(0);
    expect(d.spec?.progressDeadlineSeconds).toBe(30);
  });

  it('treats null as unset, like a nil pointer', () => {
    expect(deployment('  replicas: null').spec?.replicas).toBe(1);
  });

  it('does not touch the object it was given', () => {
    const raw = parse(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }',
    ) as Deployment;
    const out = applyDefaults(raw);
    expect(raw).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } });
    expect(out.spec?.replicas).toBe(1);
  });
});

describe('imagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry.local:5000/team/app', 'Always'],
    ['registry.local:5000/team/app:v2', 'IfNotPresent'],
    [
      'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'IfNotPresent',
    ],
    [
      'nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'Always',
    ],
  ])('is derived from the tag of %s', (image, policy) => {
    expect(pullPolicyFor(image)).toBe(policy);
  });

  it('is kept when the manifest sets it', () => {
    const pod = applyDefaults(
      parse(
        'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: app, imagePullPolicy: Never }] }',
      ) as Pod,
    );
    expect(pod.spec?.containers[0]?.imagePullPolicy).toBe('Never');
  });
});

describe('Probes and container ports', () => {
  const pod = applyDefaults(
    parse(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: web
      image: app:1
      ports: [{ containerPort: 8080 }]
      readinessProbe: { httpGet: { port: 8080 }, periodSeconds: 0 }
      livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 5 }
`) as Pod,
  );
  const c = pod.spec?.containers[0];

  it('get TCP, the probe timings, and the HTTP path and scheme', () => {
    expect(c?.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
    // periodSeconds is a plain int32 in Go: 0 is "unset" and becomes 10.
    expect(c?.readinessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c?.livenessProbe?.failureThreshold).toBe(5);
    expect(c?.livenessProbe?.initialDelaySeconds).toBeUndefined();
  });

  it('leave a Pod with the pod-spec defaults', () => {
    expect(pod.metadata?.namespace).toBe('default');
    expect(pod.spec?.restartPolicy).toBe('Always');
    expect(pod.spec?.terminationGracePeriodSeconds).toBe(30);
  });
});

describe('ReplicaSets and ReplicationControllers', () => {
  it('default a ReplicaSet to one replica', () => {
    const rs = applyDefaults(
      parse('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: { name: rs }') as ReplicaSet,
    );
    expect(rs.spec?.replicas).toBe(1);
  });

  it("take a ReplicationController's selector and labels from its template", () => {
    const rc = applyDefaults(
      parse(`apiVersion: v1
kind: ReplicationController
metadata: { name: rc }
spec:
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "nginx:1.25" }] }
`) as ReplicationController,
    );
    expect(rc.spec?.selector).toEqual({ app: 'web' });
    expect(rc.metadata?.labels).toEqual({ app: 'web' });
    expect(rc.spec?.replicas).toBe(1);
    expect(rc.spec?.template?.spec?.restartPolicy).toBe('Always');
  });
});

describe('Services', () => {
  const service = (yaml: string): Service =>
    applyDefaults(
      parse(`apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n${yaml}`) as Service,
    );

  it('get ClusterIP, no affinity, TCP and targetPort = port', () => {
    const s = service(
      '  selector: { app: web }\n  ports: [{ port: 80 }, { port: 443, targetPort: https }]',
    );
    expect(s.spec?.type).toBe('ClusterIP');
    expect(s.spec?.sessionAffinity).toBe('None');
    expect(s.spec?.sessionAffinityConfig).toBeUndefined();
    expect(s.spec?.ports).toEqual([
      { port: 80, protocol: 'TCP', targetPort: 80 },
      { port: 443, protocol: 'TCP', targetPort: 'https' },
    ]);
  });

  it('keep a ClientIP affinity for three hours unless told otherwise', () => {
    expect(
      service('  sessionAffinity: ClientIP\n  ports: [{ port: 80 }]').spec?.sessionAffinityConfig,
    ).toEqual({
      clientIP: { timeoutSeconds: 10800 },
    });
    const short = service(
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }\n  ports: [{ port: 80 }]',
    );
    expect(short.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds).toBe(60);
  });
});
