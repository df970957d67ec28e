/**
 * The traffic generator's view of Gateway API for one target: the HTTPRoute the target names
 * (network/gatewayRouter.ts), each rule's backendRefs resolved to the endpoints kube-proxy may
 * use. The same MeshView the Istio mesh gives (meshView.ts), so requests through a gateway are
 * split by the generator's one weighted-destination code path.
 */
import type { HTTPRoute } from '../api/objects';
import type { Backend } from '../network/kubeProxy';
import { gatewayRouteFor, httpRouteFor, ruleDestinations } from '../network/gatewayRouter';
import type { MeshView } from './generator';

export interface GatewaySources {
  httpRoutes(): HTTPRoute[];
  /** The endpoints of a Service that traffic may use now (kube-proxy's choice). */
  usable(service: string): Backend[];
}

/** Routing through the gateway when an HTTPRoute names `target`; null = not a route's target. */
export function gatewayView(target: string, src: GatewaySources): MeshView | null {
  const route = httpRouteFor(src.httpRoutes(), target);
  if (!route) return null;
  const backends = (service: string): Backend[] => (service ? src.usable(service) : []);
  const serving = (route.spec?.rules ?? []).some((r) =>
    ruleDestinations(r).some((d) => d.weight > 0 && backends(d.service).length > 0),
  );
  return {
    serving,
    route: (headers) => {
      const r = gatewayRouteFor(route, headers);
      if (!r) return null;
      return {
        destinations: r.destinations.map((d) => ({
          weight: d.weight,
          backends: backends(d.service),
        })),
        mirror: 0,
      };
    },
  };
}
