/**
 * The frame's view of traffic rules: each VirtualService with its http routes in order (match
 * in words, weighted destinations with the pods their subsets select now, mirror) and which
 * route each client segment's requests take; and, for the rate windows (rateWindows.ts), the
 * requests measured per route and destination. Built from the same routing code the traffic
 * generator uses (network/meshRouter.ts), so what the stage says is what happens.
 */
import type { DestinationRule, HTTPRoute, Pod, VirtualService } from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type { TrafficSegment } from '../scenario/scenario';
import { routeFor, serviceOfHost, subsetLabels, virtualServiceFor } from '../network/meshRouter';
import { matchText } from './segmentView';
import { buildHttpRoutes } from './gatewayRouteView';
import { segmentRules } from './segmentRules';

export interface RouteDestinationView {
  service: string;
  subset: string | null;
  /** Configured weight (0..100). */
  weight: number;
  /** Endpoints of the Service the subset's labels select now (ready or not), by pod name. */
  pods: string[];
  /** How many of them are ready. */
  ready: number;
  /** Their images, in order of first appearance. */
  images: string[];
  /** The subset is named but no DestinationRule defines it (Envoy has no cluster for it). */
  missing: boolean;
  /** An HTTPRoute backendRef's own weight (`weight` is then its share in percent). */
  configuredWeight?: number;
}

export interface MirrorView {
  service: string;
  subset: string | null;
  /** mirrorPercentage (0..100). */
  percent: number;
  pods: string[];
  images: string[];
}

export interface HttpRouteView {
  index: number;
  name: string | null;
  /** The route's `match` in words: `user-agent ~ .*(iPhone|Android).*`, or `default`. */
  match: string;
  destinations: RouteDestinationView[];
  mirror: MirrorView | null;
  /** Segments whose requests take this route; -1 stands for the clients in no segment. */
  segments: number[];
  /** Share of clients (0..1) whose requests take this route (0 on an inactive VirtualService). */
  share: number;
}

export interface VirtualServiceView {
  name: string;
  hosts: string[];
  /** Covers the traffic target: the clients' requests go through it. */
  active: boolean;
  http: HttpRouteView[];
  /** Set for a Gateway API HTTPRoute shown in a VirtualService's shape (gatewayRouteView.ts). */
  kind?: 'HTTPRoute';
}

/** Requests measured on the active VirtualService's routes over some stretch of time. */
export interface RouteCounts {
  name: string;
  /** Per http rule, in order. */
  rules: RuleCounts[];
}

export interface RuleCounts {
  /** Requests measured on its destinations. */
  requests: number;
  /**
   * Per destination, measured per pod. A pod that two routes share (a canary subset also
   * reached by a cookie match) has its count split between them in proportion to the rate each
   * route is expected to send it.
   */
  destinations: number[];
  /** Mirrored copies it made (estimated per route from the total). */
  mirrored: number;
}

type Match = Record<string, unknown>;

interface Selected {
  pods: string[];
  ready: number;
  images: string[];
  /** Pods the mesh may send to now (the generator's backends). */
  usable: string[];
}

export function routeViews(
  cluster: ClusterReader,
  target: string | null,
  segments: readonly TrafficSegment[],
): VirtualServiceView[] {
  return buildRoutes(cluster, target, segments).map((vs) => ({
    name: vs.name,
    hosts: vs.hosts,
    active: vs.active,
    http: vs.http.map((h) => h.view),
    ...(vs.kind ? { kind: vs.kind } : {}),
  }));
}

/**
 * The active VirtualService's view now, with `byPod` (requests per pod) and `mirrored` (copies
 * made) split over its routes and destinations; null when no VirtualService covers the target.
 */
export function measureRoutes(
  cluster: ClusterReader,
  target: string | null,
  segments: readonly TrafficSegment[],
  byPod: Readonly<Record<string, number>>,
  mirrored: number,
): { view: VirtualServiceView; counts: RouteCounts } | null {
  const vs = buildRoutes(cluster, target, segments).find((x) => x.active);
  if (!vs) return null;
  return {
    view: {
      name: vs.name,
      hosts: vs.hosts,
      active: true,
      http: vs.http.map((h) => h.view),
      ...(vs.kind ? { kind: vs.kind } : {}),
    },
    counts: { name: vs.name, rules: measure(vs.http, byPod, mirrored) },
  };
}

interface BuiltService {
  name: string;
  hosts: string[];
  active: boolean;
  http: Built[];
  kind?: 'HTTPRoute';
}

function buildRoutes(
  cluster: ClusterReader,
  target: string | null,
  segments: readonly TrafficSegment[],
): BuiltService[] {
  const vss = cluster.list<VirtualService>('VirtualService');
  const httpRoutes = cluster.list<HTTPRoute>('HTTPRoute');
  if (!vss.length && !httpRoutes.length) return [];
  const drs = cluster.list<DestinationRule>('DestinationRule');
  const active = target ? virtualServiceFor(vss, target) : undefined;
  const podCache = new Map<string, Pod | undefined>();
  const pod = (name: string) => {
    if (!podCache.has(name)) podCache.set(name, cluster.get<Pod>('Pod', name));
    return podCache.get(name);
  };
  const endpointCache = new Map<string, { pod: string; ready: boolean }[]>();
  const endpoints = (service: string) => {
    let list = endpointCache.get(service);
    if (!list) {
      const b = cluster.backends(service);
      const ready = new Set(b.ready.map((x) => x.pod));
      list = [...b.ready, ...b.fallback]
        .filter((x, i, all) => all.findIndex((y) => y.pod === x.pod) === i)
        .map((x) => ({ pod: x.pod, ready: ready.has(x.pod) }));
      endpointCache.set(service, list);
    }
    return list;
  };
  const select = (service: string, subset: string | null): Selected | null => {
    const labels = subsetLabels(drs, service, subset);
    if (labels === null) return null;
    const wanted = Object.entries(labels);
    const fits = (name: string) => wanted.every(([k, v]) => pod(name)?.metadata?.labels?.[k] === v);
    const eps = endpoints(service).filter((e) => fits(e.pod));
    const images: string[] = [];
    for (const e of eps) {
      const img = pod(e.pod)?.spec?.containers[0]?.image;
      if (img && !images.includes(img)) images.push(img);
    }
    const usable = cluster.usableBackends(service).filter((b) => fits(b.pod));
    return {
      pods: eps.map((e) => e.pod),
      ready: eps.filter((e) => e.ready).length,
      images,
      usable: usable.map((b) => b.pod),
    };
  };

  const services: BuiltService[] = vss.map((vs) => {
    const isActive = vs === active;
    // Which route each segment's requests take (the clients in no segment send no headers).
    const { routeShare, routeSegments } = isActive
      ? segmentRules(segments, (headers) => routeFor(vs, headers)?.index ?? null)
      : { routeShare: new Map<number, number>(), routeSegments: new Map<number, number[]>() };
    const http = (vs.spec?.http ?? []).map((r, index) => {
      const dests = (r.route ?? []).map((d) => {
        const service = serviceOfHost(d.destination?.host ?? '');
        const subset = d.destination?.subset ?? null;
        const sel = select(service, subset);
        return {
          view: {
            service,
            subset,
            weight: d.weight ?? (r.route?.length === 1 ? 100 : 0),
            pods: sel?.pods ?? [],
            ready: sel?.ready ?? 0,
            images: sel?.images ?? [],
            missing: sel === null,
          } satisfies RouteDestinationView,
          usable: sel?.usable ?? [],
        };
      });
      let mirror: MirrorView | null = null;
      if (r.mirror) {
        const service = serviceOfHost(r.mirror.host ?? '');
        const subset = r.mirror.subset ?? null;
        const sel = select(service, subset);
        mirror = {
          service,
          subset,
          percent: r.mirrorPercentage?.value ?? 100,
          pods: sel?.pods ?? [],
          images: sel?.images ?? [],
        };
      }
      return {
        view: {
          index,
          name: r.name ?? null,
          match: matchText(r.match as Match[] | undefined),
          destinations: dests.map((d) => d.view),
          mirror,
          segments: routeSegments.get(index) ?? [],
          share: routeShare.get(index) ?? 0,
        } satisfies HttpRouteView,
        dests,
      };
    });
    return {
      name: vs.metadata?.name ?? '',
      hosts: [...(vs.spec?.hosts ?? [])],
      active: isActive,
      http,
    };
  });
  // HTTPRoutes after the VirtualServices; one is active only when no VirtualService covers the target.
  const gateway: BuiltService[] = buildHttpRoutes(httpRoutes, target, !!active, segments, select);
  return gateway.length ? [...services, ...gateway] : services;
}

type Built = {
  view: HttpRouteView;
  dests: { view: RouteDestinationView; usable: string[] }[];
};

/**
 * Splits the per-pod counts over the routes' destinations: each pod's count goes to the
 * (route, destination) pairs that can reach it, in proportion to the rate each is expected to
 * send it (route share × weight share ÷ usable pods). A pod only one pair reaches gets its whole
 * count, so the usual subsets v1/v2 are measured exactly.
 */
function measure(
  http: Built[],
  byPod: Readonly<Record<string, number>>,
  mirrored: number,
): RuleCounts[] {
  const out: RuleCounts[] = http.map((h) => ({
    requests: 0,
    destinations: h.dests.map(() => 0),
    mirrored: 0,
  }));
  const expected = new Map<string, { rule: number; dest: number; e: number }[]>();
  http.forEach(({ view: r, dests }, rule) => {
    const total = dests.reduce((a, d) => a + d.view.weight, 0);
    if (r.share <= 0 || total <= 0) return;
    dests.forEach(({ view: d, usable }, dest) => {
      if (!usable.length || d.weight <= 0) return;
      const e = (r.share * d.weight) / total / usable.length;
      for (const p of usable) {
        const list = expected.get(p);
        if (list) list.push({ rule, dest, e });
        else expected.set(p, [{ rule, dest, e }]);
      }
    });
  });
  for (const [p, n] of Object.entries(byPod)) {
    const list = expected.get(p);
    if (!list || n <= 0) continue;
    const sum = list.reduce((a, x) => a + x.e, 0);
    for (const x of list) {
      const part = (n * x.e) / sum;
      const c = out[x.rule]!;
      c.destinations[x.dest]! += part;
      c.requests += part;
    }
  }
  const mirrorWeight = http.reduce(
    (a, h) => a + (h.view.mirror ? (h.view.share * h.view.mirror.percent) / 100 : 0),
    0,
  );
  http.forEach(({ view: r }, i) => {
    if (r.mirror && mirrorWeight > 0)
      out[i]!.mirrored = (mirrored * r.share * r.mirror.percent) / 100 / mirrorWeight;
  });
  return out;
}
