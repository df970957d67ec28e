/**
 * The CodeMirror 6 editor of the Scenario YAML panel: YAML highlighting, the Problems as lint
 * marks on their lines, completion of kinds and modelled fields, and the accessible name outside
 * testers use (a textbox "Scenario YAML"). Only the lazily loaded panel imports this module, so
 * CodeMirror stays out of the initial bundle.
 */
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { EditorState, type Extension } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { autocompletion, type CompletionSource } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { completionsAt } from './completion';
import type { EditorSchema } from './schema';

export interface LineProblem {
  line: number | null;
  message: string;
}

function source(schema: () => EditorSchema): CompletionSource {
  return (ctx) => {
    const offers = completionsAt(ctx.state.doc.toString(), ctx.pos, schema());
    return offers ? { from: offers.from, options: offers.options, validFor: /^[\w./-]*$/ } : null;
  };
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: 'var(--bg)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-tooltip': { fontSize: '13px' },
});

export interface YamlViewOptions {
  parent: HTMLElement;
  text: string;
  onChange(text: string): void;
  schema(): EditorSchema;
  /** Dark or light, as the page is. */
  extra?: Extension[];
}

export function createYamlView(o: YamlViewOptions): EditorView {
  return new EditorView({
    parent: o.parent,
    state: EditorState.create({
      doc: o.text,
      extensions: [
        basicSetup,
        yaml(),
        autocompletion({ override: [source(o.schema)] }),
        lintGutter(),
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          role: 'textbox',
          'aria-label': 'Scenario YAML',
          'aria-multiline': 'true',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) o.onChange(u.state.doc.toString());
        }),
        ...(o.extra ?? []),
      ],
    }),
  });
}

/** Replaces the whole text (an import, a conversion): one undoable change. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** The Problems with a line, as lint marks on that line. */
export function showProblems(view: EditorView, problems: LineProblem[]): void {
  const doc = view.state.doc;
  const diagnostics: Diagnostic[] = problems
    .filter(
      (p): p is { line: number; message: string } =>
        p.line !== null && p.line >= 1 && p.line <= doc.lines,
    )
    .map((p) => {
      const line = doc.line(p.line);
      return { from: line.from, to: line.to, severity: 'error', message: p.message };
    });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
