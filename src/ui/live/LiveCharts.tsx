/**
 * The charts in live mode: ready pods per version and pods against the rollout's bounds, drawn
 * as the simulator's are (same series, same charts). Traffic share and errors are left out and
 * the page says why: they are counted from requests, which the API does not report — an empty
 * error chart would read as "no errors".
 */
import { useMemo, useState } from 'react';
import { xScaleFor, type ChartProps } from '../charts/chartLayout';
import { chartSeries, scalingMarks } from '../charts/chartSeries';
import { PodBudgetChart } from '../charts/PodBudgetChart';
import { ReadyPodsChart } from '../charts/ReadyPodsChart';
import { useChartData } from '../charts/useChartData';
import '../charts/charts.css';

const REDRAW_MS = 200;

export function LiveCharts() {
  const { history, images, events } = useChartData(REDRAW_MS);
  const [hover, setHover] = useState<number | null>(null);
  const series = useMemo(() => chartSeries(history, images), [history, images]);
  const marks = useMemo(() => scalingMarks(events), [events]);
  const x = useMemo(() => xScaleFor(series), [series]);
  const props: ChartProps = { series, x, marks, steps: [], hover, onHover: setHover };
  return (
    <section className="charts" aria-label="Charts">
      <ReadyPodsChart {...props} />
      <p className="panel pad live-note">
        No traffic share or error charts: they are counted from requests, which the Kubernetes API
        does not report.
      </p>
      <PodBudgetChart {...props} events={events} />
    </section>
  );
}
