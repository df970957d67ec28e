/**
 * One AnalysisRun's measurements as Argo's dashboard lists them: per metric, its conditions and
 * limits, then each measurement's number, time, value, whether the successCondition and
 * failureCondition held for it, and its phase — with the reason under any measurement that did
 * not succeed (an Error's empty result, a failed condition).
 */
import type { AnalysisMetricView, AnalysisRunView } from '../../sim/view/rolloutView';
import type { MeasurementView, MetricRules } from '../../sim/view/analysisView';
import { formatAt } from '../controls/formatClock';
import { analysisPhaseIcon, phaseTone } from './analysisPhase';

export function AnalysisMeasurements({ run }: { run: AnalysisRunView }) {
  if (run.metrics.length === 0) return <p className="ro-measure-none">No measurement yet.</p>;
  return (
    <div className="ro-measure">
      {run.metrics.map((m) =>
        m.detail ? <MetricTable key={m.name} metric={m} d={m.detail} /> : null,
      )}
    </div>
  );
}

function limits(d: MetricRules): string {
  const parts = [`failureLimit ${d.failureLimit}`];
  if (d.failureCondition && d.successCondition)
    parts.push(`inconclusiveLimit ${d.inconclusiveLimit}`);
  parts.push(`consecutiveErrorLimit ${d.consecutiveErrorLimit}`);
  parts.push(
    d.count === null
      ? `every ${d.interval ?? '—'} until stopped`
      : `count ${d.count}${d.interval ? ` every ${d.interval}` : ''}`,
  );
  return parts.join(' · ');
}

function MetricTable({ metric, d }: { metric: AnalysisMetricView; d: MetricRules }) {
  const both = d.successCondition !== null && d.failureCondition !== null;
  const cols = 4 + (d.successCondition ? 1 : 0) + (d.failureCondition ? 1 : 0);
  return (
    <div className="ro-measure-metric-block">
      <p className="ro-measure-head">
        <span className="ro-measure-metric">
          <span className={`ro-tone-${phaseTone(metric.phase)}`} aria-hidden="true">
            {analysisPhaseIcon(metric.phase)}
          </span>{' '}
          <b>{metric.name}</b> {metric.phase}
        </span>
        {d.successCondition && (
          <span className="ro-measure-cond">
            success when <code>{d.successCondition}</code>
          </span>
        )}
        {d.failureCondition && (
          <span className="ro-measure-cond">
            failure when <code>{d.failureCondition}</code>
          </span>
        )}
        {!d.successCondition && !d.failureCondition && (
          <span className="ro-measure-cond">no conditions: every measurement succeeds</span>
        )}
        {both && <span className="ro-measure-limits">neither holds → Inconclusive</span>}
        <span className="ro-measure-limits">{limits(d)}</span>
      </p>
      <table className="ro-measure-table" aria-label={`Measurements of ${metric.name}`}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">time</th>
            <th scope="col">value</th>
            {d.successCondition && <th scope="col">success</th>}
            {d.failureCondition && <th scope="col">failure</th>}
            <th scope="col">result</th>
          </tr>
        </thead>
        <tbody>
          {d.measurements.length === 0 && (
            <tr>
              <td colSpan={cols} className="ro-measure-why">
                first measurement pending
              </td>
            </tr>
          )}
          {d.measurements.map((x) => (
            <Row key={x.n} x={x} d={d} cols={cols} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function metText(v: boolean | null): string {
  return v === null ? '—' : v ? 'met' : 'not met';
}

function Row({ x, d, cols }: { x: MeasurementView; d: MetricRules; cols: number }) {
  const tone = phaseTone(x.phase);
  return (
    <>
      <tr className={`ro-measure-row is-${tone}`} title={x.why}>
        <td>{x.n}</td>
        <td>{formatAt(x.t)}</td>
        <td className="ro-measure-value">{x.value || '—'}</td>
        {d.successCondition && <td>{metText(x.successMet)}</td>}
        {d.failureCondition && <td>{metText(x.failureMet)}</td>}
        <td className={`ro-tone-${tone}`}>
          <span aria-hidden="true">{analysisPhaseIcon(x.phase)}</span> {x.phase}
        </td>
      </tr>
      {x.phase !== 'Successful' && (
        <tr className="ro-measure-note">
          <td colSpan={cols} className="ro-measure-why">
            #{x.n} {x.phase}: {x.why}
          </td>
        </tr>
      )}
    </>
  );
}
