/**
 * The frame's view of the HTTPRoutes, in the VirtualService view's shape (routeView.ts) so the
 * stage draws an HTTPRoute as a route box, the arrows and the Services' traffic state follow it,
 * and the rate windows measure its rules: each rule in order with its matches in words
 * (`path prefix /api and x-canary = true`, `default` for the rule every path matches), its
 * backendRefs as destinations, and which rule each client segment's requests take — by the
 * same precedence the traffic generator routes by (network/gatewayRouter.ts). A destination's
 * `weight` is its share of the rule in percent (weight / sum of the rule's weights), since
 * Gateway API weights are proportions; `configuredWeight` is the number the HTTPRoute holds.
 */
import type { HTTPRoute, HTTPRouteRule } from '../api/objects';
import type { TrafficSegment } from '../scenario/scenario';
import { httpRouteFor, ruleDestinations, ruleIndexFor } from '../network/gatewayRouter';
import { segmentRules } from './segmentRules';

/**
 * What routeView.ts's endpoint selection gives for a Service (its `Selected`); declared here, not
 * imported, so the two modules do not import each other. routeView type-checks the result.
 */
interface Selected {
  pods: string[];
  ready: number;
  images: string[];
  usable: string[];
}

type RouteMatch = NonNullable<HTTPRouteRule['matches']>[number];

/** One match in words; the `PathPrefix /` every match defaults to says nothing. */
function matchWords(m: RouteMatch): string {
  const parts: string[] = [];
  const type = m.path?.type ?? 'PathPrefix';
  const value = m.path?.value ?? '/';
  if (type === 'Exact') parts.push(`path = ${value}`);
  else if (type === 'RegularExpression') parts.push(`path ~ ${value}`);
  else if (value !== '/') parts.push(`path prefix ${value}`);
  if (m.method) parts.push(`method ${m.method}`);
  for (const h of m.headers ?? [])
    parts.push(`${h.name.toLowerCase()} ${(h.type ?? 'Exact') === 'Exact' ? '=' : '~'} ${h.value}`);
  for (const q of m.queryParams ?? []) parts.push(`?${q.name}=${q.value}`);
  return parts.join(' and ');
}

/** A rule's matches in words, alternatives joined by "or"; `default` when one matches all. */
export function ruleMatchText(rule: HTTPRouteRule): string {
  const blocks = (rule.matches?.length ? rule.matches : [{}]).map(matchWords);
  if (blocks.some((b) => b === '')) return 'default';
  return blocks.join(' or ');
}

/** Percent with one decimal: 9 of 10 → 90, 1 of 3 → 33.3. */
const percent = (w: number, total: number): number =>
  total > 0 ? Math.round((w / total) * 1000) / 10 : 0;

export function buildHttpRoutes(
  routes: readonly HTTPRoute[],
  target: string | null,
  routedByMesh: boolean,
  segments: readonly TrafficSegment[],
  select: (service: string, subset: string | null) => Selected | null,
) {
  const active = target && !routedByMesh ? httpRouteFor(routes, target) : undefined;
  return routes.map((route) => {
    const isActive = route === active;
    const { routeShare, routeSegments } = isActive
      ? segmentRules(segments, (headers) => ruleIndexFor(route, headers))
      : { routeShare: new Map<number, number>(), routeSegments: new Map<number, number[]>() };
    const http = (route.spec?.rules ?? []).map((rule, index) => {
      const dests = ruleDestinations(rule);
      const total = dests.reduce((a, d) => a + d.weight, 0);
      const built = dests.map((d, j) => {
        const sel = d.service ? select(d.service, null) : null;
        return {
          view: {
            // A backendRef that is not a core Service is shown by name; it serves nothing here.
            service: d.service || (rule.backendRefs?.[j]?.name ?? ''),
            subset: null,
            weight: percent(d.weight, total),
            configuredWeight: d.weight,
            pods: sel?.pods ?? [],
            ready: sel?.ready ?? 0,
            images: sel?.images ?? [],
            missing: false,
          },
          usable: sel?.usable ?? [],
        };
      });
      return {
        view: {
          index,
          name: rule.name ?? null,
          match: ruleMatchText(rule),
          destinations: built.map((d) => d.view),
          mirror: null,
          segments: routeSegments.get(index) ?? [],
          share: routeShare.get(index) ?? 0,
        },
        dests: built,
      };
    });
    return {
      name: route.metadata?.name ?? '',
      hosts: [...(route.spec?.hostnames ?? [])],
      active: isActive,
      kind: 'HTTPRoute' as const,
      http,
    };
  });
}
