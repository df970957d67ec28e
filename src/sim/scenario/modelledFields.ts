/**
 * The one tree of manifest fields the simulator models: what its controllers, scheduler,
 * kubelet, kube-proxy and mesh router read (found by reading src/sim; each group below names
 * the module that reads it). Everything else a manifest holds is kept as written (kubectl get
 * shows it back) but changes nothing in the run, so import lists it as ignored
 * (ignoredFields.ts walks each manifest against this tree), and the editor's completion offers
 * these fields.
 *
 * `true` means the whole subtree is modelled (a label map, a probe, a CRD's strategy the
 * rollout controller reads throughout). Arrays are transparent: a tree describes each item.
 */
export type FieldTree = true | { readonly [field: string]: FieldTree };

/** ObjectMeta: names and labels drive selection, ownerReferences the garbage collector. */
const META: FieldTree = {
  name: true,
  // One namespace is simulated; ignoredFields.ts reports any other value.
  namespace: true,
  labels: true,
  // change-cause, Argo's and Istio's annotations; an unknown annotation is harmless data.
  annotations: true,
  ownerReferences: true,
};

/** controllers/kubelet/probes.ts: timing and the handler (its port, for the failure text). */
const PROBE: FieldTree = {
  httpGet: true,
  tcpSocket: true,
  grpc: true,
  exec: true,
  initialDelaySeconds: true,
  periodSeconds: true,
  timeoutSeconds: true,
  successThreshold: true,
  failureThreshold: true,
};

/**
 * A container: the image picks the behaviour (Scenario images), ports name probe and Service
 * targets, CPU and memory requests (or limits, the requests' default) feed the scheduler
 * (api/podIndex.ts podRequests) and the HPA's utilization.
 */
const CONTAINER: FieldTree = {
  name: true,
  image: true,
  ports: { name: true, containerPort: true, protocol: true },
  readinessProbe: PROBE,
  livenessProbe: PROBE,
  startupProbe: PROBE,
  resources: {
    requests: { cpu: true, memory: true },
    limits: { cpu: true, memory: true },
  },
};

/** PodSpec: the kubelet's restart and grace-period rules, the scheduler's nodeName. */
const POD_SPEC: FieldTree = {
  containers: CONTAINER,
  restartPolicy: true,
  terminationGracePeriodSeconds: true,
  nodeName: true,
};

const TEMPLATE: FieldTree = { metadata: { labels: true, annotations: true }, spec: POD_SPEC };
const SELECTOR: FieldTree = { matchLabels: true, matchExpressions: true };

const top = (spec: FieldTree): FieldTree => ({
  apiVersion: true,
  kind: true,
  metadata: META,
  spec,
});

/** Per kind (api/kinds.ts names) the fields that change what the simulated cluster does. */
export const MODELLED_FIELDS: Readonly<Record<string, FieldTree>> = {
  // controllers/deployment: the rollout arithmetic and conditions.
  Deployment: top({
    replicas: true,
    selector: SELECTOR,
    template: TEMPLATE,
    strategy: { type: true, rollingUpdate: { maxSurge: true, maxUnavailable: true } },
    minReadySeconds: true,
    revisionHistoryLimit: true,
    progressDeadlineSeconds: true,
    paused: true,
  }),
  // controllers/replicaSet.ts.
  ReplicaSet: top({
    replicas: true,
    selector: SELECTOR,
    template: TEMPLATE,
    minReadySeconds: true,
  }),
  ReplicationController: top({
    replicas: true,
    selector: true,
    template: TEMPLATE,
    minReadySeconds: true,
  }),
  Pod: top(POD_SPEC),
  // controllers/endpointSlice.ts and network/kubeProxy.ts.
  Service: top({
    selector: true,
    ports: { name: true, port: true, targetPort: true, protocol: true },
    type: true,
    clusterIP: true,
    sessionAffinity: true,
    sessionAffinityConfig: true,
    publishNotReadyAddresses: true,
  }),
  // controllers/hpa: resource metrics with the default behavior only.
  HorizontalPodAutoscaler: top({
    scaleTargetRef: true,
    minReplicas: true,
    maxReplicas: true,
    metrics: true,
  }),
  // controllers/rollout: the strategy is read throughout (steps, traffic routing, analysis).
  Rollout: top({
    replicas: true,
    selector: SELECTOR,
    template: TEMPLATE,
    workloadRef: true,
    strategy: true,
    minReadySeconds: true,
    revisionHistoryLimit: true,
    progressDeadlineSeconds: true,
    paused: true,
    restartAt: true,
  }),
  AnalysisTemplate: top({ metrics: true, args: true }),
  // network/meshRouter.ts: routes, matches, weights, mirrors; subsets' labels.
  VirtualService: top({ hosts: true, gateways: true, http: true }),
  DestinationRule: top({ host: true, subsets: { name: true, labels: true } }),
};

/**
 * The modelled fields under `path` (field names, no indices) of a kind: for completion.
 * `undefined` when the kind or the path is not modelled; `true` when everything under it is.
 */
export function modelledFieldsAt(kind: string, path: readonly string[]): FieldTree | undefined {
  let tree: FieldTree | undefined = Object.hasOwn(MODELLED_FIELDS, kind)
    ? MODELLED_FIELDS[kind]
    : undefined;
  for (const field of path) {
    if (tree === undefined || tree === true) return tree;
    tree = Object.hasOwn(tree, field) ? tree[field] : undefined;
  }
  return tree;
}
