/**
 * An AnalysisRun as the plugin's tree shows it — icon, phase, ✔ successful, ✖ failed, ⚠ error
 * and ? inconclusive measurements, each count in words — then its verdict and why (the deciding
 * metric against its limits), and each measurement's value against the metric's conditions
 * (AnalysisMeasurements): open in detail or when the run did not succeed, one click away
 * otherwise.
 */
import { useState } from 'react';
import type { AnalysisRunView } from '../../sim/view/rolloutView';
import { AnalysisMeasurements } from './AnalysisMeasurements';
import { phaseTone } from './analysisPhase';
import './analysis.css';

export { phaseTone } from './analysisPhase';

export function AnalysisRunSummary({
  run,
  detailed = false,
}: {
  run: AnalysisRunView;
  detailed?: boolean;
}) {
  const tone = phaseTone(run.phase);
  // A run that did not succeed opens its measurements: they are why the Rollout stopped.
  const [open, setOpen] = useState(tone === 'bad' || tone === 'warn');
  return (
    <div className="ro-analysis" role="group" aria-label={`AnalysisRun ${run.name}`}>
      <span className={`ro-run ro-tone-${tone}`}>
        <span aria-hidden="true">{run.icon}</span> {run.phase}
      </span>
      <span className="ro-counts">
        <span className="ro-ok" title="successful measurements">
          ✔ {run.successful} successful
        </span>
        <span className={run.failed ? 'ro-bad' : 'ro-none'} title="failed measurements">
          ✖ {run.failed} failed
        </span>
        {run.error > 0 && (
          <span
            className="ro-warn"
            title="measurements that could not be evaluated: they do not count towards count or failureLimit"
          >
            ⚠ {run.error} {run.error === 1 ? 'error' : 'errors'} (not counted)
          </span>
        )}
        {run.inconclusive > 0 && (
          <span className="ro-warn" title="inconclusive measurements">
            ? {run.inconclusive} inconclusive
          </span>
        )}
      </span>
      <p className="ro-verdict" aria-label="Verdict">
        <b className={`ro-tone-${tone}`}>{run.phase}</b>
        {run.why ? `: ${run.why}` : ''}
      </p>
      {detailed ? (
        <AnalysisMeasurements run={run} />
      ) : (
        <details
          className="ro-measure-details"
          open={open}
          onToggle={(e) => setOpen(e.currentTarget.open)}
        >
          <summary>measurements</summary>
          <AnalysisMeasurements run={run} />
        </details>
      )}
      {detailed && run.message && <p className="ro-run-message">{run.message}</p>}
    </div>
  );
}
