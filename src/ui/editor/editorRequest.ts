/**
 * Whether the Scenario YAML panel is open, and on what: the running scenario's text ("Edit
 * YAML"), or an object `kubectl edit` opened from the console. One per page; the element that
 * opened it gets the focus back when it closes.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type EditorRequest =
  | { mode: 'scenario' }
  | {
      mode: 'edit';
      /** The `edit …` line typed (without `kubectl`). */
      line: string;
      /** kubectl's file: header and object, as opened. */
      text: string;
    };

interface EditorRequestState {
  request: EditorRequest | null;
  /** Where the focus goes back to on close. */
  opener: HTMLElement | null;
  /**
   * The text last edited over the running scenario's (`base`): closing the panel never loses
   * it, and reopening over the same scenario brings it back.
   */
  draft: { base: string; text: string } | null;
}

export const editorRequests = createStore<EditorRequestState>()(() => ({
  request: null,
  opener: null,
  draft: null,
}));

/** The text to open over the running scenario's `base`: the person's own edit of it, if any. */
export function textToOpen(base: string): string {
  const d = editorRequests.getState().draft;
  return d && d.base === base ? d.text : base;
}

export function keepDraft(base: string, text: string): void {
  editorRequests.setState({ draft: { base, text } });
}

export function openEditor(request: EditorRequest): void {
  const active = typeof document !== 'undefined' ? document.activeElement : null;
  editorRequests.setState({
    request,
    opener: active instanceof HTMLElement && active !== document.body ? active : null,
  });
}

export function closeEditor(): void {
  const { opener } = editorRequests.getState();
  editorRequests.setState({ request: null, opener: null });
  // After React has removed the panel, so the focus is not lost with it.
  setTimeout(() => opener?.focus(), 0);
}

export function useEditorRequest(): EditorRequest | null {
  return useStore(editorRequests, (s) => s.request);
}

/** A console line that is `kubectl edit …` (flags before the verb skipped, as cobra does). */
export function isEditLine(line: string): boolean {
  const words = line
    .trim()
    .replace(/^kubectl\s+/, '')
    .split(/\s+/)
    .filter((w) => w && !w.startsWith('-'));
  return words[0] === 'edit';
}
