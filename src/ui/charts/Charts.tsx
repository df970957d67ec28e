/**
 * Four small multiples over simulated time on one x axis: ready pods and traffic share per
 * version, errors by kind, and pods against the rollout's bounds. The series are rebuilt only
 * when the history array changes (the store appends points as new arrays), and decimated to at
 * most 600 samples, so 2 400 points cost no more than 600. The region is named "Charts".
 */
import { useMemo, useState } from 'react';
import { xScaleFor, type ChartProps } from './chartLayout';
import { chartSeries, scalingMarks } from './chartSeries';
import { ErrorRateChart } from './ErrorRateChart';
import { PodBudgetChart } from './PodBudgetChart';
import { ReadyPodsChart } from './ReadyPodsChart';
import { TrafficShareChart } from './TrafficShareChart';
import { useChartData } from './useChartData';
import { useSim } from '../../store/SimStoreProvider';
import './charts.css';

/** Redraw at most 5 times a wall second (see useChartData). */
const REDRAW_MS = 200;

export function Charts() {
  const { history, images, events } = useChartData(REDRAW_MS);
  const [hover, setHover] = useState<number | null>(null);
  const series = useMemo(() => chartSeries(history, images), [history, images]);
  const marks = useMemo(() => scalingMarks(events), [events]);
  const info = useSim((s) => s.info);
  const steps = useMemo(() => (info?.steps ?? []).map((st) => st.at / 1000), [info]);
  const x = useMemo(() => xScaleFor(series), [series]);
  const props: ChartProps = { series, x, marks, steps, hover, onHover: setHover };
  return (
    <section className="charts" aria-label="Charts">
      <ReadyPodsChart {...props} />
      <TrafficShareChart {...props} />
      <ErrorRateChart {...props} />
      <PodBudgetChart {...props} events={events} />
    </section>
  );
}
