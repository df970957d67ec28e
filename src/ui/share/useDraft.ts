/**
 * The editor's draft of the open scenario: what to show after a reload, and a `save` to call
 * on every change (the editor's `onTextChange`). `draft` is undefined while it is being read,
 * null when there is none.
 */
import { useCallback, useEffect, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../../store/drafts';

export interface DraftState {
  draft: string | null | undefined;
  save(text: string): void;
  clear(): void;
  /** Why the last save failed (storage full, too big), or null. */
  problem: string | null;
}

export function useDraft(key: string | null): DraftState {
  const [draft, setDraft] = useState<{ key: string | null; text: string | null | undefined }>({
    key: null,
    text: undefined,
  });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void loadDraft(key).then((text) => {
      if (live) setDraft({ key, text });
    });
    return () => {
      live = false;
    };
  }, [key]);
  const save = useCallback(
    (text: string) => {
      if (key === null) return;
      saveDraft(key, text).then(
        () => setProblem(null),
        (e: unknown) =>
          setProblem(
            `The edit is not kept in this browser: ${e instanceof Error ? e.message : String(e)}`,
          ),
      );
    },
    [key],
  );
  const clear = useCallback(() => {
    if (key !== null) void clearDraft(key).catch(() => undefined);
  }, [key]);
  return { draft: draft.key === key ? draft.text : undefined, save, clear, problem };
}
