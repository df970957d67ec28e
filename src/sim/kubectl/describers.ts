/**
 * kubectl describe's describers (pkg/describe/describe.go DescriberFor), each with what it reads
 * from the cluster besides the object: a Deployment its ReplicaSets, a ReplicaSet or
 * ReplicationController its pods, a Service its EndpointSlices. Kinds kubectl has no describer
 * for — custom resources — take the generic one. Which kind takes which is api/registry.ts.
 */
import type {
  Deployment,
  EndpointSlice,
  Event,
  HorizontalPodAutoscaler,
  Kind,
  KubeObject,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../api/objects';
import type { ObjectStore } from '../api/objectStore';
import { controllerRef } from '../api/podIndex';
import {
  describeDeployment,
  describePod,
  describeReplicaSet,
  describeService,
} from './print/describe';
import { describeGeneric } from './print/describeGeneric';
import { describeHpa } from './print/describeHpa';
import { describeEndpointSlice } from './print/describeEndpoints';

/** The text `kubectl describe` prints for `obj`, with its `events` (none with --show-events=false). */
export type Describer<T> = (
  obj: T,
  events: readonly Event[] | null,
  store: ObjectStore,
  nowMs: number,
) => string;

/** The objects of `kind` whose controller is `owner`. */
export function ownedBy<T extends KubeObject>(
  store: ObjectStore,
  kind: Kind,
  owner: KubeObject,
): T[] {
  return store.list<T>(kind).filter((o) => controllerRef(o)?.uid === owner.metadata?.uid);
}

export const deploymentDescriber: Describer<Deployment> = (d, events, store, nowMs) =>
  describeDeployment(d, ownedBy<ReplicaSet>(store, 'ReplicaSet', d), events, nowMs);

/** DescriberFor gives ReplicaSets and ReplicationControllers the same layout. */
export const replicaSetDescriber: Describer<ReplicaSet | ReplicationController> = (
  rs,
  events,
  store,
  nowMs,
) => describeReplicaSet(rs as ReplicaSet, ownedBy<Pod>(store, 'Pod', rs), events, nowMs);

export const podDescriber: Describer<Pod> = (pod, events, _store, nowMs) =>
  describePod(pod, events, nowMs);

/** The Service's EndpointSlices are those labelled with its name. */
export const serviceDescriber: Describer<Service> = (svc, events, store, nowMs) => {
  const name = svc.metadata?.name ?? '';
  const slices = store
    .list<EndpointSlice>('EndpointSlice')
    .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === name);
  return describeService(svc, slices, events, nowMs);
};

/** EndpointSliceDescriber: kubectl's own layout (describeEndpoints.ts). */
export const endpointSliceDescriber: Describer<EndpointSlice> = (eps, events, _store, nowMs) =>
  describeEndpointSlice(eps, events, nowMs);

/** HorizontalPodAutoscalerDescriber: kubectl's own layout (describeHpa.ts). */
export const hpaDescriber: Describer<HorizontalPodAutoscaler> = (hpa, events, _store, nowMs) =>
  describeHpa(hpa, events, nowMs);

/** genericDescriber: every field of the object (describeGeneric.ts). */
export const genericDescriber: Describer<KubeObject> = (obj, events, _store, nowMs) =>
  describeGeneric(obj, events, nowMs);
