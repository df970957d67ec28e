/**
 * What "Convert to apps/v1" changed: a read-only unified diff of the text before and after
 * (@codemirror/merge), and the list of changes in words.
 */
import { useEffect, useRef } from 'react';
import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { unifiedMergeView } from '@codemirror/merge';

export interface Conversion {
  before: string;
  after: string;
  changes: string[];
}

export function ConversionDiff({ conversion, onDone }: { conversion: Conversion; onDone(): void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: conversion.after,
        extensions: [
          yaml(),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': 'Conversion diff' }),
          unifiedMergeView({ original: conversion.before, mergeControls: false }),
        ],
      }),
    });
    return () => view.destroy();
  }, [conversion]);
  return (
    <section className="yaml-conversion" aria-label="Conversion to apps/v1">
      <div className="yaml-conversion-head">
        <h3 className="yaml-checks-title">Converted to apps/v1</h3>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Hide the diff
        </button>
      </div>
      <ul className="yaml-changes" aria-label="Changes">
        {conversion.changes.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <div className="yaml-diff" ref={host} />
    </section>
  );
}
