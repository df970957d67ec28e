/**
 * The frame's view of Services: selector, endpoints (with their pods' images), who sends them
 * requests, and the selector's latest change, which the frame builder remembers between frames
 * so the stage can show a blue/green switch.
 */
import type { EndpointSlice, Service } from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type { EndpointView, PodView, ServiceTraffic, ServiceView } from './frame';
import type { VirtualServiceView } from './routeView';
import { SERVICE_NAME_LABEL } from '../controllers/endpointSlice';
import { sameView } from './sameView';

/** A Service's selector as last seen, with its previous value and when it changed (ms). */
export interface SelectorState {
  selector: Record<string, string>;
  previous: Record<string, string> | null;
  changedAt: number | null;
}

export function serviceViews(
  cluster: ClusterReader,
  target: string | null,
  routes: readonly VirtualServiceView[],
  pods: readonly PodView[],
  seen: ReadonlyMap<string, SelectorState>,
): { views: ServiceView[]; selectors: Map<string, SelectorState> } {
  const images = new Map(pods.map((p) => [p.name, p.image]));
  const slices = cluster.list<EndpointSlice>('EndpointSlice');
  const selectors = new Map<string, SelectorState>();
  const views = cluster.list<Service>('Service').map((svc) => {
    const name = svc.metadata?.name ?? '';
    const selector = svc.spec?.selector ?? {};
    const before = seen.get(name);
    const state: SelectorState =
      before && sameView(before.selector, selector)
        ? before
        : before
          ? { selector, previous: before.selector, changedAt: cluster.now }
          : { selector, previous: null, changedAt: null };
    selectors.set(name, state);
    const endpoints: EndpointView[] = [];
    for (const s of slices) {
      if (s.metadata?.labels?.[SERVICE_NAME_LABEL] !== name) continue;
      for (const e of s.endpoints ?? []) {
        const pod = e.targetRef?.name ?? '';
        endpoints.push({
          pod,
          image: images.get(pod) ?? '',
          ready: !!e.conditions?.ready,
          serving: !!e.conditions?.serving,
          terminating: !!e.conditions?.terminating,
        });
      }
    }
    return {
      name,
      selector,
      sessionAffinity: svc.spec?.sessionAffinity ?? 'None',
      endpoints,
      traffic: serviceTraffic(name, target, routes),
      previousSelector: state.previous,
      selectorChangedAt: state.changedAt,
    };
  });
  return { views, selectors };
}

function serviceTraffic(
  name: string,
  target: string | null,
  routes: readonly VirtualServiceView[],
): ServiceTraffic {
  const active = routes.find((vs) => vs.active);
  if (!active) return name === target ? 'target' : 'none';
  // Only routes some client takes count: a rule no segment matches sends nothing.
  const taken = active.http.filter((r) => r.share > 0);
  if (taken.some((r) => r.destinations.some((d) => d.service === name && d.weight > 0)))
    return 'route';
  if (taken.some((r) => r.mirror?.service === name && r.mirror.percent > 0)) return 'mirror';
  return 'none';
}
