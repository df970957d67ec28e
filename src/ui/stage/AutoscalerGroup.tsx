/**
 * A HorizontalPodAutoscaler beside the workload it scales: its CPU against the target, min and
 * max, current and desired replicas, and the HPA controller's latest decision with its
 * arithmetic, exactly as the simulation recorded it (src/sim/view/autoscalerView.ts). The
 * words are the view's; this only lays them out.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimState } from '../../store/createSimStore';
import type { AutoscalerView } from '../../sim/view/frame';
import { useSim } from '../../store/SimStoreProvider';
import { formatAt } from '../controls/formatClock';
import './autoscaler.css';

const NONE: string[] = [];

/** Names of the HPAs whose scale target is `kind`/`name`, in creation order. */
export const selectAutoscalersOf =
  (kind: string, name: string) =>
  (s: SimState): string[] => {
    const list = s.frame?.autoscalers ?? [];
    const names = list.filter((a) => a.targetKind === kind && a.targetName === name);
    return names.length ? names.map((a) => a.name) : NONE;
  };

const selectAutoscaler =
  (name: string) =>
  (s: SimState): AutoscalerView | undefined =>
    s.frame?.autoscalers.find((a) => a.name === name);

/**
 * A workload group and, when HPAs scale it, their groups beside it in one row. Without an HPA
 * the group is rendered alone, exactly as before.
 */
export function AutoscaledRow({
  kind,
  name,
  children,
}: {
  kind: string;
  name: string;
  children: ReactNode;
}) {
  const hpas = useSim(useShallow(useMemo(() => selectAutoscalersOf(kind, name), [kind, name])));
  if (!hpas.length) return <>{children}</>;
  return (
    <div className="hpa-row">
      {children}
      <div className="hpa-stack">
        {hpas.map((h) => (
          <AutoscalerGroup key={h} name={h} />
        ))}
      </div>
    </div>
  );
}

export const AutoscalerGroup = memo(function AutoscalerGroup({ name }: { name: string }) {
  const a = useSim(useMemo(() => selectAutoscaler(name), [name]));
  if (!a) return null;
  return <AutoscalerBox a={a} />;
});

/** The CPU gauge's scale: twice the target, or the current value if it is higher. */
function gaugeMax(a: AutoscalerView): number {
  return Math.max(a.targetUtilization * 2, a.currentUtilization ?? 0);
}

export function AutoscalerBox({ a }: { a: AutoscalerView }) {
  const d = a.decision;
  const top = gaugeMax(a);
  const cpu = a.currentUtilization;
  const tone = cpu === null ? 'none' : cpu > a.targetUtilization ? 'over' : 'under';
  return (
    <div className="hpa" role="group" aria-label={`HorizontalPodAutoscaler ${a.name}`}>
      <div className="hpa-head">
        <h3 className="hpa-title">{a.name}</h3>
        <span className="hpa-kind">HorizontalPodAutoscaler</span>
        <span className="hpa-target">→ {a.target}</span>
      </div>
      <dl className="hpa-figures">
        <div className="hpa-cpu">
          <dt>CPU</dt>
          <dd>
            <span className="hpa-now" data-tone={tone}>
              {cpu === null ? '—' : `${cpu} %`}
            </span>{' '}
            <span className="hpa-of">/ {a.targetUtilization} % target</span>
          </dd>
          <span className="hpa-gauge" aria-hidden="true">
            <span
              className="hpa-gauge-fill"
              data-tone={tone}
              style={{ width: `${((cpu ?? 0) / top) * 100}%` }}
            />
            <span
              className="hpa-gauge-target"
              style={{ left: `${(a.targetUtilization / top) * 100}%` }}
            />
          </span>
        </div>
        <Figure label="min" value={a.min} />
        <Figure label="max" value={a.max} />
        <Figure label="current" value={a.currentReplicas} />
        <Figure label="desired" value={a.desiredReplicas} />
      </dl>
      {d ? (
        <div className="hpa-decision" data-rule={d.rule}>
          <p className="hpa-meta">
            <span className="hpa-meta-kind">decided</span> <time>{formatAt(d.t)}</time>
            {a.nextSync !== null && ` · next sync ${formatAt(a.nextSync)}`}
          </p>
          {d.lines.map((line, i) => (
            <p key={i} className="hpa-line">
              {line}
            </p>
          ))}
        </div>
      ) : (
        <p className="hpa-line hpa-muted">
          No decision yet: it measures CPU once a pod of the target is Ready.
        </p>
      )}
      {a.edited !== null && (
        <p className="hpa-line hpa-edited">
          replicas is {a.edited}, not the {d?.replicas} it decided: it decides again at{' '}
          {a.nextSync === null ? 'its next sync' : formatAt(a.nextSync)}
        </p>
      )}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
