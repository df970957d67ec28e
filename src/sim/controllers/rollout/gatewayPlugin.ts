/**
 * Argo Rollouts' Gateway API traffic router plugin (`trafficRouting.plugins
 * ["argoproj-labs/gatewayAPI"]`), as argoproj-labs/rollouts-plugin-trafficrouter-gatewayapi
 * v0.15.0 (commit 96c63fd) does it in pkg/plugin/httproute.go setHTTPRouteWeight: on every rule
 * of the named HTTPRoute(s) — `httpRoute`, and each of `httpRoutes[].name` — the backendRef
 * named after the canary Service gets weight = desired weight and the one named after the
 * stable Service gets 100 − desired; other backendRefs are left alone. While the weight is above
 * 0 the route carries the label `rollouts.argoproj.io/gatewayapi-canary: in-progress`
 * (pkg/plugin/labels.go ensureInProgressLabel, internal/defaults), removed at 0, unless
 * `disableInProgressLabel` is set or `inProgressLabelKey`/`inProgressLabelValue` rename it.
 * Header routes (setHeaderRoute), GRPC/TCP/TLS routes and route discovery by label selector are
 * not simulated.
 */
import type { HTTPRoute, Rollout } from '../../api/objects';
import type { Ctx } from '../context';

export const GATEWAY_PLUGIN = 'argoproj-labs/gatewayAPI';
const IN_PROGRESS_KEY = 'rollouts.argoproj.io/gatewayapi-canary';
const IN_PROGRESS_VALUE = 'in-progress';

interface PluginConfig {
  httpRoute?: string;
  httpRoutes?: { name?: string }[];
  namespace?: string;
  disableInProgressLabel?: boolean;
  inProgressLabelKey?: string;
  inProgressLabelValue?: string;
}

/** The plugin's configuration on the Rollout, or undefined when it does not use the plugin. */
export function gatewayPluginConfig(ro: Rollout): PluginConfig | undefined {
  const plugins = ro.spec.strategy?.canary?.trafficRouting?.plugins as
    Record<string, PluginConfig | undefined> | undefined;
  const cfg = plugins?.[GATEWAY_PLUGIN];
  return cfg && typeof cfg === 'object' ? cfg : undefined;
}

/** The HTTPRoutes the plugin manages, in its order (`httpRoute` joins `httpRoutes`). */
function routeNames(cfg: PluginConfig): string[] {
  const names = (cfg.httpRoutes ?? []).map((r) => r.name ?? '').filter(Boolean);
  if (cfg.httpRoute && !names.includes(cfg.httpRoute)) names.unshift(cfg.httpRoute);
  return names;
}

/** The route's labels with the in-progress label set (weight > 0) or removed (weight 0). */
function progressLabels(
  labels: Record<string, string> | undefined,
  weight: number,
  cfg: PluginConfig,
): Record<string, string> | undefined {
  if (cfg.disableInProgressLabel) return labels;
  const key = cfg.inProgressLabelKey || IN_PROGRESS_KEY;
  const value = cfg.inProgressLabelValue || IN_PROGRESS_VALUE;
  if (weight === 0) {
    if (!labels || !(key in labels)) return labels;
    const rest = { ...labels };
    delete rest[key];
    return rest;
  }
  return labels?.[key] === value ? labels : { ...labels, [key]: value };
}

/** SetWeight through the plugin; false when a named HTTPRoute or its backendRefs are missing. */
export function setHttpRouteWeight(ctx: Ctx, ro: Rollout, weight: number): boolean {
  const cfg = gatewayPluginConfig(ro);
  if (!cfg) return true;
  const canary = ro.spec.strategy?.canary?.canaryService ?? '';
  const stable = ro.spec.strategy?.canary?.stableService ?? '';
  let ok = true;
  for (const name of routeNames(cfg)) {
    const route = ctx.store.get<HTTPRoute>('HTTPRoute', name);
    if (!route) {
      ok = false;
      continue;
    }
    let canaryFound = false;
    let stableFound = false;
    const rules = (route.spec?.rules ?? []).map((rule) => ({
      ...rule,
      backendRefs: (rule.backendRefs ?? []).map((b) => {
        if (b.name === canary) {
          canaryFound = true;
          return b.weight === weight ? b : { ...b, weight };
        }
        if (b.name === stable) {
          stableFound = true;
          return b.weight === 100 - weight ? b : { ...b, weight: 100 - weight };
        }
        return b;
      }),
    }));
    // "backendRef was not found in httpRoute": the plugin updates nothing.
    if (!canaryFound || !stableFound) {
      ok = false;
      continue;
    }
    const labels = progressLabels(route.metadata?.labels, weight, cfg);
    const next: HTTPRoute = {
      ...route,
      metadata: { ...route.metadata, ...(labels ? { labels } : {}) },
      spec: { ...route.spec, rules },
    };
    if (JSON.stringify(next) !== JSON.stringify(route)) ctx.store.update(next);
  }
  return ok;
}
