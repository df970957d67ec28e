/**
 * Pure geometry and naming for the stage: tile sizes, column widths, which ReplicaSets show,
 * where fading ghosts sit, and the curves that arrows and request dots follow. No DOM here, so
 * every rule is a unit test away.
 */

export interface Point {
  x: number;
  y: number;
}

/** Tile edge in px for a column holding `n` pods: 300 pods must still fit on a projector. */
export function tileSize(n: number): number {
  if (n > 60) return 12;
  if (n > 24) return 18;
  if (n > 12) return 24;
  return 32;
}

export function tileGap(tile: number): number {
  return tile <= 12 ? 3 : tile <= 18 ? 4 : 6;
}

/** Column padding on both sides together (px), matching stage.css. */
const COLUMN_PADDING = 24;
const MIN_PER_ROW = 5;
const MAX_PER_ROW = 28;

/**
 * Preferred width of a ReplicaSet column: roughly twice as wide as tall in tiles, never fewer
 * than five tiles a row, so columns stay compact at 3 pods and square-ish at 300.
 */
export function columnWidth(n: number): number {
  const tile = tileSize(n);
  const perRow = Math.min(MAX_PER_ROW, Math.max(MIN_PER_ROW, Math.ceil(Math.sqrt(n * 2))));
  return COLUMN_PADDING + perRow * tile + (perRow - 1) * tileGap(tile);
}

export interface RsOrder {
  name: string;
  revision: number | null;
  createdAt: number;
  pods: number;
}

/** Oldest first: by revision, then creation time, then name (stable for equal stamps). */
export function byAge(a: RsOrder, b: RsOrder): number {
  return (
    (a.revision ?? 0) - (b.revision ?? 0) ||
    a.createdAt - b.createdAt ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/**
 * The ReplicaSets of one Deployment that get a column, oldest left: the `keep` newest (history
 * stays visible as slim empty columns) plus any that still have pods.
 */
export function visibleReplicaSets<T extends RsOrder>(all: readonly T[], keep = 3): T[] {
  const sorted = [...all].sort(byAge);
  const cut = sorted.length - keep;
  return sorted.filter((rs, i) => i >= cut || rs.pods > 0);
}

/** `web-6cfc788796` → { base: 'web', hash: '6cfc788796' }; names without a hash keep it all. */
export function splitHash(name: string): { base: string; hash: string } {
  const m = /^(.*)-([a-z0-9]{5,10})$/.exec(name);
  return m?.[1] && m[2] ? { base: m[1], hash: m[2] } : { base: name, hash: '' };
}

/** `nginx:1.27` → `1.27`; an image without a tag stays whole. */
export function imageTag(image: string): string {
  const short = shortImage(image);
  const colon = short.lastIndexOf(':');
  return colon >= 0 ? short.slice(colon + 1) : short;
}

/** `registry.example/web:1.1` → `web:1.1` (the part a person reads on a chip). */
export function shortImage(image: string): string {
  const slash = image.lastIndexOf('/');
  return slash >= 0 ? image.slice(slash + 1) : image;
}

export function formatSelector(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Which group a pod's tile lives in: its Deployment, else its controller, else "pods". */
export function groupKey(deployment: string | null, owner: string | null): string {
  if (deployment) return `deploy/${deployment}`;
  if (owner) return `rs/${owner}`;
  return 'pods';
}

export interface Ghost {
  id: string;
  /** Index in the list it disappeared from. */
  index: number;
}

/** The ids to draw: current ids with fading ghosts put back at their old places. */
export function mergeGhosts(ids: readonly string[], ghosts: readonly Ghost[]): string[] {
  const out = [...ids];
  const live = new Set(ids);
  for (const g of [...ghosts].sort((a, b) => a.index - b.index)) {
    if (live.has(g.id)) continue;
    out.splice(Math.min(g.index, out.length), 0, g.id);
  }
  return out;
}

/** Ids in `prev` that are not in `next`, with their index in `prev`. */
export function removedIds(prev: readonly string[], next: readonly string[]): Ghost[] {
  const keep = new Set(next);
  const out: Ghost[] = [];
  prev.forEach((id, index) => {
    if (!keep.has(id)) out.push({ id, index });
  });
  return out;
}

/** A cubic curve leaving `a` and entering `b` horizontally (arrows and dot paths share it). */
export function curveControls(a: Point, b: Point): [Point, Point, Point, Point] {
  const dx = Math.max(24, Math.abs(b.x - a.x) / 2);
  return [a, { x: a.x + dx, y: a.y }, { x: b.x - dx, y: b.y }, b];
}

export function curvePath(a: Point, b: Point): string {
  const [p0, p1, p2, p3] = curveControls(a, b);
  const f = (p: Point) => `${round(p.x)},${round(p.y)}`;
  return `M${f(p0)} C${f(p1)} ${f(p2)} ${f(p3)}`;
}

export function curvePoint(a: Point, b: Point, u: number): Point {
  const [p0, p1, p2, p3] = curveControls(a, b);
  const v = 1 - u;
  const w0 = v * v * v;
  const w1 = 3 * v * v * u;
  const w2 = 3 * v * u * u;
  const w3 = u * u * u;
  return {
    x: w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x,
    y: w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y,
  };
}

export function lerp(a: Point, b: Point, u: number): Point {
  return { x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u };
}

export const easeInOut = (u: number): number =>
  u < 0.5 ? 2 * u * u : 1 - Math.pow(-2 * u + 2, 2) / 2;

/** A request's trip: client → Service (in, out) → pod. */
export interface Route {
  client: Point;
  serviceIn: Point;
  serviceOut: Point;
  /** null when the request failed at the Service (no endpoints). */
  pod: Point | null;
}

/** Shares of the trip spent on each leg; a failed trip ends at the Service. */
const LEG_TO_SERVICE = 0.36;
const LEG_THROUGH = 0.1;

/** Whether a dot at progress `u` is inside the Service box (drawn hidden: in one side, out the other). */
export function inService(r: Route, u: number): boolean {
  return r.pod !== null && u >= LEG_TO_SERVICE && u < LEG_TO_SERVICE + LEG_THROUGH;
}

/** Where a dot is at progress `u` (0..1) of its trip. */
export function routePoint(r: Route, u: number): Point {
  if (!r.pod) return lerp(r.client, r.serviceIn, easeInOut(Math.min(1, u)));
  if (u < LEG_TO_SERVICE) return lerp(r.client, r.serviceIn, u / LEG_TO_SERVICE);
  if (u < LEG_TO_SERVICE + LEG_THROUGH)
    return lerp(r.serviceIn, r.serviceOut, (u - LEG_TO_SERVICE) / LEG_THROUGH);
  const v = (u - LEG_TO_SERVICE - LEG_THROUGH) / (1 - LEG_TO_SERVICE - LEG_THROUGH);
  return curvePoint(r.serviceOut, r.pod, Math.min(1, v));
}

/** One leg of a trip through the route box: to where, its share of the trip, how it is drawn. */
export interface Leg {
  to: Point;
  share: number;
  /** Inside a box: the dot is not drawn. */
  hidden?: boolean;
  /** A straight line instead of the horizontal-tangent curve. */
  straight?: boolean;
}

/**
 * Where a dot is at progress `u` (0..1) of a trip from `start` along `legs` (their shares need
 * not add up to 1); null while it is inside a box.
 */
export function tripPoint(start: Point, legs: readonly Leg[], u: number): Point | null {
  const total = legs.reduce((a, l) => a + l.share, 0);
  if (total <= 0) return start;
  let at = start;
  let acc = 0;
  for (const leg of legs) {
    const end = acc + leg.share / total;
    if (u < end || leg === legs[legs.length - 1]) {
      if (leg.hidden) return null;
      const v = Math.max(0, Math.min(1, (u - acc) / (end - acc)));
      return leg.straight ? lerp(at, leg.to, v) : curvePoint(at, leg.to, v);
    }
    at = leg.to;
    acc = end;
  }
  return at;
}

/** A stable pseudo-random fraction (0..1) of a number: picks without a random source. */
export function hashFraction(seed: number): number {
  return Math.abs(Math.sin(seed * 12.9898) * 43758.5453) % 1;
}

/** A request's wall-clock trip length (ms): 600-900, spread by a stable per-request value. */
export function tripMs(seed: number): number {
  return 600 + Math.floor(hashFraction(seed) * 300);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export type PodLook = 'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'failing';

const FAILING = /BackOff|^Err|Error|OOMKilled|Failed|Evicted|ContainerCannotRun/;

/**
 * How a tile looks, from kubectl's STATUS column and the pod's conditions: Terminating wins,
 * then failures (red), then the lifecycle from Pending to Ready.
 */
export function podLook(p: { status: string; ready: boolean; terminating: boolean }): PodLook {
  if (p.terminating || p.status === 'Terminating') return 'terminating';
  if (FAILING.test(p.status)) return 'failing';
  if (p.status === 'Pending' || /^Init:\d/.test(p.status)) return 'pending';
  if (p.status === 'ContainerCreating' || p.status === 'PodInitializing') return 'creating';
  return p.ready ? 'ready' : 'running';
}

/** The tile's accessible name: pod name first, then STATUS, readiness and image. */
export function podLabel(p: {
  name: string;
  status: string;
  ready: boolean;
  image: string;
  restarts: number;
}): string {
  const restarts = p.restarts > 0 ? `, ${p.restarts} restart${p.restarts === 1 ? '' : 's'}` : '';
  return `${p.name} ${p.status} ${p.ready ? 'ready' : 'not ready'} ${p.image}${restarts}`;
}

/** Eight version colours (Okabe–Ito order); images past the eighth reuse them. */
export const VERSION_COLOURS = 8;
export const versionSlot = (index: number): number => (index < 0 ? -1 : index % VERSION_COLOURS);
