/** The scenario's steps with their times and captions; the current and next one stand out. */
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';
import { formatAt } from '../controls/formatClock';
import './log.css';

/** Index of the latest step at or before the clock (-1 before the first). */
const selectCurrentStep = (s: SimState): number => {
  const steps = s.info?.steps ?? [];
  const t = s.frame?.t ?? 0;
  let i = -1;
  steps.forEach((st, k) => {
    if (st.at <= t) i = k;
  });
  return i;
};

export function StepsList() {
  const steps = useSim((s) => s.info?.steps);
  const current = useSim(selectCurrentStep);
  if (!steps?.length) return <p className="muted pad">This scenario has no steps.</p>;
  return (
    <ol className="steps" aria-label="Steps">
      {steps.map((st, i) => {
        const state =
          i === current ? 'current' : i === current + 1 ? 'next' : i < current ? 'done' : '';
        return (
          <li
            key={i}
            className={`step${state ? ` is-${state}` : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <time className="step-at">{formatAt(st.at)}</time>
            <div className="step-body">
              {st.caption && <p className="step-caption">{st.caption}</p>}
              <code className="step-what">{st.what}</code>
            </div>
            {(state === 'current' || state === 'next') && (
              <span className={`tag tag-${state}`}>{state === 'current' ? 'now' : 'next'}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
