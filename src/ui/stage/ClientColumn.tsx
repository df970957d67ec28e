/**
 * The clients: client icons and the request rate. When the traffic has segments (clients that
 * send their own headers, e.g. a mobile user agent), the icons are grouped by segment, each in
 * its segment's colour with its label and share; request dots start at an icon of their own
 * segment, in that colour.
 */
import { Fragment, useCallback, useMemo } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { useStageRegistry } from './stageRegistry';
import { clientGroups, segmentSlot } from './segments';
import { formatShare as percent } from './routeText';
import { selectSegments } from './stageSelectors';

const ICONS = 3;

function ClientIcon({ segment }: { segment?: number }) {
  return (
    <svg
      className="client-icon"
      viewBox="0 0 28 22"
      aria-hidden="true"
      data-seg={segment === undefined ? undefined : segment}
    >
      <rect x="3" y="2" width="22" height="14" rx="2" />
      <path d="M1 19.5h26" />
    </svg>
  );
}

export function ClientColumn() {
  const rps = useSim((s) => s.frame?.traffic.rps ?? 0);
  const target = useSim((s) => s.frame?.traffic.target ?? null);
  const segments = useSim(selectSegments);
  const groups = useMemo(() => (segments.length ? clientGroups(segments) : []), [segments]);
  const reg = useStageRegistry();
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      reg.clientBox = el;
      reg.clients = [...el.querySelectorAll<HTMLElement>('.client-icon')];
      const bySegment = new Map<number, HTMLElement[]>();
      for (const icon of reg.clients) {
        const seg = icon.dataset.seg;
        if (seg === undefined) continue;
        const list = bySegment.get(Number(seg));
        if (list) list.push(icon);
        else bySegment.set(Number(seg), [icon]);
      }
      reg.clientsBySegment = bySegment;
      reg.invalidate(true);
      return () => {
        reg.clientBox = null;
        reg.clients = [];
        reg.clientsBySegment = new Map();
      };
    },
    // The icons change with the segments: register them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reg, segments],
  );
  const active = !!target && rps > 0;
  return (
    <div
      ref={ref}
      className={`clients${groups.length ? ' clients-segmented' : ''}`}
      role="group"
      aria-label="Clients"
      data-idle={active ? undefined : ''}
    >
      {groups.length ? (
        <ul className="client-segments" aria-label="Client segments">
          {groups.map((g) => (
            <li
              key={g.segment}
              className="client-segment"
              data-s={segmentSlot(g.segment)}
              aria-label={`${g.label} ${percent(g.share)}`}
            >
              <div className="client-stack">
                {Array.from({ length: g.icons }, (_, i) => (
                  <ClientIcon key={i} segment={g.segment} />
                ))}
              </div>
              <span className="client-segment-label" aria-hidden="true">
                {breakable(g.label)}
              </span>
              <span className="client-segment-share" aria-hidden="true">
                {percent(g.share)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="client-stack">
          {Array.from({ length: ICONS }, (_, i) => (
            <ClientIcon key={i} />
          ))}
        </div>
      )}
      <div className="clients-label">Clients</div>
      <div className="clients-rate">{active ? `${formatRate(rps)} req/s` : 'no traffic'}</div>
    </div>
  );
}

function formatRate(n: number): string {
  return n >= 1000
    ? `${(n / 1000).toFixed(n % 1000 === 0 ? 0 : 1)}k`
    : String(Math.round(n * 10) / 10);
}

/** "cookie group=control" may wrap after the space or the "=", not inside a word. */
function breakable(label: string) {
  return label.split(/(?<=[ =])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
