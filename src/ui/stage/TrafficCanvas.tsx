/**
 * Request dots on one <canvas> over the stage: each sampled request travels client → Service →
 * the pod that served it, in that pod's version colour; failures burst red where they fail
 * (no endpoints at the Service, refused or erroring at the pod). Frames come in through a
 * transient store subscription and dots live in plain arrays: no React state per dot. The loop
 * runs only while something is moving.
 */
import { useEffect, useRef } from 'react';
import type { SimState } from '../../store/createSimStore';
import { useSimStore } from '../../store/SimStoreProvider';
import { inService, routePoint, tripMs, versionSlot, VERSION_COLOURS, type Point } from './layout';
import { boxIn, refreshIfDue } from './stageGeometry';
import { useStageRegistry, type StageRegistry } from './stageRegistry';

const MAX_DOTS = 400;
const BURST_MS = 450;
const DOT_R = 3.5;
/** The longest wall gap between two frames over which a frame's requests are spread (ms). */
const MAX_SPREAD_MS = 100;
/** How often the canvas's data-dots attribute (dots in flight) is updated (ms). */
const COUNT_MS = 500;
/** How often the version colours are read again from CSS (a theme switch) (ms). */
const PALETTE_MS = 2000;

interface Dot {
  start: number;
  dur: number;
  client: number;
  service: string;
  pod: string | null;
  failed: boolean;
  colour: string;
  /** The pod's last known centre, should its tile vanish mid-trip. */
  last: Point | null;
}

interface Burst {
  start: number;
  at: Point;
}

interface Palette {
  versions: string[];
  neutral: string;
  error: string;
  at: number;
}

function readPalette(el: HTMLElement, now: number): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    versions: Array.from({ length: VERSION_COLOURS }, (_, i) => v(`--v${i}`, '#888')),
    neutral: v('--muted', '#888'),
    error: v('--err', '#f85149'),
    at: now,
  };
}

function spawn(s: SimState, dots: Dot[], now: number, spread: number, palette: Palette): void {
  const f = s.frame;
  if (!f?.traffic.target) return;
  const from = f.t - f.traffic.intervalMs;
  for (const r of f.requests) {
    if (dots.length >= MAX_DOTS) return;
    const frac = f.traffic.intervalMs > 0 ? (r.t - from) / f.traffic.intervalMs : 0;
    const image = r.pod ? s.pods.get(r.pod)?.image : undefined;
    const slot = image ? versionSlot(f.images.indexOf(image)) : -1;
    const atService = r.outcome === 'no-endpoints' || !r.pod;
    const dur = tripMs(r.t + r.client);
    dots.push({
      start: now + Math.max(0, Math.min(1, frac)) * spread,
      dur: atService ? dur * 0.5 : dur,
      client: r.client,
      service: f.traffic.target,
      pod: atService ? null : r.pod,
      failed: r.outcome !== 'ok',
      colour: slot >= 0 ? (palette.versions[slot] ?? palette.neutral) : palette.neutral,
      last: null,
    });
  }
}

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
  const clientAt = (c: number): Point | null => {
    const icons = reg.clients;
    const b = box(icons.length ? icons[c % icons.length] : reg.clientBox);
    return b && { x: b.right, y: b.cy };
  };

  let w = 0;
  for (let i = 0; i < dots.length; i++) {
    const d = dots[i];
    if (!d) continue;
    const u = (now - d.start) / d.dur;
    const svc = box(reg.services.get(d.service));
    const client = clientAt(d.client);
    const tile = d.pod ? box(reg.pods.get(d.pod)) : null;
    if (tile) d.last = { x: tile.cx, y: tile.cy };
    const lost = !svc || !client || (d.pod !== null && !d.last);
    if (lost) continue;
    const route = {
      client,
      serviceIn: { x: svc.left, y: svc.cy },
      serviceOut: { x: svc.right, y: svc.cy },
      pod: d.pod ? d.last : null,
    };
    if (u >= 1) {
      if (d.failed) bursts.push({ start: now, at: routePoint(route, 1) });
      continue;
    }
    dots[w++] = d;
    if (u < 0 || inService(route, u)) continue;
    const p = routePoint(route, u);
    ctx.globalAlpha = Math.min(1, u * 10);
    ctx.fillStyle = d.colour;
    ctx.beginPath();
    ctx.arc(p.x, p.y, DOT_R, 0, Math.PI * 2);
    ctx.fill();
  }
  dots.length = w;

  let b = 0;
  for (let i = 0; i < bursts.length; i++) {
    const x = bursts[i];
    if (!x) continue;
    const age = (now - x.start) / BURST_MS;
    if (age >= 1) continue;
    bursts[b++] = x;
    ctx.globalAlpha = 1 - age;
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
