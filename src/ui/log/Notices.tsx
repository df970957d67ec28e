/** Messages for the person (a broken link, a catalog that did not load), each dismissable. */
export function Notices({ notices, onDismiss }: { notices: string[]; onDismiss(n: string): void }) {
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n} className="notice" role="alert">
          <span className="notice-text">{n}</span>
          <button type="button" className="btn btn-ghost" onClick={() => onDismiss(n)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
