/**
 * One Argo Rollout, as `kubectl argo rollouts get rollout` summarises it (Status with its icon,
 * Step, SetWeight, ActualWeight, replica counts) with the plugin's buttons, then the canary steps
 * or the blue/green services.
 */
import { useMemo } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { selectRollout } from '../../store/selectors';
import type { RolloutView } from '../../sim/view/rolloutView';
import { RolloutStatusBadge } from './RolloutStatusBadge';
import { WeightBars } from './WeightBars';
import { RolloutActions } from './RolloutActions';
import { CanarySteps } from './CanarySteps';
import { BlueGreenServices } from './BlueGreenServices';
import { AnalysisRunSummary } from './AnalysisRunSummary';

export function RolloutDetails({ name }: { name: string }) {
  const ro = useSim(useMemo(() => selectRollout(name), [name]));
  if (!ro) return null;
  const image = ro.containers[0]?.image ?? '';
  const canary = ro.strategy === 'canary';
  return (
    <section className="rollout" aria-label={`Rollout ${name}`}>
      <header className="deployment-head">
        <h3 className="deployment-name">rollout/{name}</h3>
        <span className={`ro-strategy ro-strategy-${ro.strategy}`}>
          {canary ? 'Canary' : 'BlueGreen'}
        </span>
      </header>
      <p className="deployment-meta">
        {image || 'no image'} · revision {ro.revision}
      </p>
      <RolloutStatusBadge status={ro.status} icon={ro.icon} message={shortMessage(ro)} />
      {ro.aborted && ro.abortMessage && (
        <p className="ro-abort" role="status">
          {ro.abortMessage}
        </p>
      )}
      {canary && (
        <WeightBars
          step={ro.step}
          steps={ro.steps}
          setWeight={ro.setWeight}
          actualWeight={ro.actualWeight}
          stable={ro.stableReplicaSet}
          canary={ro.canaryReplicaSet}
        />
      )}
      <dl className="counts">
        <Count label="ready" value={`${ro.ready}/${ro.desired}`} />
        <Count label="up-to-date" value={String(ro.updated)} />
        <Count label="available" value={String(ro.available)} />
      </dl>
      <RolloutActions view={ro} />
      {canary ? (
        <CanarySteps steps={ro.stepList} pause={ro.pause} aborted={ro.aborted} />
      ) : (
        ro.blueGreen && (
          <>
            <BlueGreenServices
              bg={ro.blueGreen}
              pause={ro.pause}
              status={ro.status}
              scaleDown={ro.replicaSets}
            />
            {ro.analysis && (
              <div className="ro-block">
                <h4 className="panel-title">Pre-promotion analysis</h4>
                <AnalysisRunSummary run={ro.analysis} detailed />
              </div>
            )}
          </>
        )
      )}
    </section>
  );
}

/** An abort's message is shown in full below the status: the status keeps only its reason. */
function shortMessage(ro: RolloutView): string | null {
  const full = ro.abortMessage;
  if (ro.aborted && full && ro.message?.endsWith(`: ${full}`))
    return ro.message.slice(0, -full.length - 2);
  return ro.message;
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
