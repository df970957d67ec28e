/** Events laid out like `kubectl describe` (Type, Reason, From, Message) with the simulated time. */
import type { EventRecord } from '../../sim/runResult';

export function EventTable({ events }: { events: readonly EventRecord[] }) {
  return (
    <section className="events" aria-label="Events">
      <h2>Events</h2>
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>Type</th>
            <th>Reason</th>
            <th>Object</th>
            <th>From</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i} className={e.type === 'Warning' ? 'warning' : undefined}>
              <td>{e.t.toFixed(3)}s</td>
              <td>{e.type}</td>
              <td>{e.reason}</td>
              <td>{e.object}</td>
              <td>{e.source}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
