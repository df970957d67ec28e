/**
 * What an Argo canary does to the network: the stable/canary Services' selectors
 * (rollout/service.go reconcileStableAndCanaryService) and, with Istio traffic routing, the
 * VirtualService route weights, the DestinationRule subsets' pod-template-hash labels and the
 * managed header routes of setHeaderRoute steps (rollout/trafficrouting/istio/istio.go).
 */
import type {
  DestinationRule,
  ReplicaSet,
  Rollout,
  Service,
  VirtualService,
} from '../../api/objects';
import type { Ctx } from '../context';
import { serviceOfHost } from '../../network/meshRouter';
import {
  ROLLOUT_HASH_LABEL,
  availableOf,
  recordRollout,
  rsHash,
  specOf,
} from './rolloutReplicaSets';

type Canary = NonNullable<NonNullable<Rollout['spec']['strategy']>['canary']>;
type HttpRoute = NonNullable<NonNullable<VirtualService['spec']>['http']>[number];
type HeaderRouteStep = NonNullable<NonNullable<Canary['steps']>[number]['setHeaderRoute']>;

/** Points a Service at one ReplicaSet's pods by adding the hash to its selector. */
export function ensureServiceTarget(
  ctx: Ctx,
  ro: Rollout,
  service: string | undefined,
  rs: ReplicaSet | undefined,
  checkAvailability: boolean,
): void {
  const hash = rsHash(rs);
  if (!service || !hash || !rs) return;
  if (checkAvailability && (specOf(rs) === 0 || availableOf(rs) < specOf(rs))) return;
  switchSelector(ctx, ro, service, hash);
}

export function switchSelector(ctx: Ctx, ro: Rollout, service: string, hash: string): void {
  const svc = ctx.store.get<Service>('Service', service);
  if (!svc) return;
  const from = svc.spec?.selector?.[ROLLOUT_HASH_LABEL] ?? '';
  if (from === hash) return;
  ctx.store.update({
    ...svc,
    metadata: {
      ...svc.metadata,
      annotations: {
        ...svc.metadata?.annotations,
        'argo-rollouts.argoproj.io/managed-by-rollouts': ro.metadata?.name ?? '',
      },
    },
    spec: { ...svc.spec, selector: { ...svc.spec?.selector, [ROLLOUT_HASH_LABEL]: hash } },
  });
  recordRollout(
    ctx,
    ro,
    'Normal',
    'SwitchService',
    `Switched selector for service '${service}' from '${from}' to '${hash}'`,
  );
}

function istioOf(ro: Rollout) {
  return ro.spec.strategy?.canary?.trafficRouting?.istio;
}

/** The VirtualService routes Argo manages: the named ones, or the only one. */
function managedRouteNames(ro: Rollout, vs: VirtualService): Set<string> | null {
  const named = istioOf(ro)?.virtualService?.routes;
  if (named && named.length) return new Set(named);
  return (vs.spec?.http ?? []).length === 1 ? null : new Set();
}

function isCanaryDest(
  ro: Rollout,
  d: { host?: string; subset?: string },
): 'canary' | 'stable' | null {
  const c = ro.spec.strategy?.canary;
  const dr = istioOf(ro)?.destinationRule;
  if (dr) {
    if (d.subset === dr.canarySubsetName) return 'canary';
    if (d.subset === dr.stableSubsetName) return 'stable';
    return null;
  }
  const host = serviceOfHost(d.host ?? '');
  if (host === c?.canaryService) return 'canary';
  if (host === c?.stableService) return 'stable';
  return null;
}

/** Sets the canary weight on the managed routes; false when the VirtualService is missing. */
export function setVirtualServiceWeight(ctx: Ctx, ro: Rollout, weight: number): boolean {
  const name = istioOf(ro)?.virtualService?.name;
  if (!name) return true;
  const vs = ctx.store.get<VirtualService>('VirtualService', name);
  if (!vs) return false;
  const managed = managedRouteNames(ro, vs);
  const headerRoutes = new Set(
    (ro.spec.strategy?.canary?.trafficRouting?.managedRoutes ?? []).map((r) => r.name),
  );
  let changed = false;
  const http = (vs.spec?.http ?? []).map((route: HttpRoute) => {
    if (headerRoutes.has(route.name ?? '')) return route;
    if (managed && !managed.has(route.name ?? '')) return route;
    const dests = (route.route ?? []).map((d) => {
      const role = isCanaryDest(ro, d.destination ?? {});
      if (!role) return d;
      const w = role === 'canary' ? weight : 100 - weight;
      if (d.weight === w) return d;
      changed = true;
      return { ...d, weight: w };
    });
    return { ...route, route: dests };
  });
  if (changed) ctx.store.update({ ...vs, spec: { ...vs.spec, http } });
  return true;
}

/** Labels the DestinationRule's canary/stable subsets with the pod-template hashes (UpdateHash). */
export function updateDestinationRuleHashes(
  ctx: Ctx,
  ro: Rollout,
  canaryHash: string | undefined,
  stableHash: string | undefined,
): void {
  const ref = istioOf(ro)?.destinationRule;
  if (!ref) return;
  const dr = ctx.store.get<DestinationRule>('DestinationRule', ref.name);
  if (!dr) return;
  let changed = false;
  const subsets = (dr.spec?.subsets ?? []).map((s) => {
    const hash =
      s.name === ref.canarySubsetName
        ? canaryHash
        : s.name === ref.stableSubsetName
          ? stableHash
          : undefined;
    if (!hash || s.labels?.[ROLLOUT_HASH_LABEL] === hash) return s;
    changed = true;
    return { ...s, labels: { ...s.labels, [ROLLOUT_HASH_LABEL]: hash } };
  });
  if (changed)
    ctx.store.update({
      ...dr,
      metadata: {
        ...dr.metadata,
        annotations: {
          ...dr.metadata?.annotations,
          'argo-rollouts.argoproj.io/managed-by-rollouts': ro.metadata?.name ?? '',
        },
      },
      spec: { ...dr.spec, subsets },
    });
}

/** Where a header route sends requests: the canary subset of the managed route's host, or the canary Service. */
function canaryDestination(
  ro: Rollout,
  managedHost: string | undefined,
): { host: string; subset?: string } {
  const c = ro.spec.strategy?.canary;
  const dr = istioOf(ro)?.destinationRule;
  if (dr) return { host: managedHost ?? c?.stableService ?? '', subset: dr.canarySubsetName };
  return { host: c?.canaryService ?? '' };
}

/** Adds (with a match) or removes (without) a setHeaderRoute step's route, first in `http`. */
export function setHeaderRoute(ctx: Ctx, ro: Rollout, step: HeaderRouteStep): void {
  const name = istioOf(ro)?.virtualService?.name;
  const vs = name ? ctx.store.get<VirtualService>('VirtualService', name) : undefined;
  if (!vs) return;
  const rest = (vs.spec?.http ?? []).filter((r) => r.name !== step.name);
  const subsetHost = (vs.spec?.http ?? [])
    .flatMap((r) => r.route ?? [])
    .find((d) => isCanaryDest(ro, d.destination ?? {}) !== null)?.destination?.host;
  let http = rest;
  if (step.match && step.match.length) {
    const route: HttpRoute = {
      name: step.name,
      match: step.match.map((m) => ({ headers: { [m.headerName]: { ...m.headerValue } } })),
      route: [{ destination: canaryDestination(ro, subsetHost), weight: 100 }],
    } as HttpRoute;
    http = [route, ...rest];
  }
  if (JSON.stringify(http) !== JSON.stringify(vs.spec?.http ?? []))
    ctx.store.update({ ...vs, spec: { ...vs.spec, http } });
}

/** Removes every managed (header) route: on promotion, abort, or a canary with nothing available. */
export function removeManagedRoutes(ctx: Ctx, ro: Rollout): void {
  const managed = new Set(
    (ro.spec.strategy?.canary?.trafficRouting?.managedRoutes ?? []).map((r) => r.name),
  );
  if (!managed.size) return;
  const name = istioOf(ro)?.virtualService?.name;
  const vs = name ? ctx.store.get<VirtualService>('VirtualService', name) : undefined;
  if (!vs) return;
  const http = (vs.spec?.http ?? []).filter((r) => !managed.has(r.name ?? ''));
  if (http.length !== (vs.spec?.http ?? []).length)
    ctx.store.update({ ...vs, spec: { ...vs.spec, http } });
}
