/** The scenario's title and description, and the caption of the latest step. */
import { useSim } from '../../store/SimStoreProvider';
import { selectCaptionMoment } from '../../store/selectors';
import { formatClock } from './formatClock';
import './caption.css';

export function ScenarioHeading() {
  const info = useSim((s) => s.info);
  if (!info) return <div className="heading" />;
  return (
    <div className="heading">
      <h1 className="heading-title">{info.title}</h1>
      <p className="heading-desc" title={info.description}>
        {info.description}
      </p>
    </div>
  );
}

export function StepCaption() {
  const moment = useSim(selectCaptionMoment);
  const settled = moment !== null && moment.settledAt !== null;
  return (
    <p
      className={`caption${moment ? '' : ' is-empty'}${settled ? ' is-past' : ''}`}
      aria-label="Step caption"
      aria-live="polite"
    >
      {!moment && 'Press Play to start. Space plays or pauses, → steps one controller action.'}
      {moment && (
        <>
          <time className="caption-time">{formatClock(moment.at)}</time> {moment.text}
          {settled && (
            <span className="caption-after">
              {' '}
              Done: nothing has changed since {formatClock(moment.settledAt ?? moment.at)}.
            </span>
          )}
        </>
      )}
    </p>
  );
}
