/**
 * "My scenarios": the person's own scenarios kept in this browser, beside the catalog picker.
 * Each opens with one click; deleting asks first (it cannot be undone: the text is only here).
 * Names come from files and links, so they are shown as text, never as HTML.
 */
import { useState } from 'react';
import type { SavedScenario } from '../../store/savedScenarios';

export function MyScenarios({
  saved,
  openId,
  onOpen,
  onDelete,
}: {
  saved: SavedScenario[];
  /** The saved id of the scenario on screen, if it is one of these. */
  openId: string | null;
  onOpen(id: string): void;
  onDelete(id: string): Promise<void> | void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="my-scenarios">
      <span className="label-text" id="my-scenarios-label">
        My scenarios
      </span>
      {saved.length === 0 && <span className="my-empty">none yet: run or import one</span>}
      <ul aria-labelledby="my-scenarios-label" className="my-list">
        {saved.map((s) => (
          <li key={s.id} className="my-item" aria-current={s.id === openId ? 'true' : undefined}>
            {confirming === s.id ? (
              <span role="group" aria-label={`Delete ${s.name}?`} className="my-confirm">
                <span>Delete “{s.name}”?</span>
                <button
                  type="button"
                  className="btn btn-danger"
                  onClick={() => {
                    setConfirming(null);
                    void onDelete(s.id);
                  }}
                >
                  Delete
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <>
                <button
                  type="button"
                  className="my-open"
                  title={s.name}
                  onClick={() => onOpen(s.id)}
                >
                  {s.name}
                </button>
                <button
                  type="button"
                  className="my-delete"
                  aria-label={`Delete ${s.name}`}
                  title={`Delete ${s.name}`}
                  onClick={() => setConfirming(s.id)}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
