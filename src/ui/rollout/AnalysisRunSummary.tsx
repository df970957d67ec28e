/**
 * An AnalysisRun as the plugin's tree shows it — icon, phase, ✔ successful and ✖ failed
 * measurements — and, in detail, each metric's counts and latest value.
 */
import type { AnalysisRunView } from '../../sim/view/rolloutView';

export function AnalysisRunSummary({
  run,
  detailed = false,
}: {
  run: AnalysisRunView;
  detailed?: boolean;
}) {
  const tone = phaseTone(run.phase);
  return (
    <div className="ro-analysis" aria-label={`AnalysisRun ${run.name}`}>
      <span className={`ro-run ro-tone-${tone}`}>
        <span aria-hidden="true">{run.icon}</span> {run.phase}
      </span>
      <span className="ro-counts">
        <span className="ro-ok" title="successful measurements">
          ✔ {run.successful}
        </span>
        <span className={run.failed ? 'ro-bad' : 'ro-none'} title="failed measurements">
          ✖ {run.failed}
        </span>
        {run.error > 0 && (
          <span className="ro-warn" title="measurement errors">
            ⚠ {run.error}
          </span>
        )}
        {run.inconclusive > 0 && (
          <span className="ro-warn" title="inconclusive measurements">
            ? {run.inconclusive}
          </span>
        )}
      </span>
      {detailed && (
        <ul className="ro-metrics">
          {run.metrics.map((m) => (
            <li key={m.name} className="ro-metric">
              <span className={`ro-tone-${phaseTone(m.phase)}`} aria-hidden="true">
                {m.icon}
              </span>
              <span className="ro-metric-name">{m.name}</span>
              <span className="ro-metric-value" title="latest measurement">
                {m.lastValue ?? '…'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {detailed && run.message && <p className="ro-run-message">{run.message}</p>}
    </div>
  );
}

/** Argo's AnalysisPhase → the panel's colours. */
export function phaseTone(phase: string): 'ok' | 'bad' | 'warn' | 'run' | 'idle' {
  switch (phase) {
    case 'Successful':
      return 'ok';
    case 'Failed':
      return 'bad';
    case 'Error':
    case 'Inconclusive':
      return 'warn';
    case 'Running':
      return 'run';
  }
  return 'idle';
}
