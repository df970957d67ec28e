/**
 * A Service: name, selector, endpoints (a strip of version-coloured marks, filled when ready)
 * and who sends it requests. When the selector changes (blue/green) the box flashes once, the
 * labels that changed are marked, the previous selector stays readable under it, and the arrows
 * (ArrowLayer) move to the pods it now selects. A Service no client request reaches (a preview
 * Service) says so and its arrows are dashed.
 */
import { Fragment, useLayoutEffect, useMemo, useState } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { formatAt } from '../controls/formatClock';
import { selectImages } from '../../store/selectors';
import {
  selectFreshSwitch,
  selectService,
  serviceBoxData,
  type ServiceBoxData,
} from './stageSelectors';
import { useRegister, useStageRegistry } from './stageRegistry';

const TRAFFIC_NOTE: Record<ServiceBoxData['traffic'], string | null> = {
  target: null,
  route: null,
  mirror: 'mirror copies only',
  none: 'no client traffic',
};

export function ServiceBox({ name }: { name: string }) {
  const svc = useSim(useMemo(() => selectService(name), [name]));
  const images = useSim(selectImages);
  const fresh = useSim(useMemo(() => selectFreshSwitch(name), [name]));
  const data = useMemo(
    () => (svc ? serviceBoxData(svc, images, fresh) : null),
    [svc, images, fresh],
  );
  const ref = useRegister('services', name);
  const reg = useStageRegistry();
  // Its content changed size: the boxes beside it moved; the overlays measure again.
  useLayoutEffect(() => reg.invalidate(), [reg, data]);
  // A fresh switch starts the flash; it stays mounted (its animation ends transparent) so that
  // fast playback, where "fresh" lasts a few milliseconds, still shows all of it.
  // Keyed by epoch too: after a seek back the same switch happens again and flashes again.
  const epoch = useSim((s) => s.epoch);
  const [flashed, setFlashed] = useState<string | null>(null);
  const change = data?.flash && data.changedAt !== null ? `${epoch}/${data.changedAt}` : null;
  if (change !== null && change !== flashed) setFlashed(change);
  if (!data) return null;
  const { ready, notReady } = data;
  const note = TRAFFIC_NOTE[data.traffic];
  const was = data.previous === null ? null : changedFrom(data.previous, data.selector);
  return (
    <div
      ref={ref}
      className="service"
      role="group"
      aria-label={`Service ${name}`}
      data-traffic={data.traffic}
    >
      {/* Keyed by the change: a new switch re-mounts it and plays the flash once. */}
      {flashed !== null && <span key={flashed} className="service-flash" aria-hidden="true" />}
      <div className="service-head">
        <span className="service-kind">Service</span>
        {note && <span className="service-note">{note}</span>}
      </div>
      <div className="service-name">{name}</div>
      <div className="service-selector">
        <span className="service-label">selector</span>
        {/* Keyed by value: a new selector re-mounts and plays the highlight once. */}
        <code key={data.selector} className="service-selector-value">
          {data.selector ? withBreaks(data.selector) : '(none)'}
        </code>
        {was !== null && data.changedAt !== null && (
          <span className="service-was">
            was <code>{was}</code> until {formatAt(data.changedAt)}
          </span>
        )}
      </div>
      <div className="service-endpoints" data-none={ready === 0 ? '' : undefined}>
        {ready} ready endpoint{ready === 1 ? '' : 's'}
        {notReady > 0 && <span className="service-notready">{notReady} not ready</span>}
      </div>
      {data.endpoints.length > 0 && (
        <div className="service-marks" aria-hidden="true">
          {data.endpoints.map(([pod, slot, isReady]) => (
            <span
              key={pod}
              className="service-mark"
              data-v={slot}
              data-ready={isReady ? '' : undefined}
              title={pod}
            />
          ))}
          {data.more > 0 && <span className="service-more">+{data.more}</span>}
        </div>
      )}
    </div>
  );
}

/** The labels of the previous selector that the current one dropped or changed. */
function changedFrom(previous: string, current: string): string {
  const now = new Set(current.split(','));
  const gone = previous.split(',').filter((p) => p && !now.has(p));
  return gone.join(',') || previous || '(none)';
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
