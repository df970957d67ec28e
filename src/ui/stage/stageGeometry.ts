/**
 * Cached element boxes for the stage's overlay layers. Reading getBoundingClientRect every
 * animation frame forces a layout right after React's commit; instead boxes are measured once
 * and kept until something moves: a pod list changes, the stage resizes or scrolls (each calls
 * `invalidate`), or, as a safety net, a second passes. Refreshes after a pod list change are
 * throttled to one per REFRESH_MS, so a rollout that changes tiles every frame measures a few
 * times a second. An element seen for the first time is measured at once.
 */

/** An element's centre and edges relative to the stage. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  cx: number;
  cy: number;
}

export interface Geometry {
  origin: DOMRect | null;
  boxes: Map<HTMLElement, Box | null>;
  measuredAt: number;
  dirty: boolean;
  urgent: boolean;
  /** Increases with every refresh: layers compare it to know whether to redraw from boxes. */
  version: number;
}

/** Least time between two refreshes caused by pod list changes (ms of wall time). */
export const REFRESH_MS = 250;
/** Longest a box is trusted without any sign of change (ms). */
const MAX_AGE_MS = 1000;

export function createGeometry(): Geometry {
  return {
    origin: null,
    boxes: new Map(),
    measuredAt: -Infinity,
    dirty: true,
    urgent: true,
    version: 0,
  };
}

/** Starts a new measurement when due; returns the geometry's version. */
export function refreshIfDue(g: Geometry, stage: HTMLElement | null, now: number): number {
  if (!stage) return g.version;
  const age = now - g.measuredAt;
  if (g.origin && !g.urgent && !(g.dirty && age >= REFRESH_MS) && age < MAX_AGE_MS)
    return g.version;
  g.origin = stage.getBoundingClientRect();
  g.boxes.clear();
  g.measuredAt = now;
  g.dirty = false;
  g.urgent = false;
  g.version++;
  return g.version;
}

/** The element's box from the cache (measured now if it is new); null when not laid out. */
export function boxIn(g: Geometry, el: HTMLElement | null | undefined): Box | null {
  if (!el || !g.origin) return null;
  let b = g.boxes.get(el);
  if (b === undefined) {
    b = boxOf(el, g.origin);
    g.boxes.set(el, b);
  }
  return b;
}

export function boxOf(el: HTMLElement, origin: DOMRect): Box | null {
  const r = el.getBoundingClientRect();
  // Not laid out (hidden panel, or a test DOM without layout): nothing to point at.
  if (r.width === 0 && r.height === 0) return null;
  const left = r.left - origin.left;
  const top = r.top - origin.top;
  return {
    left,
    right: left + r.width,
    top,
    bottom: top + r.height,
    cx: left + r.width / 2,
    cy: top + r.height / 2,
  };
}
