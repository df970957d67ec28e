/**
 * The Scenario YAML panel (loaded lazily, with CodeMirror): the running scenario's text or the
 * object `kubectl edit` opened, checked as the person types, and two ways to use it — Apply
 * (`kubectl apply` to the running cluster, or the edit saved) and Run from start (the text as
 * the scenario from t = 0). An invalid text is never applied or loaded, and is never lost: it
 * stays in the editor with its Problems. Escape or Close shuts the panel and gives the focus
 * back to what opened it.
 */
import {
  useEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { EditorView } from '@codemirror/view';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import type { CommandResult, Problem } from '../../store/createSimStore';
import { createYamlView, replaceText, showProblems } from './createYamlView';
import { closeEditor, keepDraft, textToOpen, type EditorRequest } from './editorRequest';
import { useCheck } from './useCheck';
import { allProblems, CheckLists } from './CheckLists';
import { ConversionDiff, type Conversion } from './ConversionDiff';
import { readTextFile } from './readDroppedFile';
import { runFromStart, type OpenCustom } from './runFromStart';
import type { EditorSchema } from './schema';
import { BASE_SCHEMA } from './baseSchema';
import './editor.css';

export interface ScenarioYamlPanelProps {
  request: EditorRequest;
  /** The fields the simulator models, for completion (BASE_SCHEMA until it is handed in). */
  schema?: EditorSchema;
  /** Shown beside Apply: what the text's rollout will do (the Rollout plan). */
  planSlot?: (text: string) => ReactNode;
  /** Every change of the text (drafts are kept from here). */
  onTextChange?: (text: string) => void;
  /** Opens the text as the person's own scenario (saved, with its own address). */
  openCustom?: OpenCustom;
}

type Outcome = { output: string; ok: boolean } | null;

export default function ScenarioYamlPanel({
  request,
  schema = BASE_SCHEMA,
  planSlot,
  onTextChange,
  openCustom,
}: ScenarioYamlPanelProps) {
  const store = useSimStore();
  const scenarioId = useSim((s) => s.scenarioId);
  const editing = request.mode === 'edit' ? request : null;
  // The running scenario's text, or the person's unfinished edit of it (kept across closing).
  const [base] = useState(() => store.getState().scenarioText ?? '');
  const [initial] = useState(() => (editing ? editing.text : textToOpen(base)));
  const [text, setText] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [extra, setExtra] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [conversion, setConversion] = useState<Conversion | null>(null);
  const [dragging, setDragging] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const changed = useRef(onTextChange);
  changed.current = onTextChange;
  const saved = useRef(false);
  // kubectl edit's file is not a draft of the scenario.
  const draftOver = useRef(editing ? null : base);

  const fileName = `${scenarioId ?? 'scenario'}.yaml`;
  // kubectl edit's file is checked when saved, as kubectl does (its problems come from the save).
  const check = useCheck(text, fileName, !editing);

  useEffect(() => {
    if (!host.current) return;
    const v = createYamlView({
      parent: host.current,
      text: initial,
      schema: () => schemaRef.current,
      onChange: (t) => {
        setText(t);
        setExtra([]);
        // kubectl edit's file is not a draft of the scenario: only the scenario's text is kept.
        if (draftOver.current !== null) {
          keepDraft(draftOver.current, t);
          changed.current?.(t);
        }
      },
    });
    view.current = v;
    v.focus();
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [initial]);

  useEffect(() => {
    if (view.current) showProblems(view.current, allProblems(extra, check));
  }, [check, extra]);

  const close = async () => {
    // Closing kubectl's editor without saving: kubectl says the edit was cancelled.
    if (editing && !saved.current)
      await store.getState().saveEdit(editing.line, editing.text, editing.text);
    closeEditor();
  };

  const show = (r: CommandResult) => setOutcome({ output: r.output, ok: r.exitCode === 0 });

  const apply = async () => {
    setBusy(true);
    try {
      if (editing) {
        const r = await store.getState().saveEdit(editing.line, editing.text, text);
        show(r);
        if (r.exitCode !== 0) setExtra([{ line: null, message: r.output.trim() }]);
        else {
          saved.current = true;
          closeEditor();
        }
      } else show(await store.getState().applyText(text));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    setBusy(true);
    try {
      const r = await store.getState().check(text, fileName);
      if (!r.ok) {
        setOutcome({
          ok: false,
          output: `Not loaded: the text has ${r.problems.length === 1 ? 'a problem' : `${r.problems.length} problems`} (see Problems). The running scenario is unchanged.`,
        });
        setExtra(r.problems);
        return;
      }
      await runFromStart(store, text, openCustom);
      const s = store.getState();
      setOutcome(
        s.status === 'ready'
          ? { ok: true, output: 'Loaded from t = 0 and playing.' }
          : { ok: false, output: s.errors.join('\n') },
      );
    } finally {
      setBusy(false);
    }
  };

  const convert = async () => {
    const before = text;
    const r = await store.getState().convert(before);
    if (!r || !view.current) return;
    replaceText(view.current, r.text);
    setConversion({ before, after: r.text, changes: r.changes });
  };

  const bringIn = async (file: File | undefined) => {
    if (!file) return;
    const r = await readTextFile(file);
    if ('error' in r) setOutcome({ ok: false, output: r.error });
    else if (view.current) {
      replaceText(view.current, r.text);
      setOutcome({ ok: true, output: `Imported "${file.name}".` });
    }
  };

  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    setDragging(false);
    void bringIn(e.dataTransfer.files[0]);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // The app's shortcuts (space plays) stay out of the editor; Escape closes unless CodeMirror
    // used it (closing its completion list).
    e.stopPropagation();
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      void close();
    }
  };

  const title = editing ? `kubectl ${editing.line.trim()}` : 'Scenario YAML';
  return (
    <section
      className={`yaml-panel${dragging ? ' yaml-dragging' : ''}`}
      role="region"
      aria-label="Scenario YAML"
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="yaml-head">
        <h2 className="yaml-title">{title}</h2>
        {!editing && (
          <label className="btn yaml-import">
            Import YAML file
            <input
              type="file"
              accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain"
              aria-label="Import YAML file"
              onChange={(e) => {
                void bringIn(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
          </label>
        )}
        <button type="button" className="btn btn-ghost" onClick={() => void close()}>
          Close
        </button>
      </header>
      <p className="yaml-hint">
        {editing
          ? 'Apply saves the object as kubectl edit does; Close cancels the edit.'
          : 'Paste, type, import or drop manifests. Apply sends them to the running cluster (kubectl apply); Run from start plays them from t = 0.'}
      </p>
      <div className="yaml-editor" ref={host} />
      <div className="yaml-actions">
        {check?.convertible && (
          <button type="button" className="btn" onClick={() => void convert()}>
            Convert to apps/v1
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void apply()}
        >
          Apply
        </button>
        {!editing && (
          <button type="button" className="btn" disabled={busy} onClick={() => void run()}>
            Run from start
          </button>
        )}
      </div>
      {planSlot && <div className="yaml-plan">{planSlot(text)}</div>}
      {outcome && (
        <pre className={`yaml-outcome${outcome.ok ? '' : ' yaml-outcome-error'}`} role="status">
          {outcome.output}
        </pre>
      )}
      {conversion && <ConversionDiff conversion={conversion} onDone={() => setConversion(null)} />}
      {/* kubectl edit's file is checked when it is saved: its problems come back then. */}
      {(!editing || extra.length > 0) && <CheckLists check={check} extra={extra} />}
    </section>
  );
}
