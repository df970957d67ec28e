/**
 * Gateway API's routing decision for one request (gateway.networking.k8s.io/v1 HTTPRoute): the
 * HTTPRoute a traffic target names (by its name or one of its `hostnames`), then, among all its
 * rules' matches that accept the request, the one the spec ranks first — HTTPRouteRule's
 * "matching precedence": an Exact path over a PathPrefix, a longer prefix over a shorter, a
 * method match, then more header matches, then more query-param matches; ties go to the first
 * rule in list order (kubernetes-sigs/gateway-api apis/v1/httproute_types.go, HTTPRouteRule).
 * Unlike an Istio VirtualService this is not "first match wins". The chosen rule's backendRefs
 * are weighted destinations (weight/sum of weights; weight 0 gets nothing), in the mesh
 * router's MeshRoute shape so the traffic generator, the views and the rate windows route
 * HTTPRoutes with the code they route VirtualServices with.
 *
 * A request's path is its `:path` pseudo-header (HTTP/2's, and what Envoy matches paths on),
 * `/` when a client segment does not give one; requests are GETs without query parameters.
 */
import type { HTTPRoute, HTTPRouteRule } from '../api/objects';
import type { MeshRoute } from './meshRouter';

type RouteMatch = NonNullable<HTTPRouteRule['matches']>[number];

/** Whether `host` is covered by a route hostname, `*.example.com` covering one or more labels. */
function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
}

/** The HTTPRoute a traffic target names: its name, or a hostname it lists (oldest first). */
export function httpRouteFor(routes: readonly HTTPRoute[], target: string): HTTPRoute | undefined {
  const byName = routes.find((r) => r.metadata?.name === target);
  if (byName) return byName;
  return routes.find((r) => (r.spec?.hostnames ?? []).some((h) => hostCovers(h, target)));
}

/** PathPrefix matches whole path elements: `/api` matches `/api` and `/api/v2`, not `/apis`. */
function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.length > 1 && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (p === '/') return true;
  return path === p || path.startsWith(`${p}/`);
}

/** Envoy's safe_regex (RE2) must match the whole value. */
function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** The rank of a match that accepts the request, or null: higher sorts first. */
function rank(m: RouteMatch, path: string, headers: Record<string, string>): number[] | null {
  const type = m.path?.type ?? 'PathPrefix';
  const value = m.path?.value ?? '/';
  let pathRank: number[];
  if (type === 'Exact') {
    if (path !== value) return null;
    pathRank = [2, value.length];
  } else if (type === 'PathPrefix') {
    if (!prefixMatches(value, path)) return null;
    pathRank = [1, value.length];
  } else {
    // RegularExpression precedence is implementation-specific: below Exact and PathPrefix here.
    if (!fullMatch(value, path)) return null;
    pathRank = [0, 0];
  }
  if (m.method !== undefined && m.method !== 'GET') return null;
  for (const h of m.headers ?? []) {
    const got = headers[h.name.toLowerCase()];
    if (got === undefined) return null;
    if ((h.type ?? 'Exact') === 'Exact' ? got !== h.value : !fullMatch(h.value, got)) return null;
  }
  if ((m.queryParams ?? []).length) return null;
  return [...pathRank, m.method ? 1 : 0, (m.headers ?? []).length];
}

const better = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
};

/** The index of the rule a request with these headers takes, or null (the gateway answers 404). */
export function ruleIndexFor(route: HTTPRoute, headers: Record<string, string>): number | null {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  const path = lower[':path'] ?? '/';
  let best: { index: number; rank: number[] } | null = null;
  (route.spec?.rules ?? []).forEach((rule, index) => {
    const matches = rule.matches?.length ? rule.matches : [{}];
    for (const m of matches) {
      const r = rank(m, path, lower);
      // Strictly better only: a tie keeps the earlier rule.
      if (r && (!best || better(r, best.rank))) best = { index, rank: r };
    }
  });
  return (best as { index: number } | null)?.index ?? null;
}

/** A rule's backendRefs as weighted destinations (weight defaults to 1; only core Services serve). */
export function ruleDestinations(rule: HTTPRouteRule): MeshRoute['destinations'] {
  return (rule.backendRefs ?? []).map((b) => ({
    service: (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' ? b.name : '',
    subset: null,
    weight: b.weight ?? 1,
  }));
}

/** The route a request with these headers takes, or null: the mesh router's shape, no mirror. */
export function gatewayRouteFor(
  route: HTTPRoute,
  headers: Record<string, string>,
): MeshRoute | null {
  const index = ruleIndexFor(route, headers);
  const rule = index === null ? undefined : route.spec?.rules?.[index];
  if (index === null || !rule) return null;
  return { index, name: rule.name ?? null, destinations: ruleDestinations(rule), mirror: null };
}
