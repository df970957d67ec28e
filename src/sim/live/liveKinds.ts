/**
 * The kinds live mode lists from an API server, with the paths it lists them at, and which of
 * them it watches. Through `kubectl proxy` the page speaks HTTP/1.1, where Chromium opens at most
 * six connections per host (issue 12 item 3): four long-lived watches for what changes every
 * instant of a rollout, one connection polling the rest in turn, one left for the page itself.
 */
import type { Kind } from '../api/objects';

export interface LiveKind {
  kind: Kind;
  /** What the banner calls it when the server does not serve it. */
  title: string;
  group: string;
  version: string;
  plural: string;
  /** Watched (a long-lived connection) or polled. */
  watch: boolean;
}

/** Watched first: pods, ReplicaSets and Deployments move during a rollout; events log it. */
export const LIVE_KINDS: readonly LiveKind[] = [
  { kind: 'Pod', title: 'Pods', group: '', version: 'v1', plural: 'pods', watch: true },
  {
    kind: 'ReplicaSet',
    title: 'ReplicaSets',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    watch: true,
  },
  {
    kind: 'Deployment',
    title: 'Deployments',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    watch: true,
  },
  { kind: 'Event', title: 'Events', group: '', version: 'v1', plural: 'events', watch: true },
  {
    kind: 'Service',
    title: 'Services',
    group: '',
    version: 'v1',
    plural: 'services',
    watch: false,
  },
  {
    kind: 'EndpointSlice',
    title: 'EndpointSlices',
    group: 'discovery.k8s.io',
    version: 'v1',
    plural: 'endpointslices',
    watch: false,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    title: 'HorizontalPodAutoscalers',
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    watch: false,
  },
  {
    kind: 'Rollout',
    title: 'Argo Rollouts',
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'rollouts',
    watch: false,
  },
  {
    kind: 'VirtualService',
    title: 'Istio VirtualServices',
    group: 'networking.istio.io',
    version: 'v1',
    plural: 'virtualservices',
    watch: false,
  },
  {
    kind: 'DestinationRule',
    title: 'Istio DestinationRules',
    group: 'networking.istio.io',
    version: 'v1',
    plural: 'destinationrules',
    watch: false,
  },
  {
    kind: 'HTTPRoute',
    title: 'Gateway API HTTPRoutes',
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    plural: 'httproutes',
    watch: false,
  },
];

/** At most this many watches stay open (HTTP/1.1: six connections per host). */
export const MAX_WATCHES = 4;

export function apiVersionOf(k: LiveKind): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** The collection's path under the API base, e.g. `/apis/apps/v1/namespaces/default/replicasets`. */
export function collectionPath(k: LiveKind, namespace: string): string {
  const root = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  return `${root}/namespaces/${encodeURIComponent(namespace)}/${k.plural}`;
}
