/**
 * The route box's weight slider becomes the kubectl line a person would type: a JSON patch of
 * the VirtualService that sets every destination weight of one http route at once, so the
 * weights still add up to 100 (Istio's webhook rejects anything else).
 */
export function weightCommand(virtualService: string, rule: number, weights: number[]): string {
  const ops = weights.map((value, j) => ({
    // "add" sets a member whether or not it exists (a lone destination may have no weight).
    op: 'add',
    path: `/spec/http/${rule}/route/${j}/weight`,
    value,
  }));
  return `patch virtualservice ${virtualService} --type=json -p '${JSON.stringify(ops)}'`;
}

/**
 * The same for an HTTPRoute: one rule's backendRef weights. Gateway API weights are
 * proportions, so any sum works; the slider's two weights add up to 100 and read as percents.
 */
export function httpRouteWeightCommand(route: string, rule: number, weights: number[]): string {
  const ops = weights.map((value, j) => ({
    op: 'add',
    path: `/spec/rules/${rule}/backendRefs/${j}/weight`,
    value,
  }));
  return `patch httproute ${route} --type=json -p '${JSON.stringify(ops)}'`;
}

/** Two destinations: the second gets `second`, the first the rest. */
export function splitWeights(second: number): [number, number] {
  const w = Math.max(0, Math.min(100, Math.round(second)));
  return [100 - w, w];
}
