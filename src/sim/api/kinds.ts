/**
 * What the simulated API server says about each resource type it knows, in one table: the
 * facts discovery serves (apimachinery metav1.APIResource: name, singularName, shortNames,
 * namespaced, categories, group and versions) plus what the simulator does with the type.
 * kubectl's resource parsing, its messages, defaulting, scenario loading and the store read these
 * facts here; the behaviour of each kind (defaults, validation, printer columns, describer) is
 * attached in registry.ts, which imports the modules that implement it.
 *
 * Adding a kind: its object type to KubeObject (objects.ts), one entry here, one in registry.ts,
 * and its controller.
 */
import type { Endpoints, Namespace } from 'kubernetes-types/core/v1';
import type { Kind, KubeObject } from './objects';

/**
 * Every type a kubectl resource argument can name: the stored kinds, Endpoints, which the
 * simulator derives from EndpointSlices instead of storing, and Namespace, whose four objects
 * are fixed (api/namespaces.ts).
 */
export type ResourceKind = Kind | 'Endpoints' | 'Namespace';

export interface KindFacts {
  /** API group; '' is the core group. */
  group: string;
  /** Versions served, the preferred one (stored, and reported as apiVersion) first. */
  versions: readonly [string, ...string[]];
  /** Discovery's lower-case plural (`deployments`), the resource name in URLs and errors. */
  plural: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** Discovery categories: `all` is what `kubectl get all` lists. */
  categories: readonly string[];
  /**
   * The simulated API server serves it to kubectl get, describe and the writing verbs. False:
   * kubectl knows the name, but the server answers that it has no such resource type.
   */
  simulated: boolean;
  /** A scenario's manifests may hold it (kubectl apply); otherwise only controllers create it. */
  fromManifests: boolean;
  /** Has the scale subresource (`kubectl scale`). */
  scalable: boolean;
  /** The API server bumps metadata.generation when its spec changes. */
  generation: boolean;
  /** Has the status subresource (`/status`, listed in discovery; a CRD's `subresources.status`). */
  statusSubresource?: boolean;
  /**
   * Served for reading only (get, list, watch): the simulator models no lifecycle for it, so a
   * write is refused with the API server's MethodNotAllowed rather than half-performed.
   */
  readOnly?: boolean;
}

const NONE = [] as const;

/** In discovery order (core, apps, discovery, autoscaling, then the custom resources). */
export const KINDS = {
  Pod: {
    group: '',
    versions: ['v1'],
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
    categories: ['all'],
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: false,
    statusSubresource: true,
  },
  ReplicationController: {
    group: '',
    versions: ['v1'],
    plural: 'replicationcontrollers',
    singular: 'replicationcontroller',
    shortNames: ['rc'],
    namespaced: true,
    categories: ['all'],
    simulated: true,
    fromManifests: true,
    scalable: true,
    generation: true,
    statusSubresource: true,
  },
  Service: {
    group: '',
    versions: ['v1'],
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
    categories: ['all'],
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: false,
    statusSubresource: true,
  },
  Endpoints: {
    group: '',
    versions: ['v1'],
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: false,
    scalable: false,
    generation: false,
  },
  Node: {
    group: '',
    versions: ['v1'],
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
    categories: NONE,
    simulated: true,
    fromManifests: false,
    scalable: false,
    generation: false,
    readOnly: true,
  },
  // The cluster's four namespaces, fixed (api/namespaces.ts): everything lives in default.
  Namespace: {
    group: '',
    versions: ['v1'],
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
    categories: NONE,
    simulated: true,
    fromManifests: false,
    scalable: false,
    generation: false,
    statusSubresource: true,
    readOnly: true,
  },
  Event: {
    group: '',
    versions: ['v1'],
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: false,
    scalable: false,
    generation: false,
  },
  Deployment: {
    group: 'apps',
    versions: ['v1'],
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
    categories: ['all'],
    simulated: true,
    fromManifests: true,
    scalable: true,
    generation: true,
    statusSubresource: true,
  },
  ReplicaSet: {
    group: 'apps',
    versions: ['v1'],
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
    categories: ['all'],
    simulated: true,
    fromManifests: true,
    scalable: true,
    generation: true,
    statusSubresource: true,
  },
  EndpointSlice: {
    group: 'discovery.k8s.io',
    versions: ['v1'],
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: NONE,
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: false,
    scalable: false,
    generation: false,
  },
  HorizontalPodAutoscaler: {
    group: 'autoscaling',
    versions: ['v2'],
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    shortNames: ['hpa'],
    namespaced: true,
    categories: ['all'],
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: false,
    statusSubresource: true,
  },
  // Argo Rollouts' CRDs (manifests/crds/*.yaml); the Rollout CRD declares the scale subresource.
  Rollout: {
    group: 'argoproj.io',
    versions: ['v1alpha1'],
    plural: 'rollouts',
    singular: 'rollout',
    shortNames: ['ro'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: true,
    scalable: true,
    generation: true,
    statusSubresource: true,
  },
  AnalysisRun: {
    group: 'argoproj.io',
    versions: ['v1alpha1'],
    plural: 'analysisruns',
    singular: 'analysisrun',
    shortNames: ['ar'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: false,
    scalable: false,
    generation: false,
    statusSubresource: true,
  },
  AnalysisTemplate: {
    group: 'argoproj.io',
    versions: ['v1alpha1'],
    plural: 'analysistemplates',
    singular: 'analysistemplate',
    shortNames: ['at'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: false,
  },
  // Istio's CRDs serve v1 and v1beta1 with one schema; the simulator stores v1.
  VirtualService: {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1'],
    plural: 'virtualservices',
    singular: 'virtualservice',
    shortNames: ['vs'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: false,
    statusSubresource: true,
  },
  DestinationRule: {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1'],
    plural: 'destinationrules',
    singular: 'destinationrule',
    shortNames: ['dr'],
    namespaced: true,
    categories: NONE,
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: false,
    statusSubresource: true,
  },
  // Gateway API's standard-channel CRDs (kubernetes-sigs/gateway-api
  // config/crd/standard/gateway.networking.k8s.io_*.yaml): GatewayClass is cluster-scoped,
  // HTTPRoute has no short name; all three are in the `gateway-api` category.
  GatewayClass: {
    group: 'gateway.networking.k8s.io',
    versions: ['v1'],
    plural: 'gatewayclasses',
    singular: 'gatewayclass',
    shortNames: ['gc'],
    namespaced: false,
    categories: ['gateway-api'],
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: true,
    statusSubresource: true,
  },
  Gateway: {
    group: 'gateway.networking.k8s.io',
    versions: ['v1'],
    plural: 'gateways',
    singular: 'gateway',
    shortNames: ['gtw'],
    namespaced: true,
    categories: ['gateway-api'],
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: true,
    statusSubresource: true,
  },
  HTTPRoute: {
    group: 'gateway.networking.k8s.io',
    versions: ['v1'],
    plural: 'httproutes',
    singular: 'httproute',
    shortNames: NONE,
    namespaced: true,
    categories: ['gateway-api'],
    simulated: true,
    fromManifests: true,
    scalable: false,
    generation: true,
    statusSubresource: true,
  },
} as const satisfies Record<ResourceKind, KindFacts>;

type Table = typeof KINDS;

/** The kinds the simulated API server serves (`simulated: true`). */
export type SimulatedKind = {
  [K in ResourceKind]: Table[K]['simulated'] extends true ? K : never;
}[ResourceKind];

/** The object type of each kind: its KubeObject member, or core/v1 Endpoints or Namespace. */
export type ObjectOf<K extends ResourceKind> = K extends Kind
  ? Extract<KubeObject, { kind?: K }>
  : K extends 'Namespace'
    ? Namespace
    : Endpoints;

/** Every resource kind, in discovery order. */
export const RESOURCE_KINDS = Object.keys(KINDS) as ResourceKind[];

/** The facts of a kind by name; undefined for a string that names no kind (`Object.hasOwn`). */
export function kindFacts(kind: string): KindFacts | undefined {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind as ResourceKind] : undefined;
}

/** The API server serves it to kubectl (get, describe, the writing verbs). */
export function isSimulated(kind: string): kind is SimulatedKind {
  return kindFacts(kind)?.simulated === true;
}

/** `apps/v1`, `v1`: the apiVersion the server reports for the kind. */
export function apiVersionOf(kind: ResourceKind): string {
  const { group, versions } = KINDS[kind];
  return group ? `${group}/${versions[0]}` : versions[0];
}

/** The group-qualified kind in API errors: `Deployment.apps "web" is invalid`. */
export function qualifiedKind(kind: ResourceKind): string {
  const { group } = KINDS[kind];
  return group ? `${kind}.${group}` : kind;
}

/**
 * The group-qualified lower-case kind kubectl prints before names (`deployment.apps/web`,
 * `pod/web-1`): cli-runtime's name printer and the table printer's kind prefix.
 */
export function resourceName(kind: ResourceKind): string {
  const { group } = KINDS[kind];
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** The group-qualified plural in the API server's errors: `deployments.apps "web" not found`. */
export function qualifiedResource(kind: ResourceKind): string {
  const { group, plural } = KINDS[kind];
  return group ? `${plural}.${group}` : plural;
}

/** Whether a manifest of `apiVersion` and `kind` is one the cluster takes (kubectl's RESTMapper). */
export function acceptsManifest(apiVersion: string, kind: string): boolean {
  const facts = kindFacts(kind);
  if (!facts?.fromManifests) return false;
  return facts.versions.some((v) => apiVersion === (facts.group ? `${facts.group}/${v}` : v));
}

/** The kinds of a discovery category (`all`), in discovery order. */
export function kindsInCategory(category: string): ResourceKind[] {
  return RESOURCE_KINDS.filter((k) => KINDS[k].categories.some((c) => c === category));
}

/** Served for reading only: writes get MethodNotAllowed (KindFacts.readOnly). */
export function isReadOnly(kind: string): boolean {
  const f = kindFacts(kind);
  return f !== undefined && 'readOnly' in f && f.readOnly === true;
}
