/**
 * Live mode's banner (issue 12 item 3): which API server the stage draws ("Live: …"), the
 * namespace picker, whether the page may write to the cluster (read-only by default; a switch
 * turns writing on), and what the server answered that stops part of the picture, in its words.
 */
import type { ReactNode } from 'react';
import { useLive } from '../../store/live/LiveProvider';

export function LiveBanner({ record }: { record?: ReactNode }) {
  const status = useLive((s) => s.status);
  const setNamespace = useLive((s) => s.setNamespace);
  const setWriting = useLive((s) => s.setWriting);
  if (!status) return null;
  const writing = status.writing;
  return (
    <section className={`live-banner${writing ? ' writing' : ''}`} aria-label="Live cluster">
      <h1 className="live-server">Live: {status.server}</h1>
      <label className="picker">
        <span className="label-text">Namespace</span>
        <select value={status.namespace} onChange={(e) => void setNamespace(e.currentTarget.value)}>
          {status.namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span className="live-mode" role="status">
        {writing
          ? 'Writing: changes go to the cluster'
          : 'Read-only: nothing is sent to the cluster'}
      </span>
      <label className="live-switch">
        <input
          type="checkbox"
          role="switch"
          checked={writing}
          onChange={(e) => void setWriting(e.currentTarget.checked)}
        />
        Allow writes to the cluster
      </label>
      {record}
      {status.notServed.length > 0 && (
        <ul className="live-not-served" aria-label="Not served by this server">
          {status.notServed.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {status.problems.length > 0 && (
        <ul className="live-problems" aria-label="What the server answered">
          {status.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
