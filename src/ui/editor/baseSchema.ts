/**
 * The kinds the simulator serves today (src/sim/api/kinds.ts, the Scenario document of
 * scenario-format.md) with the fields its controllers read, for completion until the
 * simulator's own tree of modelled fields is wired in (src/sim/scenario/modelledFields.ts).
 * The UI may not import the simulation's values, so this is data of its own.
 */
import type { EditorSchema, SchemaNode } from './schema';

const map = (...keys: string[]): SchemaNode => ({
  fields: Object.fromEntries(keys.map((k) => [k, {}])),
});
const node = (fields: Record<string, SchemaNode>): SchemaNode => ({ fields });
const list = (item: SchemaNode): SchemaNode => ({ items: item });

const metadata = node({ name: {}, namespace: {}, labels: {}, annotations: {} });
const selector = node({
  matchLabels: {},
  matchExpressions: list(map('key', 'operator', 'values')),
});
const probe = node({
  httpGet: map('path', 'port', 'scheme'),
  tcpSocket: map('port'),
  exec: map('command'),
  initialDelaySeconds: {},
  periodSeconds: {},
  timeoutSeconds: {},
  successThreshold: {},
  failureThreshold: {},
});
const container = node({
  name: {},
  image: {},
  ports: list(map('name', 'containerPort', 'protocol')),
  readinessProbe: probe,
  livenessProbe: probe,
  startupProbe: probe,
  resources: node({ requests: map('cpu', 'memory'), limits: map('cpu', 'memory') }),
  env: list(map('name', 'value')),
});
const podSpec = node({
  containers: list(container),
  terminationGracePeriodSeconds: {},
});
const template = node({ metadata, spec: podSpec });
const object = (spec: SchemaNode): SchemaNode => node({ apiVersion: {}, kind: {}, metadata, spec });

const deploymentSpec = node({
  replicas: {},
  selector,
  template,
  strategy: node({ type: {}, rollingUpdate: map('maxSurge', 'maxUnavailable') }),
  minReadySeconds: {},
  revisionHistoryLimit: {},
  progressDeadlineSeconds: {},
  paused: {},
});

const canaryStep = node({
  setWeight: {},
  pause: map('duration'),
  setCanaryScale: map('replicas', 'weight', 'matchTrafficWeight'),
  analysis: node({ templates: list(map('templateName')) }),
});

export const BASE_SCHEMA: EditorSchema = {
  'apps/v1 Deployment': object(deploymentSpec),
  'apps/v1 ReplicaSet': object(node({ replicas: {}, selector, template, minReadySeconds: {} })),
  'v1 Service': object(
    node({
      type: {},
      selector: {},
      ports: list(map('name', 'port', 'targetPort', 'protocol', 'nodePort')),
      sessionAffinity: {},
    }),
  ),
  'v1 Pod': object(podSpec),
  'v1 ReplicationController': object(node({ replicas: {}, selector: {}, template })),
  'autoscaling/v2 HorizontalPodAutoscaler': object(
    node({
      scaleTargetRef: map('apiVersion', 'kind', 'name'),
      minReplicas: {},
      maxReplicas: {},
      metrics: list(
        node({ type: {}, resource: node({ name: {}, target: map('type', 'averageUtilization') }) }),
      ),
      behavior: map('scaleUp', 'scaleDown'),
    }),
  ),
  'networking.istio.io/v1 VirtualService': object(
    node({
      hosts: {},
      http: list(
        node({
          match: list(map('headers', 'uri')),
          route: list(node({ destination: map('host', 'subset', 'port'), weight: {} })),
          mirror: map('host', 'subset'),
          mirrorPercentage: map('value'),
        }),
      ),
    }),
  ),
  'networking.istio.io/v1 DestinationRule': object(
    node({ host: {}, subsets: list(node({ name: {}, labels: {} })) }),
  ),
  'argoproj.io/v1alpha1 Rollout': object(
    node({
      replicas: {},
      selector,
      template,
      minReadySeconds: {},
      revisionHistoryLimit: {},
      strategy: node({
        canary: node({
          steps: list(canaryStep),
          maxSurge: {},
          maxUnavailable: {},
          canaryService: {},
          stableService: {},
          dynamicStableScale: {},
          trafficRouting: node({ istio: node({ virtualService: map('name', 'routes') }) }),
        }),
        blueGreen: map(
          'activeService',
          'previewService',
          'autoPromotionEnabled',
          'scaleDownDelaySeconds',
        ),
      }),
    }),
  ),
  'argoproj.io/v1alpha1 AnalysisTemplate': object(
    node({
      metrics: list(
        node({
          name: {},
          interval: {},
          count: {},
          successCondition: {},
          failureCondition: {},
          failureLimit: {},
          provider: map('prometheus'),
        }),
      ),
    }),
  ),
  'rolloutlab.dev/v1alpha1 Scenario': object(
    node({
      seed: {},
      duration: {},
      cluster: map('nodes', 'nodeResources', 'proxyMode'),
      defaults: map(
        'pullTime',
        'startTime',
        'shutdownTime',
        'latency',
        'errorRate',
        'idleCpu',
        'cpuPerRps',
      ),
      images: {},
      traffic: map('target', 'rps', 'clients', 'segments'),
      steps: list(map('at', 'caption', 'kubectl', 'apply', 'traffic', 'interrupt')),
    }),
  ),
};
