/**
 * Where the Scenario YAML panel appears when it is open. The panel (and CodeMirror with it) is
 * a separate chunk, fetched the first time it opens: the initial page does not carry it.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useEditorRequest } from './editorRequest';
import type { EditorSchema } from './schema';
import type { OpenCustom } from './runFromStart';

const ScenarioYamlPanel = lazy(() => import('./ScenarioYamlPanel'));

export interface ScenarioYamlHostProps {
  /** The fields the simulator models, for completion (the panel has its own until then). */
  schema?: EditorSchema;
  planSlot?: (text: string) => ReactNode;
  onTextChange?: (text: string) => void;
  openCustom?: OpenCustom;
}

export function ScenarioYamlHost({
  schema,
  planSlot,
  onTextChange,
  openCustom,
}: ScenarioYamlHostProps) {
  const request = useEditorRequest();
  if (!request) return null;
  const key = request.mode === 'edit' ? `edit:${request.line}:${request.text.length}` : 'scenario';
  return (
    <Suspense
      fallback={
        <section className="yaml-panel" role="region" aria-label="Scenario YAML" aria-busy="true">
          <p className="yaml-hint">Loading the editor…</p>
        </section>
      }
    >
      <ScenarioYamlPanel
        key={key}
        request={request}
        {...(schema ? { schema } : {})}
        {...(planSlot ? { planSlot } : {})}
        {...(onTextChange ? { onTextChange } : {})}
        {...(openCustom ? { openCustom } : {})}
      />
    </Suspense>
  );
}
