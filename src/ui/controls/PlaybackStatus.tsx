/**
 * The playback status line under the transport buttons: what the latest Step did (the next
 * controller action, or that the cluster is steady) and the scenario's end. A polite live region,
 * so a screen reader hears it after each press; the full list of a step's changes is a
 * disclosure beside it, outside the live region. At the end, "Continue past the end" is the
 * one control that goes on: Play (and space) stop there, so nobody runs past it unawares.
 */
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { selectTime } from '../../store/selectors';
import { playbackStatus } from './playbackStatus';
import './playbackStatus.css';

export function PlaybackStatus() {
  const store = useSimStore();
  const playback = useSim((s) => s.playback);
  const duration = useSim((s) => s.info?.duration ?? 0);
  const t = useSim(selectTime);
  const { text, changes, total } = playbackStatus(playback, duration, t);
  return (
    <div className="playback-status-row" data-empty={text === '' ? '' : undefined}>
      <p className="playback-status" role="status" aria-label="Playback status">
        {text}
      </p>
      {playback.atEnd && (
        <button
          type="button"
          className="btn playback-continue"
          onClick={() => void store.getState().continuePastEnd()}
          title="The cluster keeps running past the scenario's end"
        >
          Continue past the end
        </button>
      )}
      {changes.length > 0 && (
        <details className="playback-changes">
          <summary>All {total} changes</summary>
          <ul aria-label="Changes of the latest step">
            {changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
