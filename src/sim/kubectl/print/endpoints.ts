/**
 * v1 Endpoints for `kubectl get endpoints`: the simulator keeps only EndpointSlices, so the
 * Endpoints object the (legacy) endpoints controller would mirror is derived from them, and its
 * ENDPOINTS cell is formatted like formatEndpoints in printers.go.
 */
import type { Endpoints, EndpointAddress, EndpointPort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

const MAX = 3;

/** One Endpoints object per Service name (label kubernetes.io/service-name), in first-seen order. */
export function endpointsFromSlices(slices: readonly EndpointSlice[]): Endpoints[] {
  const byService = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata?.labels?.['kubernetes.io/service-name'] ?? s.metadata?.name ?? '';
    byService.set(svc, [...(byService.get(svc) ?? []), s]);
  }
  return [...byService].map(([name, group]) => {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const ep of group.flatMap((s) => s.endpoints ?? [])) {
      const ip = ep.addresses[0];
      if (ip === undefined) continue;
      const addr: EndpointAddress = { ip, ...(ep.nodeName ? { nodeName: ep.nodeName } : {}) };
      // Endpoints lists serving-but-terminating endpoints nowhere: only Ready ones are addresses.
      if (ep.conditions?.ready === false) notReady.push(addr);
      else ready.push(addr);
    }
    const ports: EndpointPort[] = (group[0]?.ports ?? []).map((p) => ({
      port: p.port ?? 0,
      ...(p.name ? { name: p.name } : {}),
      protocol: p.protocol ?? 'TCP',
    }));
    const first = group[0]?.metadata?.creationTimestamp;
    const subset = {
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ports,
    };
    return {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace: 'default',
        ...(first ? { creationTimestamp: first } : {}),
        // The newest of its slices' versions: it changes exactly when they do.
        resourceVersion: String(
          Math.max(0, ...group.map((g) => Number(g.metadata?.resourceVersion ?? 0))),
        ),
      },
      subsets: ready.length || notReady.length ? [subset] : [],
    };
  });
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints (printers.go) with all ports: `10.0.0.1:8080,10.0.0.2:8080 + 1 more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    // Headless services may have no ports: list bare IPs.
    const targets = ports.length === 0 ? [undefined] : ports.map((p) => p.port);
    for (const port of targets) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(port === undefined ? a.ip : joinHostPort(a.ip, port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}
