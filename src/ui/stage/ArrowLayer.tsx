/**
 * The arrows: clients → the target Service, and each Service → every group holding one of its
 * serving endpoints. Geometry comes from the registered elements' cached boxes
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
  /** Stable per slot (service and order) so a moved arrow morphs instead of blinking. */
  slot: string;
  from: string;
  to: string;
  d: string;
  /** Where the rate label goes: the curve's midpoint. */
  mid: { x: number; y: number };
}

const GAP = 6;

function measure(reg: StageRegistry, links: string): Arrow[] {
  const g = reg.geometry;
  if (!reg.stage || !links || !g.origin) return [];
  const out: Arrow[] = [];
  const perFrom = new Map<string, number>();
  for (const link of links.split('\n')) {
    const [from = '', to = ''] = link.split('>');
    const a = from === 'client' ? reg.clientBox : reg.services.get(from);
    const b = from === 'client' ? reg.services.get(to) : reg.groups.get(to);
    const ba = boxIn(g, a);
    const bb = boxIn(g, b);
    if (!ba || !bb) continue;
    const start = { x: ba.right + GAP, y: ba.cy };
    const end = { x: bb.left - GAP, y: bb.cy };
    const n = perFrom.get(from) ?? 0;
    perFrom.set(from, n + 1);
    const mid = curvePoint(start, end, 0.5);
    out.push({ slot: `${from}#${n}`, from, to, d: curvePath(start, end), mid });
  }
  return out;
}

function label(a: Arrow, rates: Rates): [string, string] {
  if (a.from === 'client') return [`${rates.total}/s`, ''];
  const name = a.to.slice(a.to.indexOf('/') + 1);
  return [`${rates.byGroup[a.to] ?? 0}/s`, `to ${name}`];
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
      const key = next.map((a) => `${a.slot}${a.to}${a.d}`).join('|');
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
          className={`stage-arrow${a.from === 'client' ? ' stage-arrow-client' : ''}`}
          style={{ d: `path("${a.d}")` }}
          d={a.d}
          markerEnd={`url(#${marker})`}
        />
      ))}
      {reduced &&
        arrows.map((a) => {
          const [rate, to] = label(a, rates);
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
