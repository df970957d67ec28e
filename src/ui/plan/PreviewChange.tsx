/**
 * "Preview a change" in the side panel: paste a Deployment or Rollout manifest and see the
 * rollout plan of applying it to the running cluster, before anything is applied. (The editor's
 * Apply button mounts the same RolloutPlanPanel beside it.) Nothing is planned while it is closed.
 */
import { useState } from 'react';
import { RolloutPlanPanel } from './RolloutPlanPanel';
import './rolloutPlan.css';

export function PreviewChange() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  return (
    <details className="panel preview-change" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Preview a change</summary>
      {open && (
        <div className="preview-change-body">
          <label className="preview-change-label" htmlFor="preview-change-text">
            Manifest to preview
          </label>
          <textarea
            id="preview-change-text"
            className="preview-change-text"
            spellCheck={false}
            rows={8}
            value={text}
            placeholder={'apiVersion: apps/v1\nkind: Deployment\n…'}
            onChange={(e) => setText(e.target.value)}
          />
          <RolloutPlanPanel text={text} />
        </div>
      )}
    </details>
  );
}
