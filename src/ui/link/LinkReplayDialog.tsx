/**
 * Before a link's actions change the cluster, the person sees them (time and command) and
 * chooses: replay them, or open the scenario without them. A modal dialog: focus starts on the
 * choice that changes nothing, stays inside, and Escape means "Open without them".
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { UserAction } from '../../sim/session/userAction';
import { actionText, changesCluster } from '../../store/linkActions';
import { formatAt } from '../controls/formatClock';
import './linkReplay.css';

export interface LinkReplayDialogProps {
  /** The scenario's title (or id) the link opens. */
  scenario: string;
  actions: UserAction[];
  onReplay(): void;
  onSkip(): void;
}

export function LinkReplayDialog({ scenario, actions, onReplay, onSkip }: LinkReplayDialogProps) {
  const titleId = useId();
  const descId = useId();
  const box = useRef<HTMLDivElement>(null);
  const skip = useRef<HTMLButtonElement>(null);
  const changing = actions.filter(changesCluster).length;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    skip.current?.focus();
    return () => before?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    // The app's shortcuts (space plays, → steps) wait until the question is answered.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onSkip();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>('button, [tabindex="0"]'),
    ].filter((el) => !el.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const n = actions.length;
  return (
    <div className="replay-backdrop">
      <div
        ref={box}
        className="replay-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="replay-title">
          Replay actions from this link?
        </h2>
        <p id={descId} className="replay-text">
          This link opens <strong>{scenario}</strong> with {n === 1 ? 'an action' : `${n} actions`}{' '}
          someone took.{' '}
          {changing === n
            ? n === 1
              ? 'It changes the cluster.'
              : 'They change the cluster.'
            : `${changing} of them (shaded) change the cluster.`}{' '}
          Replayed, they run at the simulated times shown.
        </p>
        <ol className="replay-list" aria-label="Actions in this link" tabIndex={0}>
          {actions.map((a, i) => (
            <li key={i} className={changesCluster(a) ? 'is-change' : undefined}>
              <span className="replay-time">{formatAt(a.t)}</span>
              <code className="replay-action">{actionText(a)}</code>
            </li>
          ))}
        </ol>
        <div className="replay-buttons">
          <button ref={skip} type="button" className="btn" onClick={onSkip}>
            Open without them
          </button>
          <button type="button" className="btn btn-primary" onClick={onReplay}>
            {n === 1 ? 'Replay 1 action' : `Replay ${n} actions`}
          </button>
        </div>
      </div>
    </div>
  );
}
