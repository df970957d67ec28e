/** Small hand-built API objects for the kubectl printer tests (times relative to the sim epoch). */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod, PodTemplateSpec, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

/** Seconds after the sim epoch as an RFC 3339 timestamp. */
export const T = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();

const owner = (kind: string, name: string) => [
  { apiVersion: 'apps/v1', kind, name, uid: `${name}-uid`, controller: true },
];

export function template(image: string, hash?: string): PodTemplateSpec {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: {
      containers: [
        {
          name: 'web',
          image,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          // As served: the API server has defaulted the probe (kubectl prints what it reads).
          readinessProbe: {
            httpGet: { path: '/', port: 8080, scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
        },
      ],
    },
  };
}

export const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    creationTimestamp: T(0),
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: template('nginx:1.11.9'),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  },
  status: {
    replicas: 4,
    updatedReplicas: 1,
    readyReplicas: 3,
    availableReplicas: 3,
    unavailableReplicas: 1,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
    ],
  },
};

export const oldRS: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-76cfb94bf4',
    namespace: 'default',
    creationTimestamp: T(0),
    labels: { app: 'web', 'pod-template-hash': '76cfb94bf4' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
    ownerReferences: owner('Deployment', 'web'),
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '76cfb94bf4' } },
    template: template('nginx:1.10.1', '76cfb94bf4'),
  },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
};

export const newRS: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-6cf6bf9f57',
    namespace: 'default',
    creationTimestamp: T(30),
    labels: { app: 'web', 'pod-template-hash': '6cf6bf9f57' },
    annotations: {
      'deployment.kubernetes.io/revision': '2',
      'kubernetes.io/change-cause':
        'kubectl set image deployment/web web=nginx:1.11.9 --record=true',
    },
    ownerReferences: owner('Deployment', 'web'),
  },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '6cf6bf9f57' } },
    template: template('nginx:1.11.9', '6cf6bf9f57'),
  },
  status: { replicas: 1, readyReplicas: 0, availableReplicas: 0 },
};

export const runningPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-76cfb94bf4-x7k2p',
    namespace: 'default',
    creationTimestamp: T(0),
    labels: { app: 'web', 'pod-template-hash': '76cfb94bf4' },
    ownerReferences: owner('ReplicaSet', 'web-76cfb94bf4'),
  },
  spec: { nodeName: 'node-1', containers: template('nginx:1.10.1').spec?.containers ?? [] },
  status: {
    phase: 'Running',
    hostIP: '10.0.0.11',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    startTime: T(0),
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'web',
        image: 'nginx:1.10.1',
        imageID: '',
        ready: true,
        restartCount: 1,
        state: { running: { startedAt: T(40) } },
        lastState: {
          terminated: { exitCode: 1, reason: 'Error', startedAt: T(3), finishedAt: T(39) },
        },
      },
    ],
  },
};

export const pendingPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-6cf6bf9f57-qp9zt',
    namespace: 'default',
    creationTimestamp: T(30),
    labels: { app: 'web', 'pod-template-hash': '6cf6bf9f57' },
    ownerReferences: owner('ReplicaSet', 'web-6cf6bf9f57'),
  },
  spec: { containers: template('nginx:1.11.9').spec?.containers ?? [] },
  status: {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
  },
};

export const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: T(0) },
  spec: {
    type: 'ClusterIP',
    selector: { app: 'web' },
    clusterIP: '10.96.0.10',
    ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
  },
};

export const slice: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name: 'web-8fz2k',
    namespace: 'default',
    creationTimestamp: T(0),
    labels: { 'kubernetes.io/service-name': 'web' },
  },
  addressType: 'IPv4',
  ports: [{ name: '', port: 8080, protocol: 'TCP' }],
  endpoints: ['10.244.1.5', '10.244.2.7', '10.244.3.9', '10.244.1.8'].map((ip, i) => ({
    addresses: [ip],
    conditions: { ready: i !== 1 },
  })),
};

export function event(
  reason: string,
  message: string,
  first: number,
  last = first,
  count = 1,
): Event {
  return {
    metadata: { name: `web.${reason}.${first}` },
    involvedObject: { kind: 'Deployment', name: 'web' },
    type: 'Normal',
    reason,
    message,
    source: { component: 'deployment-controller' },
    firstTimestamp: T(first),
    lastTimestamp: T(last),
    count,
  };
}
