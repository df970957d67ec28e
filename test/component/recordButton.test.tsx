/**
 * "Save recording as scenario" in the live banner: a recorded session (here the rollback
 * lesson, watched as live mode watches a cluster) is downloaded as a .yaml file, kept in "My
 * scenarios" with a link that opens it in the simulator, and the notes say what the replay
 * leaves out. A recording that cannot be made a scenario says why and downloads nothing.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordButton } from '../../src/ui/live/RecordButton';
import { SimStoreProvider } from '../../src/store/SimStoreProvider';
import { savedScenarios } from '../../src/store/savedScenariosDb';
import { Session } from '../../src/sim/session/session';
import { parseScenario } from '../../src/sim/scenario/parse';
import type { Observation } from '../../src/sim/live/observation';
import { observe } from '../unit/live/observeSession';
import { catalogText, createTestSim } from '../support/simHarness';

/** The rollback lesson played to its end, as live mode would have recorded it. */
function recordedRollback(): Observation {
  const s = Session.load(catalogText('rollback'), 'rollback.yaml');
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  const recording = observe(s);
  s.advanceTo(s.scenario.duration);
  return recording();
}

const downloads: { name: string; text: Promise<string> }[] = [];

beforeEach(() => {
  downloads.length = 0;
  let blob: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    blob = b;
    return 'blob:recorded';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (this.download && blob) downloads.push({ name: this.download, text: blob.text() });
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function renderButton(getObservation: () => Observation) {
  const sim = await createTestSim('ramped');
  render(
    <SimStoreProvider store={sim.store}>
      <RecordButton getObservation={getObservation} />
    </SimStoreProvider>,
  );
}

describe('When the person saves a live recording as a scenario', () => {
  it('downloads it, keeps it in My scenarios with a link to open it, and shows the notes', async () => {
    const obs = recordedRollback();
    await renderButton(() => obs);
    await userEvent.click(screen.getByRole('button', { name: 'Save recording as scenario' }));

    const panel = await screen.findByRole('region', { name: 'Recorded scenario' });
    expect(downloads.map((d) => d.name)).toEqual([
      'recorded-default-2026-01-01t00-00-00.000z.yaml',
    ]);
    const text = await downloads[0]!.text;
    const parsed = parseScenario(text, 'recorded.yaml');
    expect(
      parsed.ok
        ? parsed.scenario.steps.map((s) => s.kind === 'kubectl' && s.command)
        : parsed.errors,
    ).toEqual([
      'set image deployment/nginx-deployment nginx=nginx:1.16.1',
      'set image deployment/nginx-deployment nginx=nginx:1.161',
      'rollout undo deployment/nginx-deployment --to-revision=2',
    ]);

    const kept = (await savedScenarios().list()).find((s) => s.text === text);
    expect(kept?.name).toBe(
      'Recorded: namespace default on https://sim.test, 2026-01-01T00:00:00.000Z',
    );
    expect(within(panel).getByRole('status')).toHaveTextContent(
      'Downloaded recorded-default-2026-01-01t00-00-00.000z.yaml and kept in My scenarios.',
    );
    expect(within(panel).getByRole('link', { name: 'Open in the simulator' })).toHaveAttribute(
      'href',
      `/#my=${kept?.id}`,
    );

    const notes = within(panel).getByRole('list', {
      name: 'What the replay leaves out or assumes',
    });
    const items = within(notes)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toContain(
      'Image nginx:1.161, measured on 1 pod: every pull failed (ErrImagePull), so the scenario marks it pullError.',
    );
    expect(
      items.some((n) => n?.startsWith('Requests are not visible through the Kubernetes API')),
    ).toBe(true);

    await userEvent.click(within(panel).getByRole('button', { name: 'Download again' }));
    expect(downloads).toHaveLength(2);
  });

  it('says why when the recording cannot be made a scenario, and downloads nothing', async () => {
    const broken = {
      ...recordedRollback(),
      initial: [{ kind: 'Deployment' }],
    } as unknown as Observation;
    await renderButton(() => broken);
    await userEvent.click(screen.getByRole('button', { name: 'Save recording as scenario' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^the recording could not be made a scenario: /,
    );
    expect(downloads).toEqual([]);
  });
});
