/**
 * One Deployment: its numbers as `kubectl get deployment` shows them, its conditions, the
 * strategy sliders, "Deploy new version", and the controller's latest reasoning.
 */
import { useMemo, useState } from 'react';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { selectDeployment } from '../../store/selectors';
import { ConditionChips } from './ConditionChips';
import { ControllerReasoning } from './ControllerReasoning';
import { StrategySliders } from './StrategySliders';
import { nextImage } from '../../store/edits';

export function DeploymentControls({ name, showStatus }: { name: string; showStatus: boolean }) {
  const store = useSimStore();
  const d = useSim(useMemo(() => selectDeployment(name), [name]));
  const [busy, setBusy] = useState(false);
  if (!d) return null;
  const deploy = async () => {
    setBusy(true);
    try {
      await store.getState().deployNewVersion(name);
    } finally {
      setBusy(false);
    }
  };
  const next = d.images[0] ? nextImage(d.images[0]) : null;
  return (
    <section className="deployment" aria-label={`Deployment ${name}`}>
      <header className="deployment-head">
        <h3 className="deployment-name">deployment/{name}</h3>
        <span className="deployment-rev">revision {d.revision}</span>
      </header>
      <p className="deployment-meta">
        {d.images.join(', ') || 'no image'} · {d.strategy.type}
        {d.paused && <span className="tag">paused</span>}
      </p>
      <dl className="counts">
        <Count label="ready" value={`${d.ready}/${d.desired}`} />
        <Count label="up-to-date" value={String(d.updated)} />
        <Count label="available" value={String(d.available)} />
      </dl>
      <ConditionChips conditions={d.conditions} />
      {showStatus && <p className="status-line small">{d.rolloutStatus}</p>}
      <div className="deploy-row">
        <button type="button" className="btn btn-primary" disabled={busy || !next} onClick={deploy}>
          Deploy new version
        </button>
        {next && <span className="deploy-next">→ {next}</span>}
      </div>
      <StrategySliders d={d} />
      <ControllerReasoning decision={d.decision} waiting={d.waiting} />
    </section>
  );
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
