/**
 * The plugin's verbs as buttons: each sends its command line through the console, so the
 * history shows exactly what was run, and each is enabled only when it would do something
 * (RolloutView.actions). "Set image" starts the next update the way the demo does.
 */
import { useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import type { RolloutView } from '../../sim/view/rolloutView';
import {
  abortCommand,
  nextRolloutImage,
  promoteCommand,
  promoteFullCommand,
  retryCommand,
  setImageCommand,
} from './rolloutCommands';

export function RolloutActions({ view }: { view: RolloutView }) {
  const store = useSimStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (line: string) => {
    setBusy(true);
    try {
      const r = await store.getState().exec(line);
      setError(r.exitCode === 0 ? null : r.output.trim());
    } finally {
      setBusy(false);
    }
  };
  const { name, actions } = view;
  const container = view.containers[0];
  const next = container?.image ? nextRolloutImage(container.image) : null;
  const paused = view.status === 'Paused';
  return (
    <div className="ro-actions">
      <div className="ro-buttons" role="group" aria-label="Rollout actions">
        <button
          type="button"
          className={`btn btn-sm${paused ? ' btn-primary' : ''}`}
          disabled={busy || !actions.promote}
          title={promoteCommand(name)}
          onClick={() => run(promoteCommand(name))}
        >
          Promote
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={busy || !actions.promoteFull}
          title={promoteFullCommand(name)}
          onClick={() => run(promoteFullCommand(name))}
        >
          Promote full
        </button>
        <button
          type="button"
          className="btn btn-sm btn-danger"
          disabled={busy || !actions.abort}
          title={abortCommand(name)}
          onClick={() => run(abortCommand(name))}
        >
          Abort
        </button>
        <button
          type="button"
          className={`btn btn-sm${actions.retry ? ' btn-primary' : ''}`}
          disabled={busy || !actions.retry}
          title={retryCommand(name)}
          onClick={() => run(retryCommand(name))}
        >
          Retry
        </button>
      </div>
      {container && next && (
        <div className="deploy-row ro-set-image">
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy}
            title={setImageCommand(name, container.name, next)}
            onClick={() => run(setImageCommand(name, container.name, next))}
          >
            Set image
          </button>
          <span className="deploy-next" title={next}>
            → {next.slice(next.lastIndexOf('/') + 1)}
          </span>
        </div>
      )}
      {error && <p className="edit-error">{error}</p>}
    </div>
  );
}
