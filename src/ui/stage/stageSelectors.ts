/**
 * The stage's own selectors and the data its boxes derive from views. A view list, and every
 * item in it, stays the same object while the simulation reports no change, so these select
 * views by identity and derive from them only when they change; the stage re-renders when its
 * layout changes, not 60 times a second.
 */
import type { SimState } from '../../store/createSimStore';
import type { SegmentView, ServiceView, VirtualServiceView } from '../../sim/view/frame';
import { formatSelector, groupKey, versionSlot, visibleReplicaSets } from './layout';

export interface GroupSpec {
  key: string;
  /** Deployment, ReplicaSet or ReplicationController name; '' for standalone pods. */
  name: string;
  kind: 'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'Pods';
  replicaSets: string[];
}

export interface StageStructure {
  services: string[];
  groups: GroupSpec[];
  /** The VirtualService the clients' requests go through, if any: it gets a route box. */
  route: string | null;
}

const NO_STRUCTURE: StageStructure = { services: [], groups: [], route: null };

function structureOf(s: SimState): StageStructure {
  const f = s.frame;
  if (!f) return NO_STRUCTURE;
  const groups: GroupSpec[] = [];
  const rsNames = new Set(f.replicaSets.map((rs) => rs.name));
  for (const d of f.deployments) {
    const own = f.replicaSets
      .filter((rs) => rs.deployment === d.name)
      .map((rs) => ({ ...rs, pods: rs.pods.length }));
    groups.push({
      key: groupKey(d.name, null),
      name: d.name,
      kind: 'Deployment',
      replicaSets: visibleReplicaSets(own).map((rs) => rs.name),
    });
  }
  const deployments = new Set(f.deployments.map((d) => d.name));
  for (const rs of f.replicaSets) {
    // A ReplicaSet whose Deployment is gone (or never was) gets a group of its own.
    if (rs.deployment && deployments.has(rs.deployment)) continue;
    groups.push({
      key: groupKey(null, rs.name),
      name: rs.name,
      kind: rs.kind,
      replicaSets: [rs.name],
    });
  }
  if (f.pods.some((p) => !p.owner || !rsNames.has(p.owner)))
    groups.push({ key: groupKey(null, null), name: '', kind: 'Pods', replicaSets: [] });
  return {
    services: f.services.map((svc) => svc.name),
    groups,
    route: activeRoute(s)?.name ?? null,
  };
}

const sameNames = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function sameGroupSpec(a: GroupSpec, b: GroupSpec): boolean {
  return (
    a.key === b.key &&
    a.name === b.name &&
    a.kind === b.kind &&
    sameNames(a.replicaSets, b.replicaSets)
  );
}

function sameStructure(a: StageStructure, b: StageStructure): boolean {
  return (
    a.route === b.route &&
    sameNames(a.services, b.services) &&
    a.groups.length === b.groups.length &&
    a.groups.every((g, i) => sameGroupSpec(g, b.groups[i]!))
  );
}

/**
 * A selector for one stage's layout: derived again only when a list it reads is a new object,
 * and the same structure object while the layout it describes is unchanged (a ReplicaSet's
 * counts change often, its column only rarely).
 */
export function stageStructureSelector(): (s: SimState) => StageStructure {
  let inputs: readonly unknown[] = [];
  let last = NO_STRUCTURE;
  return (s) => {
    const f = s.frame;
    // The frame itself is new every pull: only whether there is one counts.
    const now = [!!f, f?.deployments, f?.replicaSets, f?.services, f?.routes, f?.pods];
    if (now.every((x, i) => x === inputs[i])) return last;
    inputs = now;
    const next = structureOf(s);
    if (!sameStructure(last, next)) last = next;
    return last;
  };
}

/** The VirtualService covering the traffic target (the frame marks it active). */
export function activeRoute(s: SimState): VirtualServiceView | undefined {
  return s.frame?.routes.find((vs) => vs.active);
}

const NO_IDS: string[] = [];

/** Names of pods no listed controller owns (bare pods, orphans). */
export function selectStandalonePodIds(s: SimState): string[] {
  const f = s.frame;
  if (!f) return NO_IDS;
  const rsNames = new Set(f.replicaSets.map((rs) => rs.name));
  return f.pods.filter((p) => !p.owner || !rsNames.has(p.owner)).map((p) => p.name);
}

/** Ids of the route box's parts in the stage registry: the box, a rule, a destination, a mirror. */
export const routeId = (vs: string, rule?: number, dest?: number | 'm'): string =>
  rule === undefined ? vs : dest === undefined ? `${vs}#${rule}` : `${vs}#${rule}#${dest}`;

/**
 * The arrows to draw, as a string, one per line: `from>to` or `from>to|style`, each end
 * written `kind:id` — c (the clients), r (a route box part, see routeId), s (a Service), g (a
 * group). Clients point at the route box when a VirtualService covers the target, else at the
 * target Service; each destination row of the route box points at its Service (a mirror's
 * dashed); each Service points at every group holding one of its serving endpoints (dashed when
 * no client request reaches the Service: a preview).
 */
export function selectLinksKey(s: SimState): string {
  const f = s.frame;
  if (!f) return '';
  const links: string[] = [];
  const target = f.traffic.target;
  const services = new Set(f.services.map((svc) => svc.name));
  const vs = activeRoute(s);
  if (vs) {
    links.push(`c:client>r:${routeId(vs.name)}`);
    for (const r of vs.http) {
      r.destinations.forEach((d, j) => {
        if (!services.has(d.service)) return;
        const idle = r.share <= 0 || d.weight <= 0;
        links.push(`r:${routeId(vs.name, r.index, j)}>s:${d.service}${idle ? '|idle' : ''}`);
      });
      if (r.mirror && services.has(r.mirror.service))
        links.push(`r:${routeId(vs.name, r.index, 'm')}>s:${r.mirror.service}|mirror`);
    }
  } else if (target && services.has(target)) links.push(`c:client>s:${target}`);
  for (const svc of f.services) {
    const groups = new Set<string>();
    for (const e of svc.endpoints) {
      if (!e.ready && !e.serving) continue;
      const p = s.pods.get(e.pod);
      if (p) groups.add(groupKey(p.deployment, p.owner));
    }
    const style = svc.traffic === 'none' ? '|idle' : svc.traffic === 'mirror' ? '|mirror' : '';
    for (const g of [...groups].sort()) links.push(`s:${svc.name}>g:${g}${style}`);
  }
  return links.join('\n');
}

const NO_SEGMENTS: SegmentView[] = [];

/** The traffic's client segments (the same array while they are unchanged). */
export const selectSegments = (s: SimState): SegmentView[] => s.frame?.segments ?? NO_SEGMENTS;

export interface ServiceBoxData {
  selector: string;
  /** The selector before its latest change, and when that change was seen (ms). */
  previous: string | null;
  changedAt: number | null;
  /** The change is fresh (under FLASH_MS old): the box flashes once. */
  flash: boolean;
  traffic: ServiceView['traffic'];
  ready: number;
  notReady: number;
  /** The first MAX_MARKS endpoints as [pod, version colour slot, ready], in EndpointSlice order. */
  endpoints: [string, number, boolean][];
  /** Endpoints beyond those. */
  more: number;
}

/** Endpoint marks a Service box draws (a big fleet's Service says "+N" for the rest). */
export const MAX_MARKS = 24;

/** How long after a selector change the Service box still counts it as fresh (simulated ms). */
export const FLASH_MS = 1500;

/** One Service's view (the same object while the Service and its endpoints are unchanged). */
export const selectService =
  (name: string) =>
  (s: SimState): ServiceView | undefined =>
    s.frame?.services.find((x) => x.name === name);

/** Whether a Service's selector changed under FLASH_MS ago (the box flashes once). */
export const selectFreshSwitch =
  (name: string) =>
  (s: SimState): boolean => {
    const changedAt = s.frame?.services.find((x) => x.name === name)?.selectorChangedAt ?? null;
    return changedAt !== null && (s.frame?.t ?? 0) - changedAt < FLASH_MS;
  };

/** What one Service box shows, from its view and the version list. */
export function serviceBoxData(
  svc: ServiceView,
  images: readonly string[],
  flash: boolean,
): ServiceBoxData {
  const ready = svc.endpoints.filter((e) => e.ready).length;
  return {
    selector: formatSelector(svc.selector),
    previous: svc.previousSelector ? formatSelector(svc.previousSelector) : null,
    changedAt: svc.selectorChangedAt,
    flash,
    traffic: svc.traffic,
    ready,
    notReady: svc.endpoints.length - ready,
    endpoints: svc.endpoints
      .slice(0, MAX_MARKS)
      .map((e) => [e.pod, e.image ? versionSlot(images.indexOf(e.image)) : -1, e.ready]),
    more: Math.max(0, svc.endpoints.length - MAX_MARKS),
  };
}

export interface RouteDestData {
  service: string;
  subset: string | null;
  weight: number;
  /** Version colour slot of the first image the destination selects; -1 = none. */
  slot: number;
  images: string[];
  pods: string[];
  ready: number;
  missing: boolean;
  /** An HTTPRoute backendRef's own weight (`weight` is its share in percent). */
  configuredWeight?: number;
}

export interface RouteRuleData {
  index: number;
  name: string | null;
  match: string;
  /** Client groups that take this rule: [segment, label]; -1 = the clients in no segment. */
  segments: [number, string][];
  share: number;
  dests: RouteDestData[];
  mirror: { service: string; subset: string | null; percent: number; pods: number } | null;
}

export interface RouteBoxData {
  /** What the box shows: Istio's VirtualService or Gateway API's HTTPRoute. */
  kind: 'VirtualService' | 'HTTPRoute';
  name: string;
  hosts: string[];
  /** The traffic has segments (rules then name the client groups that take them). */
  segmented: boolean;
  rules: RouteRuleData[];
}

/** One VirtualService's view (the same object while its routes and their pods are unchanged). */
export const selectRoute =
  (name: string) =>
  (s: SimState): VirtualServiceView | undefined =>
    // The active one first: an HTTPRoute may share a VirtualService's name.
    s.frame?.routes.find((x) => x.name === name && x.active) ??
    s.frame?.routes.find((x) => x.name === name);

/** What a route box shows of its VirtualService, with segment labels and version colours. */
export function routeBoxData(
  vs: VirtualServiceView,
  segments: readonly SegmentView[],
  images: readonly string[],
): RouteBoxData {
  const label = (seg: number) =>
    seg < 0 ? 'other' : (segments[seg]?.label ?? `segment ${seg + 1}`);
  return {
    kind: vs.kind ?? 'VirtualService',
    name: vs.name,
    hosts: vs.hosts,
    segmented: segments.length > 0,
    rules: vs.http.map((r) => ({
      index: r.index,
      name: r.name,
      match: r.match,
      segments: r.segments.map((seg) => [seg, label(seg)]),
      share: r.share,
      dests: r.destinations.map((d) => ({
        service: d.service,
        subset: d.subset,
        weight: d.weight,
        slot: d.images[0] ? versionSlot(images.indexOf(d.images[0])) : -1,
        images: d.images,
        pods: d.pods,
        ready: d.ready,
        missing: d.missing,
        ...(d.configuredWeight !== undefined ? { configuredWeight: d.configuredWeight } : {}),
      })),
      mirror: r.mirror && {
        service: r.mirror.service,
        subset: r.mirror.subset,
        percent: r.mirror.percent,
        pods: r.mirror.pods.length,
      },
    })),
  };
}
