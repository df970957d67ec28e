/**
 * Opening a link whose actions change the cluster: the app asks first, lists the actions with
 * their times, and "Open without them" (or Escape) opens the scenario at the link's time with
 * none of them replayed. Read-only or world-only actions open without asking.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogPath, catalogText } from '../support/catalog';
import { createTestSim } from '../support/simHarness';
import { renderWithSim } from '../support/ui';
import { App } from '../../src/ui/App';
import { encodeActions } from '../../src/store/url';
import type { UserAction } from '../../src/worker/protocol';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

async function openLink(actions: UserAction[]) {
  vi.stubGlobal('fetch', async (url: string) => {
    const body = readFileSync(catalogPath(String(url).replace(/^.*scenarios\//, '')), 'utf8');
    return { ok: true, status: 200, text: async () => body };
  });
  window.history.replaceState(null, '', `/?scenario=ramped&t=4&a=${await encodeActions(actions)}`);
  const sim = await createTestSim(catalogText('ramped'));
  renderWithSim(sim, <App />);
  return sim;
}

const loaded = (sim: Awaited<ReturnType<typeof openLink>>) =>
  waitFor(() => {
    const s = sim.store.getState();
    expect(s.status === 'ready' && s.scenarioId === 'ramped').toBe(true);
  });

describe('A link that changes the cluster', { timeout: 20_000 }, () => {
  const actions: UserAction[] = [
    { t: 1000, kind: 'kubectl', line: 'scale deployment/web --replicas=6' },
    { t: 2000, kind: 'kubectl', line: 'set image deployment/web nginx=nginx:1.27' },
  ];

  it('lists the actions and opens without them when asked to', async () => {
    const sim = await openLink(actions);
    const dialog = await screen.findByRole('dialog', { name: 'Replay actions from this link?' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '0:01kubectl scale deployment/web --replicas=6',
      '0:02kubectl set image deployment/web nginx=nginx:1.27',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Open without them' })).toHaveFocus();
    await userEvent
      .setup()
      .click(within(dialog).getByRole('button', { name: 'Open without them' }));
    await loaded(sim);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await sim.api.actions()).toEqual([]);
    expect(sim.store.getState().frame?.t).toBe(4000);
  });

  it('replays them when asked to', async () => {
    const sim = await openLink(actions);
    const dialog = await screen.findByRole('dialog', { name: 'Replay actions from this link?' });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Replay 2 actions' }));
    await loaded(sim);
    expect(await sim.api.actions()).toEqual(actions);
  });

  it('treats Escape as "Open without them"', async () => {
    const sim = await openLink(actions);
    await screen.findByRole('dialog', { name: 'Replay actions from this link?' });
    await userEvent.setup().keyboard('{Escape}');
    await loaded(sim);
    expect(await sim.api.actions()).toEqual([]);
  });

  it('does not ask for traffic and start-time changes', async () => {
    const world: UserAction[] = [
      { t: 1000, kind: 'traffic', patch: { rps: 40 } },
      { t: 2000, kind: 'startTime', ms: 3000 },
    ];
    const sim = await openLink(world);
    await loaded(sim);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await sim.api.actions()).toEqual(world);
  });
});
