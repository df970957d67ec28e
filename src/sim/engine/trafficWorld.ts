/**
 * What the traffic generator sees of the cluster (its TrafficWorld): kube-proxy, the mesh, the
 * Services and how each pod serves. Built once by the engine from its parts, here so the engine
 * does not carry the glue.
 */
import type { DestinationRule, HTTPRoute, Pod, VirtualService } from '../api/objects';
import type { ObjectStore } from '../api/objectStore';
import type { Kubelet } from '../controllers/kubelet/lifecycle';
import { accepting } from '../controllers/kubelet/runtime';
import type { KubeProxy } from '../network/kubeProxy';
import type { ImageBehaviour } from '../scenario/scenario';
import type { TrafficWorld } from '../traffic/generator';
import { meshView } from '../traffic/meshView';
import { gatewayView } from '../traffic/gatewayView';

export function trafficWorld(
  store: ObjectStore,
  proxy: KubeProxy,
  kubelet: Kubelet,
  image: (name: string | undefined) => ImageBehaviour,
): TrafficWorld {
  return {
    proxy,
    mesh: (target) =>
      meshView(target, {
        virtualServices: () => store.list<VirtualService>('VirtualService'),
        destinationRules: () => store.list<DestinationRule>('DestinationRule'),
        usable: (service) => proxy.usable(service),
        pod: (name) => store.get<Pod>('Pod', name),
      }) ??
      // No VirtualService covers it: an HTTPRoute named by the target (or one of its hostnames).
      gatewayView(target, {
        httpRoutes: () => store.list<HTTPRoute>('HTTPRoute'),
        usable: (service) => proxy.usable(service),
      }),
    serviceFor: (target) => (store.get('Service', target) ? target : null),
    serve: (pod) => {
      const rt = kubelet.byName(pod);
      if (!rt) return undefined;
      const b = image(rt.image);
      const acceptFrom = accepting(rt, Number.POSITIVE_INFINITY)
        ? Math.max(rt.listeningAt ?? 0, 0)
        : null;
      return { acceptFrom, image: rt.image, errorRate: b.errorRate };
    },
  };
}
