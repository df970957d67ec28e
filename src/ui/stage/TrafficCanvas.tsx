/**
 * Request dots on one <canvas> over the stage: each sampled request travels client → Service →
 * the pod that served it, in that pod's version colour, or, when the traffic has segments, in
 * its client segment's colour. Through a VirtualService the trip enters the route box at the
 * rule that matched it and leaves at its destination; a mirrored copy (hollow) leaves at the
 * mirror row and vanishes at its pod. Failures burst red where they fail (no route or no
 * endpoints, refused or erroring at the pod); a mirrored copy that fails at the mirror target
 * bursts apart, as a dashed amber ring with a cross, since no client ever sees it. Frames come in through a
 * transient store subscription and dots live in plain arrays: no React state per dot. The loop
 * runs only while something is moving.
 */
import { useEffect, useRef } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { inService, routePoint, tripPoint, type Point } from './layout';
import { boxIn, refreshIfDue } from './stageGeometry';
import { useStageRegistry, type StageRegistry } from './stageRegistry';
import { meshLegs, readPalette, spawn, type Burst, type Dot, type Palette } from './trafficDots';

const BURST_MS = 450;
const DOT_R = 3.5;
/** The longest wall gap between two frames over which a frame's requests are spread (ms). */
const MAX_SPREAD_MS = 100;
/** How often the canvas's data-dots attribute (dots in flight) is updated (ms). */
const COUNT_MS = 500;
/** How often the version colours are read again from CSS (a theme switch) (ms). */
const PALETTE_MS = 2000;

/** Draws one frame; returns whether anything is still moving. */
function draw(
  ctx: CanvasRenderingContext2D,
  reg: StageRegistry,
  dots: Dot[],
  bursts: Burst[],
  palette: Palette,
  now: number,
): boolean {
  const g = reg.geometry;
  refreshIfDue(g, reg.stage, now);
  if (!g.origin) return false;
  const box = (el: HTMLElement | null | undefined) => boxIn(g, el);
  const clientAt = (c: number, segment: number): Point | null => {
    const own = reg.clientsBySegment.get(segment);
    const icons = own?.length ? own : reg.clients;
    const b = box(icons.length ? icons[c % icons.length] : reg.clientBox);
    return b && { x: b.right, y: b.cy };
  };

  /** Opaque filled dots by colour: x, y pairs (one fill per colour instead of one per dot). */
  const solid = new Map<string, number[]>();
  let w = 0;
  for (let i = 0; i < dots.length; i++) {
    const d = dots[i];
    if (!d) continue;
    const u = (now - d.start) / d.dur;
    const client = clientAt(d.client, d.segment);
    const tile = d.pod ? box(reg.pods.get(d.pod)) : null;
    if (tile) d.last = { x: tile.cx, y: tile.cy };
    if (!client || (d.pod !== null && !d.last)) continue;
    let p: Point | null;
    let end: Point;
    if (d.mesh) {
      const legs = meshLegs(box, reg, d.mesh, d.pod ? d.last : null);
      if (!legs) continue;
      end = legs[legs.length - 1]?.to ?? client;
      p = u < 1 ? tripPoint(client, legs, Math.max(0, u)) : null;
    } else {
      const svc = box(reg.services.get(d.service));
      if (!svc) continue;
      const route = {
        client,
        serviceIn: { x: svc.left, y: svc.cy },
        serviceOut: { x: svc.right, y: svc.cy },
        pod: d.pod ? d.last : null,
      };
      end = routePoint(route, 1);
      p = u < 0 || u >= 1 || inService(route, u) ? null : routePoint(route, u);
    }
    if (u >= 1) {
      if (d.failed) bursts.push({ start: now, at: end, mirror: d.mirror });
      continue;
    }
    dots[w++] = d;
    if (u < 0 || !p) continue;
    // Mirrored copies fade out as they arrive: their responses go nowhere.
    const fade = d.mirror ? Math.min(1, (1 - u) * 6) : 1;
    const alpha = Math.min(1, u * 10) * fade;
    if (alpha === 1 && !d.mirror) {
      // Most dots: opaque and filled, drawn below as one path per colour.
      const at = solid.get(d.colour);
      if (at) at.push(p.x, p.y);
      else solid.set(d.colour, [p.x, p.y]);
      continue;
    }
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    ctx.arc(p.x, p.y, d.mirror ? DOT_R - 0.5 : DOT_R, 0, Math.PI * 2);
    if (d.mirror) {
      ctx.strokeStyle = d.colour;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    } else {
      ctx.fillStyle = d.colour;
      ctx.fill();
    }
  }
  dots.length = w;
  ctx.globalAlpha = 1;
  for (const [colour, xy] of solid) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (let i = 0; i < xy.length; i += 2) {
      ctx.moveTo(xy[i]! + DOT_R, xy[i + 1]!);
      ctx.arc(xy[i]!, xy[i + 1]!, DOT_R, 0, Math.PI * 2);
    }
    ctx.fill();
  }

  let b = 0;
  for (let i = 0; i < bursts.length; i++) {
    const x = bursts[i];
    if (!x) continue;
    const age = (now - x.start) / BURST_MS;
    if (age >= 1) continue;
    bursts[b++] = x;
    ctx.globalAlpha = 1 - age;
    if (x.mirror) {
      drawMirrorBurst(ctx, x.at, age, palette.warn);
      continue;
    }
    ctx.strokeStyle = palette.error;
    ctx.fillStyle = palette.error;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x.at.x, x.at.y, 4 + age * 12, 0, Math.PI * 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x.at.x, x.at.y, 3 * (1 - age), 0, Math.PI * 2);
    ctx.fill();
  }
  bursts.length = b;
  ctx.globalAlpha = 1;
  return dots.length > 0 || bursts.length > 0;
}

/** A mirrored copy failing at its pod: a dashed ring and a cross, never the client's red burst. */
function drawMirrorBurst(ctx: CanvasRenderingContext2D, at: Point, age: number, colour: string) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.setLineDash([3, 2]);
  ctx.beginPath();
  ctx.arc(at.x, at.y, 5 + age * 10, 0, Math.PI * 2);
  ctx.stroke();
  ctx.setLineDash([]);
  const r = 4 * (1 - age) + 1;
  ctx.beginPath();
  ctx.moveTo(at.x - r, at.y - r);
  ctx.lineTo(at.x + r, at.y + r);
  ctx.moveTo(at.x + r, at.y - r);
  ctx.lineTo(at.x - r, at.y + r);
  ctx.stroke();
}

export function TrafficCanvas() {
  const reg = useStageRegistry();
  const store = useSimStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || typeof requestAnimationFrame !== 'function') return;
    const dots: Dot[] = [];
    const bursts: Burst[] = [];
    let palette: Palette | null = null;
    // The 2D context is fetched on the first dot: a page that never plays never asks for it.
    let ctx: CanvasRenderingContext2D | null | undefined;
    let raf = 0;
    let lastFrameAt = performance.now();
    // The canvas's CSS size, kept by a ResizeObserver: reading clientWidth in every frame
    // would force a layout right after React's commit.
    let cssW = canvas.clientWidth;
    let cssH = canvas.clientHeight;
    let sized = false;
    const resize =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            const r = entries.at(-1)?.contentRect;
            if (!r) return;
            cssW = r.width;
            cssH = r.height;
            sized = false;
            reg.invalidate(true);
          })
        : null;
    resize?.observe(canvas);
    const size = (c: CanvasRenderingContext2D) => {
      if (sized) return;
      sized = true;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(cssW * dpr);
      const h = Math.round(cssH * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
    };

    // Dots in flight, for anyone measuring (the UI benchmark reads [data-dots]); at most twice
    // a second, since an attribute write invalidates style.
    let shownCount = -1;
    let countedAt = -Infinity;
    const count = (now: number, force = false) => {
      if (!force && now - countedAt < COUNT_MS) return;
      countedAt = now;
      if (dots.length === shownCount) return;
      shownCount = dots.length;
      canvas.dataset.dots = String(shownCount);
    };
    count(performance.now(), true);

    const tick = () => {
      raf = 0;
      if (!ctx || !palette) return;
      size(ctx);
      ctx.clearRect(0, 0, cssW, cssH);
      const now = performance.now();
      const moving = draw(ctx, reg, dots, bursts, palette, now);
      count(now, !moving);
      if (moving) raf = requestAnimationFrame(tick);
    };

    const unsubscribe = store.subscribe((s, prev) => {
      if (!s.frame || s.frame === prev.frame) return;
      const now = performance.now();
      const spread = Math.min(MAX_SPREAD_MS, now - lastFrameAt);
      lastFrameAt = now;
      if (s.epoch !== prev.epoch) {
        dots.length = 0;
        bursts.length = 0;
        count(now, true);
      }
      // Seeks and steps jump time: only live playback sends dots.
      if (!s.playback.playing || !s.frame.requests.length || !reg.stage) return;
      if (!palette || now - palette.at > PALETTE_MS) palette = readPalette(reg.stage, now);
      if (ctx === undefined) ctx = canvas.getContext('2d');
      if (!ctx) return;
      spawn(s, dots, now, spread, palette);
      count(now);
      if (!raf && dots.length) raf = requestAnimationFrame(tick);
    });
    return () => {
      unsubscribe();
      resize?.disconnect();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [store, reg]);

  return <canvas ref={canvasRef} className="stage-canvas" aria-hidden="true" />;
}
