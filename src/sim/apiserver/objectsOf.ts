/**
 * The objects of a served kind as the API server holds them: the object store's, the event
 * log's Events, the Endpoints derived from EndpointSlices (the simulator keeps no Endpoints), or
 * the fixed Namespaces;
 * in a namespace (or all of them), in etcd's key order (namespace, then name).
 */
import type { EndpointSlice, Kind, KubeObject } from '../api/objects';
import type { ResourceKind } from '../api/kinds';
import { endpointsFromSlices } from '../kubectl/print/endpoints';
import type { ServeState } from './serveState';
import { namespaceObjects } from '../api/namespaces';

export function objectsOf(state: ServeState, kind: ResourceKind, namespace?: string): object[] {
  let objs: object[];
  if (kind === 'Event') objs = state.events.list();
  else if (kind === 'Endpoints') objs = endpointsOf(state);
  else if (kind === 'Namespace') objs = namespaceObjects();
  else objs = state.view.store.list<KubeObject>(kind as Kind);
  const meta = (o: object) => (o as KubeObject).metadata ?? {};
  if (namespace !== undefined) objs = objs.filter((o) => meta(o).namespace === namespace);
  return objs.sort((a, b) => {
    const x = `${meta(a).namespace ?? ''}/${meta(a).name ?? ''}`;
    const y = `${meta(b).namespace ?? ''}/${meta(b).name ?? ''}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Endpoints per Service, each with the resourceVersion of its newest EndpointSlice. */
function endpointsOf(state: ServeState): object[] {
  const slices = state.view.store.list<EndpointSlice>('EndpointSlice');
  return endpointsFromSlices(slices).map((ep) => {
    const rv = Math.max(
      0,
      ...slices
        .filter(
          (s) =>
            (s.metadata?.labels?.['kubernetes.io/service-name'] ?? s.metadata?.name) ===
            ep.metadata?.name,
        )
        .map((s) => Number(s.metadata?.resourceVersion ?? 0)),
    );
    return { ...ep, metadata: { ...ep.metadata, resourceVersion: String(rv) } };
  });
}

/** The resourceVersion a list of `kind` reports: the event log's for Events, else the store's. */
export function listResourceVersion(state: ServeState, kind: ResourceKind): number {
  return kind === 'Event' ? state.events.resourceVersion : state.view.store.resourceVersion;
}
