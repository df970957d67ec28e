/**
 * The canary steps in order: done ones ticked, the current one highlighted with what it waits
 * for (a running pause's countdown, "waiting for promote", the analysis run's phase and counts).
 */
import type { RolloutPauseView, RolloutStepView } from '../../sim/view/rolloutView';
import { AnalysisRunSummary } from './AnalysisRunSummary';
import { Countdown } from './Countdown';

interface Props {
  steps: RolloutStepView[];
  pause: RolloutPauseView | null;
  aborted: boolean;
}

export function CanarySteps({ steps, pause, aborted }: Props) {
  if (!steps.length) return <p className="muted small ro-block">This canary has no steps.</p>;
  return (
    <div className="ro-block">
      <h4 className="panel-title">Steps</h4>
      <ol className="ro-steps" aria-label="Canary steps">
        {steps.map((s) => {
          const current = s.state === 'current';
          const failed = runFailed(s);
          return (
            <li
              key={s.index}
              className={`ro-step is-${s.state}${(current && aborted) || failed ? ' is-aborted' : ''}`}
              aria-current={current ? 'step' : undefined}
            >
              <span className="ro-step-mark" aria-hidden="true">
                {mark(s, aborted)}
              </span>
              <code className="ro-step-text">{s.text}</code>
              <span className="ro-step-detail">
                {current && !aborted && <StepDetail step={s} pause={pause} />}
                {current && aborted && <span className="ro-tag ro-tag-bad">aborted</span>}
              </span>
              {s.run && (current || s.state === 'done' || s.run.phase !== 'Running') && (
                <div className="ro-step-run">
                  <AnalysisRunSummary run={s.run} detailed={current} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** An analysis step whose run failed: after the abort the Rollout points back at step 0, but
 * this step did not merely not happen yet — its analysis failed, and the mark says so. */
function runFailed(s: RolloutStepView): boolean {
  return s.run?.phase === 'Failed' || s.run?.phase === 'Error';
}

function mark(s: RolloutStepView, aborted: boolean): string {
  if (runFailed(s)) return '✖';
  if (s.state === 'done') return '✔';
  if (s.state === 'pending') return '○';
  if (aborted) return '✖';
  return '●';
}

function StepDetail({ step, pause }: { step: RolloutStepView; pause: RolloutPauseView | null }) {
  if (step.kind === 'pause') {
    if (!pause) return null;
    if (pause.endsAt !== null)
      return <Countdown from={pause.startedAt} to={pause.endsAt} label="Pause ends in" />;
    return <span className="ro-tag ro-tag-warn">waiting for promote</span>;
  }
  if (step.kind === 'setWeight') return <span className="ro-tag">scaling</span>;
  if (step.kind === 'analysis' && !step.run) return <span className="ro-tag">starting</span>;
  return null;
}
