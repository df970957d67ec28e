/**
 * The traffic generator's view of the mesh for one target: the VirtualService that covers it
 * (scenario-format.md, traffic.target), with each route's destinations resolved to the
 * endpoints kube-proxy may use, narrowed to the DestinationRule subset's labels. A module of its
 * own so the routing rules (network/meshRouter.ts) stay free of endpoints and pods.
 */
import type { DestinationRule, Pod, VirtualService } from '../api/objects';
import type { Backend } from '../network/kubeProxy';
import { routeFor, serviceOfHost, subsetLabels, virtualServiceFor } from '../network/meshRouter';
import type { MeshView } from './generator';

/** What the mesh view reads of the cluster; read when needed (routing is asked per request). */
export interface MeshSources {
  virtualServices(): VirtualService[];
  destinationRules(): DestinationRule[];
  /** The endpoints of a Service that traffic may use now (kube-proxy's choice). */
  usable(service: string): Backend[];
  pod(name: string): Pod | undefined;
}

/** Routing through the mesh when a VirtualService covers `target`; null = plain Service routing. */
export function meshView(target: string, src: MeshSources): MeshView | null {
  const vs = virtualServiceFor(src.virtualServices(), target);
  if (!vs) return null;
  const drs = src.destinationRules();
  const backends = (service: string, subset: string | null): Backend[] => {
    const labels = subsetLabels(drs, service, subset);
    if (labels === null) return [];
    const wanted = Object.entries(labels);
    return src.usable(service).filter((be) => {
      const pod = src.pod(be.pod);
      return wanted.every(([k, v]) => pod?.metadata?.labels?.[k] === v);
    });
  };
  const serving = (vs.spec?.http ?? []).some((r) =>
    (r.route ?? []).some(
      (d) =>
        backends(serviceOfHost(d.destination?.host ?? ''), d.destination?.subset ?? null).length >
        0,
    ),
  );
  return {
    serving,
    route: (headers) => {
      const r = routeFor(vs, headers);
      if (!r) return null;
      return {
        destinations: r.destinations.map((d) => ({
          weight: d.weight,
          backends: backends(d.service, d.subset),
        })),
        mirror: r.mirror ? r.mirror.percent / 100 : 0,
        mirrorBackends: r.mirror ? backends(r.mirror.service, r.mirror.subset) : [],
      };
    },
  };
}
