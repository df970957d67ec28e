/**
 * A kubectl prompt over the simulated cluster. Output is shown exactly as kubectl prints it;
 * failures in red. A failed line stays in the input so a typo can be fixed, not retyped.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { ConsoleTranscript } from './ConsoleTranscript';
import { useCommandHistory } from './useCommandHistory';
import { isEditLine, openEditor } from '../editor/editorRequest';
import './console.css';

/** People type the prompt's word too; kubectl itself would not see it. */
function stripKubectl(line: string): string {
  return line.replace(/^\s*kubectl(\s+|$)/, '');
}

export function KubectlConsole() {
  const store = useSimStore();
  const entries = useSim((s) => s.console);
  const ready = useSim((s) => s.status === 'ready');
  const [line, setLine] = useState('');
  const [running, setRunning] = useState(false);
  const history = useCommandHistory();
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  const run = async () => {
    const typed = line;
    if (!typed.trim() || running) return;
    history.push(typed);
    setRunning(true);
    try {
      // `kubectl edit` opens the object in the Scenario YAML panel; the save prints here.
      if (isEditLine(typed)) {
        const line = stripKubectl(typed);
        const opened = await store.getState().openEdit(line);
        if (opened.ok) {
          setLine((now) => (now === typed ? '' : now));
          openEditor({ mode: 'edit', line, text: opened.text });
        }
        return;
      }
      const r = await store.getState().exec(stripKubectl(typed));
      // Keep the text when kubectl refused it; clear it only if nothing new was typed meanwhile.
      if (r.exitCode === 0) setLine((now) => (now === typed ? '' : now));
    } finally {
      setRunning(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    if (e.key === 'Enter') {
      e.preventDefault();
      void run();
    } else if (
      e.ctrlKey &&
      e.key.toLowerCase() === 'c' &&
      input.selectionStart === input.selectionEnd
    ) {
      // As in a terminal: Ctrl-C without a selection abandons the line and stops what runs.
      e.preventDefault();
      setLine('');
      void store.getState().interrupt();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const next = history.move(e.key === 'ArrowUp' ? -1 : 1, line);
      if (next !== null) {
        e.preventDefault();
        setLine(next);
      }
    }
  };

  return (
    <section className="console" aria-label="kubectl console">
      <div className="console-scroll" ref={scroller}>
        {entries.length === 0 && (
          <p className="console-hint">
            Try <code>get rs</code>, <code>get pods</code>, <code>describe deployment web</code>,{' '}
            <code>rollout history deployment/web</code> or{' '}
            <code>set image deployment/web web=nginx:1.28</code>. ↑ and ↓ recall earlier lines;
            Ctrl-C stops a command still running.
          </p>
        )}
        <ConsoleTranscript entries={entries} />
      </div>
      <form
        className="console-prompt"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <span className="prompt" aria-hidden="true">
          $ kubectl
        </span>
        <input
          className="console-input"
          aria-label="kubectl"
          value={line}
          disabled={!ready}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder="get pods"
          onChange={(e) => setLine(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </form>
    </section>
  );
}
