/**
 * The mesh's routing decision for one request (Istio, networking.istio.io/v1): the
 * VirtualService whose `hosts` cover the target, its `http` routes tried in order, the first
 * whose `match` accepts the request's headers (exact, prefix or regex; cookies through the
 * `cookie` header), then a destination chosen by `weight`, a DestinationRule `subset` narrowing
 * the Service's endpoints by labels, and an optional `mirror` with `mirrorPercentage`.
 */
import type { DestinationRule, VirtualService } from '../api/objects';

export interface MeshDestination {
  /** Service name (host without its domain suffix). */
  service: string;
  subset: string | null;
  weight: number;
}

export interface MeshRoute {
  /** Index of the matching `http` route (for the stage). */
  index: number;
  name: string | null;
  destinations: MeshDestination[];
  mirror: { service: string; subset: string | null; percent: number } | null;
}

type StringMatch = { exact?: string; prefix?: string; regex?: string };

/** "web", "web.default", "web.default.svc.cluster.local" all name Service web in default. */
export function serviceOfHost(host: string): string {
  return host.split('.')[0] ?? host;
}

export function virtualServiceFor(
  vss: readonly VirtualService[],
  target: string,
): VirtualService | undefined {
  const want = serviceOfHost(target);
  return vss.find((vs) =>
    (vs.spec?.hosts ?? []).some((h) => h === target || serviceOfHost(h) === want),
  );
}

function matchString(m: StringMatch, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (m.exact !== undefined) return value === m.exact;
  if (m.prefix !== undefined) return value.startsWith(m.prefix);
  if (m.regex !== undefined) {
    try {
      // Envoy's safe_regex (RE2) must match the whole value.
      return new RegExp(`^(?:${m.regex})$`).test(value);
    } catch {
      return false;
    }
  }
  return true;
}

function matches(match: Record<string, unknown>, headers: Record<string, string>): boolean {
  const hs = (match.headers ?? {}) as Record<string, StringMatch>;
  for (const [name, m] of Object.entries(hs)) {
    if (!matchString(m, headers[name.toLowerCase()])) return false;
  }
  const without = (match.withoutHeaders ?? {}) as Record<string, StringMatch>;
  for (const [name, m] of Object.entries(without)) {
    if (matchString(m, headers[name.toLowerCase()])) return false;
  }
  return true;
}

/** The route a request with these headers takes, or null (Envoy answers 404 NR). */
export function routeFor(vs: VirtualService, headers: Record<string, string>): MeshRoute | null {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  const routes = vs.spec?.http ?? [];
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i];
    if (!r) continue;
    const ms = (r.match ?? []) as Record<string, unknown>[];
    if (ms.length && !ms.some((m) => matches(m, lower))) continue;
    const dests = (r.route ?? []).map((d) => ({
      service: serviceOfHost(d.destination?.host ?? ''),
      subset: d.destination?.subset ?? null,
      weight: d.weight ?? (r.route?.length === 1 ? 100 : 0),
    }));
    const mirror = r.mirror
      ? {
          service: serviceOfHost(r.mirror.host ?? ''),
          subset: r.mirror.subset ?? null,
          percent: r.mirrorPercentage?.value ?? 100,
        }
      : null;
    return { index: i, name: r.name ?? null, destinations: dests, mirror };
  }
  return null;
}

/** Labels a subset adds to the Service's selector, from the DestinationRule for that host. */
export function subsetLabels(
  drs: readonly DestinationRule[],
  service: string,
  subset: string | null,
): Record<string, string> | null {
  if (subset === null) return {};
  const dr = drs.find((d) => serviceOfHost(d.spec?.host ?? '') === service);
  const s = dr?.spec?.subsets?.find((x) => x.name === subset);
  return s ? (s.labels ?? {}) : null;
}
