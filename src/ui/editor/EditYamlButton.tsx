/** The top bar's "Edit YAML": opens the running scenario's text in the Scenario YAML panel. */
import { useSim } from '../../store/SimStoreProvider';
import { openEditor, useEditorRequest } from './editorRequest';
import './editYamlButton.css';

export function EditYamlButton() {
  const hasText = useSim((s) => s.scenarioText !== null);
  const open = useEditorRequest() !== null;
  return (
    <button
      type="button"
      className="btn edit-yaml-button"
      aria-expanded={open}
      disabled={!hasText}
      onClick={() => openEditor({ mode: 'scenario' })}
    >
      Edit YAML
    </button>
  );
}
