/**
 * Endpoints are derived from EndpointSlices (the simulator stores only slices), so a watch of
 * Endpoints sees a change whenever a Service's slices change: the Endpoints object derived
 * right after the slice write, with that write's resourceVersion — ADDED for a Service's first
 * slice, DELETED when its last one goes, MODIFIED otherwise (what the endpoints controller's
 * mirror would show).
 */
import type { EndpointSlice } from '../api/objects';
import type { ObjectStore } from '../api/objectStore';
import type { Change } from './changeLog';
import { endpointsFromSlices } from '../kubectl/print/endpoints';

const SERVICE_LABEL = 'kubernetes.io/service-name';

const serviceOf = (s: EndpointSlice | undefined): string =>
  s?.metadata?.labels?.[SERVICE_LABEL] ?? s?.metadata?.name ?? '';

export class EndpointsChanges {
  /** The last Endpoints served per Service, the `old` of the next change. */
  private readonly last = new Map<string, object>();

  constructor(private readonly store: ObjectStore) {
    for (const ep of this.derive()) this.last.set(ep.metadata?.name ?? '', ep);
  }

  private derive(service?: string) {
    const slices = this.store
      .list<EndpointSlice>('EndpointSlice')
      .filter((s) => service === undefined || serviceOf(s) === service);
    return endpointsFromSlices(slices);
  }

  /** The Endpoints change a slice change at `rv` makes. */
  after(slice: EndpointSlice, rv: number): Change {
    const service = serviceOf(slice);
    const old = this.last.get(service);
    const [now] = this.derive(service);
    const stamp = (o: object) => {
      const m = (o as { metadata?: object }).metadata;
      return { ...o, metadata: { ...m, resourceVersion: String(rv) } };
    };
    if (!now) {
      this.last.delete(service);
      return { rv, type: 'DELETED', kind: 'Endpoints', obj: stamp(old ?? {}), old };
    }
    this.last.set(service, now);
    return { rv, type: old ? 'MODIFIED' : 'ADDED', kind: 'Endpoints', obj: stamp(now), old };
  }
}
