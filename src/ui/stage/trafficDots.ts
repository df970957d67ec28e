/**
 * The request dots' data: what each sampled request of a frame becomes on the stage (its
 * colour, the client it starts at, its hop through the route box and Service, the pod it ends
 * at, a mirrored copy beside it) and the legs of a trip through the route box. The canvas
 * (TrafficCanvas.tsx) draws them.
 */
import type { HttpRouteView } from '../../sim/view/frame';
import type { SimState } from '../../store/createSimStore';
import { tripMs, versionSlot, VERSION_COLOURS, type Leg, type Point } from './layout';
import { SEGMENT_COLOURS, segmentSlot } from './segments';
import { routeId } from './stageSelectors';
import type { Box } from './stageGeometry';
import type { StageRegistry } from './stageRegistry';

/** Dots in flight at most. */
export const MAX_DOTS = 400;

/** Where a dot crosses the route box: its rule, its destination (or mirror) row, its Service. */
export interface MeshHop {
  vs: string;
  rule: string;
  /** The destination or mirror row it leaves by; null when it fails in the box (no route). */
  dest: string | null;
  service: string | null;
}

export interface Dot {
  start: number;
  dur: number;
  client: number;
  segment: number;
  service: string;
  mesh: MeshHop | null;
  pod: string | null;
  failed: boolean;
  /** A mirrored copy: drawn hollow, vanishes at its pod (nobody reads the response). */
  mirror: boolean;
  colour: string;
  /** The pod's last known centre, should its tile vanish mid-trip. */
  last: Point | null;
}

export interface Burst {
  start: number;
  at: Point;
  /** A mirrored copy failed at the mirror target: drawn apart from a client's failure. */
  mirror?: boolean;
}

export interface Palette {
  versions: string[];
  segments: string[];
  rest: string;
  neutral: string;
  error: string;
  /** Mirrored copies failing at the mirror target (no client sees them). */
  warn: string;
  at: number;
}

export function readPalette(el: HTMLElement, now: number): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    versions: Array.from({ length: VERSION_COLOURS }, (_, i) => v(`--v${i}`, '#888')),
    segments: Array.from({ length: SEGMENT_COLOURS }, (_, i) => v(`--s${i}`, '#b392f0')),
    rest: v('--s-rest', '#c9d1d9'),
    neutral: v('--muted', '#888'),
    error: v('--err', '#f85149'),
    warn: v('--warn', '#d29922'),
    at: now,
  };
}

/** Trips through a route box are longer: more of the stage to cross. */
const MESH_TRIP = 1.35;

export function spawn(
  s: SimState,
  dots: Dot[],
  now: number,
  spread: number,
  palette: Palette,
): void {
  const f = s.frame;
  if (!f?.traffic.target) return;
  // The sampled requests happened between the previous frame and this one.
  const from = f.since;
  const span = f.t - f.since;
  const vs = f.routes.find((x) => x.active);
  const segmented = f.segments.length > 0;
  // Which rule each segment's requests take (the frame says; -1 = clients in no segment).
  const ruleOf = new Map<number, HttpRouteView>();
  for (const r of vs?.http ?? []) for (const seg of r.segments) ruleOf.set(seg, r);
  for (const r of f.requests) {
    if (dots.length >= MAX_DOTS) return;
    const frac = span > 0 ? (r.t - from) / span : 0;
    const image = r.pod ? s.pods.get(r.pod)?.image : undefined;
    const vslot = image ? versionSlot(f.images.indexOf(image)) : -1;
    const colour = segmented
      ? r.segment < 0
        ? palette.rest
        : (palette.segments[segmentSlot(r.segment)] ?? palette.rest)
      : vslot >= 0
        ? (palette.versions[vslot] ?? palette.neutral)
        : palette.neutral;
    const rule = vs ? ruleOf.get(r.segment) : undefined;
    const start = now + Math.max(0, Math.min(1, frac)) * spread;
    // A mirrored copy the simulation sent (with what the mirror target did with it): it leaves
    // at the mirror row, goes to its pod and fails there as the copy did, unseen by its client.
    if (r.mirror) {
      const m = rule?.mirror;
      if (!vs || !rule || !m) continue;
      const toPod = r.outcome !== 'no-endpoints' && r.pod !== null;
      dots.push({
        start,
        dur: tripMs(r.t + r.client) * MESH_TRIP * (toPod ? 1 : 0.5),
        client: r.client,
        segment: r.segment,
        service: m.service,
        mesh: {
          vs: vs.name,
          rule: routeId(vs.name, rule.index),
          dest: routeId(vs.name, rule.index, 'm'),
          service: m.service,
        },
        pod: toPod ? r.pod : null,
        failed: r.outcome !== 'ok',
        mirror: true,
        colour,
        last: null,
      });
      continue;
    }
    let mesh: MeshHop | null = null;
    if (vs) {
      const j = rule && r.pod ? rule.destinations.findIndex((d) => d.pods.includes(r.pod!)) : -1;
      const dest = rule && j >= 0 ? rule.destinations[j] : undefined;
      mesh = {
        vs: vs.name,
        rule: routeId(vs.name, rule?.index ?? 0),
        dest: rule && dest ? routeId(vs.name, rule.index, j) : null,
        service: dest?.service ?? null,
      };
    }
    const atService = r.outcome === 'no-endpoints' || !r.pod || (mesh !== null && !mesh.dest);
    const dur = tripMs(r.t + r.client) * (mesh ? MESH_TRIP : 1);
    dots.push({
      start,
      dur: atService ? dur * 0.5 : dur,
      client: r.client,
      segment: r.segment,
      service: f.traffic.target,
      mesh,
      pod: atService ? null : r.pod,
      failed: r.outcome !== 'ok',
      mirror: false,
      colour,
      last: null,
    });
  }
}

/** The legs of a trip through the route box; null when a box it needs is not laid out. */
export function meshLegs(
  box: (el: HTMLElement | null | undefined) => Box | null,
  reg: StageRegistry,
  hop: MeshHop,
  pod: Point | null,
): Leg[] | null {
  const routeBox = box(reg.routes.get(hop.vs));
  const rule = box(reg.routes.get(hop.rule));
  if (!routeBox || !rule) return null;
  const entry = { x: routeBox.left, y: rule.cy };
  const legs: Leg[] = [{ to: entry, share: 0.28 }];
  const row = hop.dest ? box(reg.routes.get(hop.dest)) : null;
  if (!row || !pod) return legs;
  legs.push({ to: { x: routeBox.right, y: row.cy }, share: 0.08, hidden: true });
  const svc = hop.service ? box(reg.services.get(hop.service)) : null;
  if (svc) {
    legs.push({ to: { x: svc.left, y: svc.cy }, share: 0.2 });
    legs.push({ to: { x: svc.right, y: svc.cy }, share: 0.06, hidden: true, straight: true });
  }
  legs.push({ to: pod, share: 0.38 });
  return legs;
}
