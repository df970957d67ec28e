/**
 * Kinds a real cluster serves but the simulator does not model. A manifest of one of them is
 * listed as ignored and the run goes on; a kind in a version that no cluster serves (a typo, an
 * API removed from Kubernetes, a custom resource whose CRD is not installed) stays kubectl's
 * `no matches for kind` error, as it would be on a real cluster.
 *
 * Built-in kinds are those Kubernetes v1.32 serves (`kubectl api-resources`); the custom
 * resources are those of what the simulated cluster has installed: Argo Rollouts
 * (manifests/crds), Istio (networking/security.istio.io CRDs) and the Gateway API standard
 * channel (its HTTPRoute, Gateway and GatewayClass are simulated). A CustomResourceDefinition in the file itself also makes its kind served.
 */
import type { Rec } from './specReader';
import { isRec } from './specReader';

const BY_GROUP_VERSION: Readonly<Record<string, string>> = {
  v1:
    'ConfigMap Secret Namespace ServiceAccount PersistentVolumeClaim PersistentVolume ' +
    'LimitRange ResourceQuota PodTemplate Endpoints Node Event',
  'apps/v1': 'StatefulSet DaemonSet ControllerRevision',
  'batch/v1': 'Job CronJob',
  'autoscaling/v1': 'HorizontalPodAutoscaler',
  'networking.k8s.io/v1': 'Ingress IngressClass NetworkPolicy',
  'policy/v1': 'PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1': 'Role RoleBinding ClusterRole ClusterRoleBinding',
  'storage.k8s.io/v1': 'StorageClass CSIDriver CSINode VolumeAttachment',
  'scheduling.k8s.io/v1': 'PriorityClass',
  'apiextensions.k8s.io/v1': 'CustomResourceDefinition',
  'admissionregistration.k8s.io/v1':
    'MutatingWebhookConfiguration ValidatingWebhookConfiguration ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding',
  'apiregistration.k8s.io/v1': 'APIService',
  'coordination.k8s.io/v1': 'Lease',
  'discovery.k8s.io/v1': 'EndpointSlice',
  'events.k8s.io/v1': 'Event',
  'node.k8s.io/v1': 'RuntimeClass',
  'certificates.k8s.io/v1': 'CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/v1': 'FlowSchema PriorityLevelConfiguration',
  'argoproj.io/v1alpha1': 'Experiment ClusterAnalysisTemplate AnalysisRun',
  'networking.istio.io/v1': 'Gateway ServiceEntry Sidecar WorkloadEntry WorkloadGroup',
  'networking.istio.io/v1beta1': 'Gateway ServiceEntry Sidecar WorkloadEntry WorkloadGroup',
  'networking.istio.io/v1alpha3':
    'Gateway ServiceEntry Sidecar WorkloadEntry WorkloadGroup EnvoyFilter',
  'security.istio.io/v1': 'AuthorizationPolicy PeerAuthentication RequestAuthentication',
  'security.istio.io/v1beta1': 'AuthorizationPolicy PeerAuthentication RequestAuthentication',
  // HTTPRoute, Gateway and GatewayClass are simulated kinds (api/kinds.ts, issue 11 item 6).
  'gateway.networking.k8s.io/v1': 'GRPCRoute',
  'gateway.networking.k8s.io/v1beta1': 'ReferenceGrant',
};

const SERVED = new Set(
  Object.entries(BY_GROUP_VERSION).flatMap(([gv, kinds]) =>
    kinds.split(' ').map((k) => `${gv} ${k}`),
  ),
);

/** Why a served kind changes nothing, where one sentence helps a learner. */
const WHY: Readonly<Record<string, string>> = {
  ConfigMap: 'the simulated app takes its behaviour from the Scenario, by image',
  Secret: 'the simulated app takes its behaviour from the Scenario, by image',
  Namespace: 'one namespace is simulated',
  Ingress: 'send traffic to a Service (traffic.target in the Scenario) instead',
  Endpoints: 'the simulator derives endpoints from each Service',
  EndpointSlice: 'the simulator derives endpoints from each Service',
  Node: "the nodes come from the Scenario's spec.cluster",
  Event: 'events are recorded by the simulated controllers',
  HorizontalPodAutoscaler: 'the simulator reads autoscaling/v2 HorizontalPodAutoscalers',
  AnalysisRun: 'the rollout controller creates AnalysisRuns from AnalysisTemplates',
};

/** The `apiVersion kind` pairs served by CustomResourceDefinitions in the file. */
export function crdServed(objects: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const o of objects) {
    if (!isRec(o) || o.kind !== 'CustomResourceDefinition' || !isRec(o.spec)) continue;
    const { group, names, versions } = o.spec;
    if (typeof group !== 'string' || !isRec(names) || typeof names.kind !== 'string') continue;
    for (const v of Array.isArray(versions) ? versions : []) {
      if (isRec(v) && typeof v.name === 'string' && v.served !== false)
        out.add(`${group}/${v.name} ${names.kind}`);
    }
  }
  return out;
}

/**
 * Why a manifest of a served but unmodelled kind is ignored (`kind ConfigMap (v1) is not
 * simulated: …`), or undefined when no cluster serves it.
 */
export function unmodelledKind(obj: Rec, crds: ReadonlySet<string>): string | undefined {
  const key = `${String(obj.apiVersion)} ${String(obj.kind)}`;
  if (!SERVED.has(key) && !crds.has(key)) return undefined;
  const kind = String(obj.kind);
  const why = Object.hasOwn(WHY, kind) ? `: ${WHY[kind]}` : '';
  return `kind ${kind} (${String(obj.apiVersion)}) is not simulated${why}`;
}
