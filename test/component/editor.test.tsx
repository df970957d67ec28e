/**
 * The Scenario YAML panel against the real engine in-process: it opens on the running
 * scenario's text, shows the check's Problems as "line N: message" (and marks the line), keeps
 * an invalid text, applies to the running cluster, shows "Convert to apps/v1" when the check
 * says the text can be converted (the converter is faked here: it is another branch's), and
 * closes on Escape with the focus back on "Edit YAML".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@codemirror/view';
import { createTestSim, catalogText } from '../support/simHarness';
import { renderWithSim } from '../support/ui';
import { createSimStore } from '../../src/store/createSimStore';
import { SimStoreProvider } from '../../src/store/SimStoreProvider';
import type { CheckResult, SimApi } from '../../src/worker/protocol';
import ScenarioYamlPanel from '../../src/ui/editor/ScenarioYamlPanel';
import { EditYamlButton } from '../../src/ui/editor/EditYamlButton';
import { ScenarioYamlHost } from '../../src/ui/editor/ScenarioYamlHost';
import { closeEditor, editorRequests } from '../../src/ui/editor/editorRequest';

// jsdom lays nothing out; CodeMirror measures text ranges all the same.
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

afterEach(() => {
  cleanup();
  editorRequests.setState({ request: null, opener: null, draft: null });
});

const editorView = () =>
  EditorView.findFromDOM(screen.getByRole('textbox', { name: 'Scenario YAML' }))!;

/** Replaces the editor's whole text, as a paste does. */
function paste(text: string) {
  const v = editorView();
  act(() => v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } }));
}

const RETIRED = `apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: web
        image: nginx:1.7.9
`;

// Each test loads the real engine and a CodeMirror view into jsdom: seconds on a busy machine.
describe('The Scenario YAML panel', { timeout: 20_000 }, () => {
  it('opens on the running scenario and applies an edit to the running cluster', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    renderWithSim(sim, <ScenarioYamlPanel request={{ mode: 'scenario' }} />);
    expect(editorView().state.doc.toString()).toBe(catalogText('ramped'));
    paste(catalogText('ramped').replace('image: nginx:1.26', 'image: nginx:1.25'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'deployment.apps/web configured service/web unchanged',
    );
    expect(sim.store.getState().console.at(-1)?.line).toBe('apply -f ramped.yaml');
  });

  it('lists the Problems by line, marks the line, and keeps the text it refuses to run', async () => {
    const sim = await createTestSim('ramped');
    const invalid = catalogText('ramped').replace('replicas: 3', 'replicas: -3');
    const check = vi.fn(async (): Promise<CheckResult> => ({
      ok: false,
      problems: [
        {
          line: 11,
          message: 'spec.replicas: Invalid value: -3: must be greater than or equal to 0',
        },
      ],
      ignored: [
        { line: 24, path: 'spec.template.spec.containers[0].ports', what: 'not simulated' },
      ],
      notes: ['No traffic: add a Service.'],
      convertible: false,
    }));
    const store = createSimStore({ ...sim.api, check } as SimApi);
    await store.getState().load('ramped', catalogText('ramped'));
    render(
      <SimStoreProvider store={store}>
        <ScenarioYamlPanel request={{ mode: 'scenario' }} />
      </SimStoreProvider>,
    );
    paste(invalid);
    const problems = await screen.findByRole('list', { name: 'Problems' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['line 11: spec.replicas: Invalid value: -3: must be greater than or equal to 0']);
    expect(screen.getByRole('list', { name: 'Ignored' })).toHaveTextContent(
      'line 24: spec.template.spec.containers[0].ports — not simulated',
    );
    expect(screen.getByRole('list', { name: 'Notes' })).toHaveTextContent(
      'No traffic: add a Service.',
    );
    // The lint mark sits on line 11.
    await waitFor(() => {
      const marked = document.querySelector('.cm-lintRange-error');
      expect(marked?.closest('.cm-line')?.textContent).toBe('  replicas: -3');
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Run from start' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The running scenario is unchanged.',
    );
    expect(editorView().state.doc.toString()).toBe(invalid);
    expect(store.getState().scenarioText).toBe(catalogText('ramped'));
  });

  it('offers "Convert to apps/v1" for a retired apiVersion and shows what changed', async () => {
    const sim = await createTestSim('ramped');
    const converted = RETIRED.replace('apps/v1beta1', 'apps/v1');
    const check = vi.fn(async (text: string): Promise<CheckResult> =>
      text.includes('apps/v1beta1')
        ? {
            ok: false,
            problems: [
              { line: 1, message: 'no matches for kind "Deployment" in version "apps/v1beta1"' },
            ],
            ignored: [],
            notes: [],
            convertible: true,
          }
        : { ok: true, problems: [], ignored: [], notes: [], convertible: false },
    );
    const convert = vi.fn(async () => ({
      text: converted,
      changes: [
        'apiVersion: apps/v1beta1 → apps/v1',
        'spec.selector.matchLabels from the template labels',
      ],
    }));
    const store = createSimStore({ ...sim.api, check, convert } as SimApi);
    await store.getState().load('ramped', catalogText('ramped'));
    render(
      <SimStoreProvider store={store}>
        <ScenarioYamlPanel request={{ mode: 'scenario' }} />
      </SimStoreProvider>,
    );
    paste(RETIRED);
    const button = await screen.findByRole('button', { name: 'Convert to apps/v1' });
    expect(await screen.findByRole('list', { name: 'Problems' })).toHaveTextContent(
      'line 1: no matches for kind "Deployment" in version "apps/v1beta1"',
    );
    await userEvent.setup().click(button);
    expect(convert).toHaveBeenCalledWith(RETIRED);
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(converted));
    const diff = screen.getByRole('region', { name: 'Conversion to apps/v1' });
    expect(within(diff).getByRole('list', { name: 'Changes' })).toHaveTextContent(
      'spec.selector.matchLabels from the template labels',
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Convert to apps/v1' })).toBeNull(),
    );
  });

  it('takes a file dropped on the panel, and keeps its text when a file is too big', async () => {
    const sim = await createTestSim('ramped');
    renderWithSim(sim, <ScenarioYamlPanel request={{ mode: 'scenario' }} />);
    const region = screen.getByRole('region', { name: 'Scenario YAML' });
    const file = new File([RETIRED], 'old.yaml', { type: 'application/yaml' });
    fireEvent.drop(region, { dataTransfer: { files: [file], types: ['Files'] } });
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(RETIRED));
    const huge = new File(['x'], 'huge.yaml');
    Object.defineProperty(huge, 'size', { value: 3 * 1024 * 1024 });
    fireEvent.drop(region, { dataTransfer: { files: [huge], types: ['Files'] } });
    expect(await screen.findByRole('status')).toHaveTextContent(
      '"huge.yaml" is 3.0 MB; the editor opens files up to 2.0 MB. Nothing was changed.',
    );
    expect(editorView().state.doc.toString()).toBe(RETIRED);
  });

  it('hands every change to onTextChange and the text to the plan slot', async () => {
    const sim = await createTestSim('ramped');
    const changes: string[] = [];
    renderWithSim(
      sim,
      <ScenarioYamlPanel
        request={{ mode: 'scenario' }}
        onTextChange={(t) => changes.push(t)}
        planSlot={(t) => <p>plan of {t.length} characters</p>}
      />,
    );
    paste('kind: Deployment\n');
    expect(changes).toEqual(['kind: Deployment\n']);
    expect(screen.getByText('plan of 17 characters')).toBeInTheDocument();
  });

  it('opens from "Edit YAML", closes on Escape and gives the focus back', async () => {
    const sim = await createTestSim('ramped');
    const user = userEvent.setup();
    renderWithSim(
      sim,
      <>
        <EditYamlButton />
        <ScenarioYamlHost />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Edit YAML' }));
    const box = await screen.findByRole('textbox', { name: 'Scenario YAML' }, { timeout: 15_000 });
    expect(screen.getByRole('region', { name: 'Scenario YAML' })).toBeInTheDocument();
    await waitFor(() => expect(box).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Scenario YAML' })).toBeNull());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit YAML' })).toHaveFocus());
    // An unfinished edit is still there when the panel opens again.
    await user.click(screen.getByRole('button', { name: 'Edit YAML' }));
    await screen.findByRole('textbox', { name: 'Scenario YAML' });
    expect(editorView().state.doc.toString()).toBe(catalogText('ramped'));
    paste('kind: Deployment\n');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Scenario YAML' })).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Edit YAML' }));
    await screen.findByRole('textbox', { name: 'Scenario YAML' });
    expect(editorView().state.doc.toString()).toBe('kind: Deployment\n');
    closeEditor();
  });
});
