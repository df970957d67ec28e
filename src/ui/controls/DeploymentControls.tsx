/**
 * One Deployment: its numbers as `kubectl get deployment` shows them, its conditions, the
 * strategy sliders, "Deploy new version", and the controller's latest reasoning. Each part
 * subscribes to the primitives it shows (deploymentSelectors.ts), so a frame that changes
 * nothing here re-renders nothing here.
 */
import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { ConditionChips } from './ConditionChips';
import { ControllerReasoning } from './ControllerReasoning';
import { parseConditions, selectDeploymentHead, selectReasoning } from './deploymentSelectors';
import { StrategySliders } from './StrategySliders';
import { nextImage } from '../../store/edits';

export function DeploymentControls({ name, showStatus }: { name: string; showStatus: boolean }) {
  const store = useSimStore();
  const d = useSim(useShallow(useMemo(() => selectDeploymentHead(name), [name])));
  const conditions = useMemo(() => parseConditions(d.conditions), [d.conditions]);
  const [busy, setBusy] = useState(false);
  if (!d.exists) return null;
  const deploy = async () => {
    setBusy(true);
    try {
      await store.getState().deployNewVersion(name);
    } finally {
      setBusy(false);
    }
  };
  const next = d.firstImage ? nextImage(d.firstImage) : null;
  return (
    <section className="deployment" aria-label={`Deployment ${name}`}>
      <header className="deployment-head">
        <h3 className="deployment-name">deployment/{name}</h3>
        <span className="deployment-rev">revision {d.revision}</span>
      </header>
      <p className="deployment-meta">
        {d.images || 'no image'} · {d.type}
        {d.paused && <span className="tag">paused</span>}
      </p>
      <dl className="counts">
        <Count label="ready" value={`${d.ready}/${d.desired}`} />
        <Count label="up-to-date" value={String(d.updated)} />
        <Count label="available" value={String(d.available)} />
      </dl>
      <ConditionChips conditions={conditions} />
      {showStatus && <p className="status-line small">{d.rolloutStatus}</p>}
      <div className="deploy-row">
        <button type="button" className="btn btn-primary" disabled={busy || !next} onClick={deploy}>
          Deploy new version
        </button>
        {next && <span className="deploy-next">→ {next}</span>}
      </div>
      <StrategySliders name={name} />
      <Reasoning name={name} />
    </section>
  );
}

const Reasoning = memo(function Reasoning({ name }: { name: string }) {
  const r = useSim(useShallow(useMemo(() => selectReasoning(name), [name])));
  const decision = useMemo(
    () => (r.decisionT === null ? null : { t: r.decisionT, text: r.decision }),
    [r.decisionT, r.decision],
  );
  const waiting = useMemo(
    () => (r.waitingT === null ? null : { t: r.waitingT, text: r.waiting, state: r.waitingState }),
    [r.waitingT, r.waiting, r.waitingState],
  );
  return <ControllerReasoning decision={decision} waiting={waiting} />;
});

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
