/**
 * Events laid out like `kubectl describe deployment` (Type, Reason, Age, From, Message), the
 * involved object above each message; ages count from the simulated clock. Newest at the bottom; it follows new events
 * unless the reader has scrolled up.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EventRecord } from '../../sim/runResult';
import { humanDuration } from '../../sim/kubectl/print/humanDuration';
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';
import { selectEvents } from '../../store/selectors';
import { MAX_ROWS, visibleEvents } from './eventFilter';
import './log.css';

/** The clock in quarter seconds: ages are whole seconds, so finer is wasted work. */
const selectQuarter = (s: SimState) => Math.floor((s.frame?.t ?? 0) / 250);

export function EventLog() {
  const events = useSim(selectEvents);
  const nowMs = useSim(selectQuarter) * 250;
  const [all, setAll] = useState(false);
  const rows = useMemo(() => visibleEvents(events, all), [events, all]);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [rows]);

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
        }}
      >
        <table className="log-table">
          <colgroup>
            <col className="col-type" />
            <col className="col-reason" />
            <col className="col-age" />
            <col className="col-from" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Reason</th>
              <th scope="col">Age</th>
              <th scope="col">From</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.key} event={r.event} age={humanDuration(nowMs - r.event.t * 1000)} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted empty">No events yet.</p>}
      </div>
    </section>
  );
}

const Row = memo(function Row({ event: e, age }: { event: EventRecord; age: string }) {
  return (
    <tr className={e.type === 'Warning' ? 'is-warning' : undefined}>
      <td>{e.type}</td>
      <td className="reason-cell clip" title={e.reason}>
        {e.reason}
      </td>
      <td title={`at ${e.t.toFixed(1)} s`}>{age}</td>
      <td className="clip" title={e.source}>
        {e.source ?? ''}
      </td>
      <td className="message-cell">
        <span className="ev-object">{e.object}</span> {e.message}
      </td>
    </tr>
  );
});
