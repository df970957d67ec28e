/**
 * Which rule of a route each client segment's requests take, and the share of clients behind
 * each rule: the same accounting for an Istio VirtualService and a Gateway API HTTPRoute. The
 * clients in no segment send no headers; they are segment -1.
 */
import type { TrafficSegment } from '../scenario/scenario';

export interface SegmentRules {
  /** Rule index → share of clients whose requests it takes. */
  routeShare: Map<number, number>;
  /** Rule index → the segments (index, -1 for the rest) it takes. */
  routeSegments: Map<number, number[]>;
}

export function segmentRules(
  segments: readonly TrafficSegment[],
  ruleFor: (headers: Record<string, string>) => number | null,
): SegmentRules {
  const routeShare = new Map<number, number>();
  const routeSegments = new Map<number, number[]>();
  const groups = segments.map((s, i) => ({ i, share: s.share, headers: s.headers }));
  const rest = 1 - segments.reduce((a, s) => a + s.share, 0);
  if (rest > 1e-9 || !segments.length) groups.push({ i: -1, share: rest, headers: {} });
  for (const g of groups) {
    const index = ruleFor(g.headers);
    if (index === null) continue;
    routeShare.set(index, (routeShare.get(index) ?? 0) + g.share);
    routeSegments.set(index, [...(routeSegments.get(index) ?? []), g.i]);
  }
  return { routeShare, routeSegments };
}
