/** The scenario's title and description, and the caption of the latest step. */
import { useSim } from '../../store/SimStoreProvider';
import { selectCaption } from '../../store/selectors';

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
  const caption = useSim(selectCaption);
  return (
    <p
      className={`caption${caption ? '' : ' is-empty'}`}
      aria-label="Step caption"
      aria-live="polite"
    >
      {caption ?? 'Press Play to start. Space plays or pauses, → steps one controller action.'}
    </p>
  );
}
