/** The clients: a small stack of client icons and the request rate. Dots start here. */
import { useCallback } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { useStageRegistry } from './stageRegistry';

const ICONS = 3;

function ClientIcon() {
  return (
    <svg className="client-icon" viewBox="0 0 28 22" aria-hidden="true">
      <rect x="3" y="2" width="22" height="14" rx="2" />
      <path d="M1 19.5h26" />
    </svg>
  );
}

export function ClientColumn() {
  const rps = useSim((s) => s.frame?.traffic.rps ?? 0);
  const target = useSim((s) => s.frame?.traffic.target ?? null);
  const reg = useStageRegistry();
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      reg.clientBox = el;
      reg.clients = [...el.querySelectorAll<HTMLElement>('.client-icon')];
      return () => {
        reg.clientBox = null;
        reg.clients = [];
      };
    },
    [reg],
  );
  const active = !!target && rps > 0;
  return (
    <div
      ref={ref}
      className="clients"
      role="group"
      aria-label="Clients"
      data-idle={active ? undefined : ''}
    >
      <div className="client-stack">
        {Array.from({ length: ICONS }, (_, i) => (
          <ClientIcon key={i} />
        ))}
      </div>
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
