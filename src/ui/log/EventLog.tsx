/**
 * Events laid out like `kubectl describe deployment` (Type, Reason, Time, From, Message), the
 * involved object above each message. Where kubectl prints an Age, the log prints the
 * simulated time the event happened at, on the clock the playback bar, the charts and the seek
 * slider use (0:12.5): it reads against them directly, and a row never changes once written.
 * (`kubectl describe` in the console still prints kubectl's ages.) Newest at the bottom; it
 * follows new events unless the reader has scrolled up.
 *
 * Cost rules (a 300-pod rollout logs hundreds of events a second): the rows follow the store at
 * most four times a wall second while playing (useLogEvents); rows are memoised by key; the
 * scroll box is `contain: strict`, so its layout never spreads to the page; and it scrolls to
 * the bottom only when the newest row changed, in the commit that added it (a layout effect):
 * the layout that scroll forces is then part of the log's own update, a task of its own between
 * frames, not of an animation frame that also draws the stage. The newest rows are laid out
 * there once (log.css).
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EventRecord } from '../../sim/runner/runResult';
import { formatAt } from '../controls/formatClock';
import { MAX_ROWS, visibleEvents } from './eventFilter';
import { useLogEvents } from './useLogEvents';
import { useSim } from '../../store/SimStoreProvider';
import './log.css';

/** Full rows at the bottom while following (more when the box is taller than ~300 px). */
const TAIL_ROWS = 24;

export function EventLog() {
  const events = useLogEvents();
  const [all, setAll] = useState(false);
  const rows = useMemo(() => visibleEvents(events, all), [events, all]);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  // The same as state: following while playing, the rows far above the box are drawn lite.
  const [following, setFollowing] = useState(true);
  const playing = useSim((s) => s.playback.playing);
  const tail = useRef(TAIL_ROWS);
  const lite = following && playing ? rows.length - tail.current : 0;
  const newest = rows.at(-1)?.key ?? '';

  useLayoutEffect(() => {
    const el = scroller.current;
    // Past the end clamps to the end: no need to read scrollHeight first.
    if (!newest || !el || !follow.current) return;
    el.scrollTop = Number.MAX_SAFE_INTEGER;
    // Laid out by now: enough full rows to fill a taller box too (a row is at least 20 px).
    tail.current = Math.max(TAIL_ROWS, Math.ceil(el.clientHeight / 20) + 8);
  }, [newest]);

  return (
    <section className="event-log" aria-label="Events">
      <div className="log-toolbar">
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
          All events
        </label>
        <span className="muted small">
          {all
            ? 'Pods, endpoints and everything else.'
            : 'Deployment and ReplicaSet events, and every Warning.'}
          {rows.length === MAX_ROWS && ` Showing the newest ${MAX_ROWS}.`}
        </span>
      </div>
      <div
        className="log-scroll"
        ref={scroller}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          if (follow.current !== following) setFollowing(follow.current);
        }}
      >
        {/* Explicit roles: the rows are laid out as grids (log.css), which can cost a table its
            semantics in some browsers. */}
        <table className="log-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Type
              </th>
              <th scope="col" role="columnheader">
                Reason
              </th>
              <th scope="col" role="columnheader">
                Time
              </th>
              <th scope="col" role="columnheader">
                From
              </th>
              <th scope="col" role="columnheader">
                Message
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r, i) => (
              <Row key={r.key} event={r.event} lite={i < lite} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted empty">No events yet.</p>}
      </div>
    </section>
  );
}

/**
 * `lite`: a row far above the box while the log follows a playing scenario, which nobody sees
 * before scrolling up (and scrolling up stops the following, which draws it in full): one cell
 * with the row's text, not drawn (log.css). While playing a big rollout every update brings a
 * hundred rows or more, and full rows cost seven elements each to create, style and lay out.
 */
const Row = memo(function Row({ event: e, lite }: { event: EventRecord; lite: boolean }) {
  if (lite)
    return (
      <tr className="is-lite" role="row">
        <td role="cell" colSpan={5}>
          {`${e.type} ${e.reason} ${formatAt(e.t * 1000)} ${e.source ?? ''} ${e.object} ${e.message}`}
        </td>
      </tr>
    );
  return (
    <tr className={e.type === 'Warning' ? 'is-warning' : undefined} role="row">
      <td role="cell">{e.type}</td>
      <td className="reason-cell clip" title={e.reason} role="cell">
        {e.reason}
      </td>
      <td title={`${e.t.toFixed(1)} s after the start`} role="cell">
        {formatAt(e.t * 1000)}
      </td>
      <td className="clip" title={e.source} role="cell">
        {e.source ?? ''}
      </td>
      <td className="message-cell" role="cell">
        <span className="ev-object">{e.object}</span> {e.message}
      </td>
    </tr>
  );
});
