/**
 * The Scenario YAML panel as the page mounts it, connected to the rest of the lab: completion
 * from the fields the simulator models, the Rollout plan beside Apply, drafts kept in the
 * browser (a reload never loses an edit: an unfinished one reopens the panel), and Run from
 * start opening the text as one of "My scenarios".
 */
import { useEffect, useRef, useState } from 'react';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import type { ScenarioChoice } from '../controls/useScenario';
import { useDraft } from '../share/useDraft';
import { RolloutPlanPanel } from '../plan/RolloutPlanPanel';
import { ScenarioYamlHost } from './ScenarioYamlHost';
import { keepDraft, openEditor, useEditorRequest } from './editorRequest';
import { BASE_SCHEMA } from './baseSchema';
import { mergeSchema } from './mergeSchema';
import type { EditorSchema } from './schema';

/** A name for the list until the scenario loads and its title replaces it. */
const UNTITLED = 'My scenario';

export function LabYamlHost({ scenario }: { scenario: ScenarioChoice }) {
  const store = useSimStore();
  const base = useSim((s) => s.scenarioText);
  const request = useEditorRequest();
  const draft = useDraft(scenario.draftKey);
  const [schema, setSchema] = useState<EditorSchema | null>(null);
  const restored = useRef<string | null>(null);

  // The modelled fields, asked for once the panel first opens.
  useEffect(() => {
    if (!request || schema) return;
    let live = true;
    void store
      .getState()
      .fieldSchema()
      .then((modelled) => {
        if (live) setSchema(mergeSchema(modelled, BASE_SCHEMA));
      });
    return () => {
      live = false;
    };
  }, [request, schema, store]);

  // After a reload: an edit that differs from the scenario's text comes back, in the panel.
  useEffect(() => {
    const key = scenario.draftKey;
    if (key === null || base === null || typeof draft.draft !== 'string') return;
    if (restored.current === key) return;
    restored.current = key;
    if (draft.draft !== base) {
      keepDraft(base, draft.draft);
      openEditor({ mode: 'scenario' });
    }
  }, [scenario.draftKey, base, draft.draft]);

  return (
    <ScenarioYamlHost
      {...(schema ? { schema } : {})}
      planSlot={(text) => <RolloutPlanPanel text={text} />}
      onTextChange={draft.save}
      openCustom={async (text) => {
        draft.clear();
        await scenario.openCustom(
          text,
          scenario.custom?.name ?? UNTITLED,
          scenario.custom?.savedId,
        );
      }}
    />
  );
}
