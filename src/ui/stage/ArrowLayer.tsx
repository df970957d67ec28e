/**
 * The arrows: clients → the route box (when a VirtualService covers the target) or the target
 * Service, each route destination → its Service, and each Service → every group holding one of
 * its serving endpoints. Mirrors and Services no client request reaches get dashed arrows. Geometry comes from the registered elements' cached boxes
 * (stageGeometry.ts), recomputed only when the links or the boxes changed; React state changes
 * only when an arrow actually moves. With reduced motion the arrows
 * carry the request rates as text instead of moving dots.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { curvePath, curvePoint } from './layout';
import { selectLinksKey } from './stageSelectors';
import { boxIn, refreshIfDue } from './stageGeometry';
import { useStageRegistry, type StageRegistry } from './stageRegistry';
import { useRates, type Rates } from './useRates';

interface Arrow {
  /** Stable per slot (source and order) so a moved arrow morphs instead of blinking. */
  slot: string;
  from: string;
  to: string;
  /** '' (traffic), 'mirror' (copies only) or 'idle' (no client request takes it). */
  style: string;
  d: string;
  /** Where the rate label goes: the curve's midpoint. */
  mid: { x: number; y: number };
  /** Horizontal room between the ends (px), for the label's second line. */
  span: number;
}

const GAP = 6;

/** The element a link end names (`c:client`, `r:web#1#0`, `s:web`, `g:deploy/web`). */
function endOf(reg: StageRegistry, end: string): HTMLElement | null | undefined {
  const id = end.slice(2);
  switch (end[0]) {
    case 'c':
      return reg.clientBox;
    case 'r':
      return reg.routes.get(id);
    case 's':
      return reg.services.get(id);
    default:
      return reg.groups.get(id);
  }
}

function measure(reg: StageRegistry, links: string): Arrow[] {
  const g = reg.geometry;
  if (!reg.stage || !links || !g.origin) return [];
  const out: Arrow[] = [];
  const perFrom = new Map<string, number>();
  for (const link of links.split('\n')) {
    const [ends = '', style = ''] = link.split('|');
    const [from = '', to = ''] = ends.split('>');
    const ba = boxIn(g, endOf(reg, from));
    const bb = boxIn(g, endOf(reg, to));
    if (!ba || !bb) continue;
    // A route row's arrow leaves from the route box's edge, not from inside it.
    const right =
      from[0] === 'r' ? (boxIn(g, reg.routes.get(routeBoxOf(from)))?.right ?? ba.right) : ba.right;
    const start = { x: right + GAP, y: ba.cy };
    const end = { x: bb.left - GAP, y: bb.cy };
    const n = perFrom.get(from) ?? 0;
    perFrom.set(from, n + 1);
    const mid = curvePoint(start, end, 0.5);
    out.push({
      slot: `${from}#${n}`,
      from,
      to,
      style,
      d: curvePath(start, end),
      mid,
      span: end.x - start.x,
    });
  }
  return out;
}

/** `r:web#1#0` → `web` (the route box a row belongs to). */
function routeBoxOf(end: string): string {
  const id = end.slice(2);
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

function label(a: Arrow, rates: Rates): [string, string] {
  if (a.from[0] === 'c') return [`${rates.total}/s`, ''];
  if (a.from[0] !== 's') return ['', ''];
  const group = a.to.slice(2);
  const name = group.slice(group.indexOf('/') + 1);
  // "to web-green" only where it fits between the boxes (about 7 px a character).
  const fits = a.span >= (name.length + 3) * 7;
  return [`${rates.byGroup[group] ?? 0}/s`, fits ? `to ${name}` : ''];
}

export function ArrowLayer({ reduced }: { reduced: boolean }) {
  const reg = useStageRegistry();
  const links = useSim(selectLinksKey);
  const rates = useRates(reduced);
  const [arrows, setArrows] = useState<Arrow[]>([]);
  const linksRef = useRef(links);
  useEffect(() => {
    linksRef.current = links;
  }, [links]);

  useEffect(() => {
    if (typeof requestAnimationFrame !== 'function') return;
    let raf = 0;
    let last = '';
    let measuredLinks: string | null = null;
    let measuredVersion = -1;
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const version = refreshIfDue(reg.geometry, reg.stage, performance.now());
      const links = linksRef.current;
      if (version === measuredVersion && links === measuredLinks) return;
      measuredVersion = version;
      measuredLinks = links;
      const next = measure(reg, links);
      const key = next.map((a) => `${a.slot}${a.to}${a.style}${a.d}`).join('|');
      if (key === last) return;
      last = key;
      setArrows(next);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [reg]);

  const marker = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg className="stage-arrows" aria-hidden="true">
      <defs>
        <marker
          id={marker}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M1,1 L9,5 L1,9" className="stage-arrowhead" />
        </marker>
      </defs>
      {arrows.map((a) => (
        <path
          key={a.slot}
          className={`stage-arrow${a.from[0] === 'c' ? ' stage-arrow-client' : ''}${a.style ? ` stage-arrow-${a.style}` : ''}`}
          style={{ d: `path("${a.d}")` }}
          d={a.d}
          markerEnd={`url(#${marker})`}
        />
      ))}
      {reduced &&
        arrows.map((a) => {
          const [rate, to] = label(a, rates);
          if (!rate || a.style) return null;
          return (
            <text key={`t-${a.slot}`} className="stage-rate" x={a.mid.x} y={a.mid.y - 21}>
              <tspan className="stage-rate-n">{rate}</tspan>
              {to && (
                <tspan x={a.mid.x} dy="13">
                  {to}
                </tspan>
              )}
            </text>
          );
        })}
    </svg>
  );
}
