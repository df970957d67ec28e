/**
 * A Service: name, selector and endpoint counts. When the selector changes (blue/green) the new
 * selector flashes once, and the arrows (ArrowLayer) move to the pods it now selects.
 */
import { Fragment, useMemo } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { selectServiceEndpoints, selectServiceSelector } from './stageSelectors';
import { useRegister } from './stageRegistry';

export function ServiceBox({ name }: { name: string }) {
  const selector = useSim(useMemo(() => selectServiceSelector(name), [name]));
  const counts = useSim(useMemo(() => selectServiceEndpoints(name), [name]));
  const [ready = 0, notReady = 0] = counts.split(' ').map(Number);
  const ref = useRegister('services', name);
  return (
    <div ref={ref} className="service" role="group" aria-label={`Service ${name}`}>
      <div className="service-kind">Service</div>
      <div className="service-name">{name}</div>
      <div className="service-selector">
        <span className="service-label">selector</span>
        {/* Keyed by value: a new selector re-mounts and plays the highlight once. */}
        <code key={selector} className="service-selector-value">
          {selector ? withBreaks(selector) : '(none)'}
        </code>
      </div>
      <div className="service-endpoints" data-none={ready === 0 ? '' : undefined}>
        {ready} ready endpoint{ready === 1 ? '' : 's'}
        {notReady > 0 && <span className="service-notready">{notReady} not ready</span>}
      </div>
    </div>
  );
}

/** `app=web,version=green` may wrap after a comma, never inside a label. */
function withBreaks(selector: string) {
  return selector.split(',').map((part, i, all) => (
    <Fragment key={i}>
      {part}
      {i < all.length - 1 && (
        <>
          ,<wbr />
        </>
      )}
    </Fragment>
  ));
}
