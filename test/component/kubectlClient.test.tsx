/**
 * The legacy `kubectl rolling-update` as a learner sees it: the client drawn on the stage with
 * its next action and its countdown, what Ctrl-C leaves, and the two ReplicationControllers in
 * the side panel — all from the real engine's frames.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Stage } from '../../src/ui/stage/Stage';
import { DeploymentPanel } from '../../src/ui/controls/DeploymentPanel';
import type { TestSim } from '../support/simHarness';
import { renderWithSim, scenarioAt, seek } from '../support/ui';

afterEach(cleanup);

function renderApp(sim: TestSim) {
  return renderWithSim(
    sim,
    <>
      <Stage />
      <DeploymentPanel />
    </>,
  );
}

const client = () =>
  within(screen.getByRole('region', { name: 'Cluster' })).getByRole('group', {
    name: 'kubectl rolling-update client',
  });

describe('While kubectl rolling-update sleeps between scaling up and down', () => {
  it('draws the client with what it scales next, to what, and in how long', async () => {
    const sim = await scenarioAt('legacy-rolling-update', 16);
    renderApp(sim);
    const c = client();
    expect(c).toHaveTextContent('running');
    expect(c).toHaveTextContent(
      '$ kubectl rolling-update frontend --image=nginx:1.27 --update-period=10s',
    );
    expect(c).toHaveTextContent(/Now\s*sleeping 10s \(--update-period\)/);
    expect(c).toHaveTextContent(/Next\s*scale frontend down 3 → 2 in 7\.0 s/);
    const rcs = within(c).getByRole('list', { name: 'Controllers it drives' });
    expect(
      within(rcs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'oldfrontendnginx:1.263',
      expect.stringMatching(/^newfrontend-[0-9a-f]{32}nginx:1\.271 of 3$/),
    ]);
    // The scale-down it announced happens when it said: frontend goes to 2 at 0:23.
    await seek(sim, 23.5);
    expect(client()).toHaveTextContent(/oldfrontendnginx:1\.262/);
  });

  it('shows the two ReplicationControllers in the side panel, owned by no controller', async () => {
    renderApp(await scenarioAt('legacy-rolling-update', 16));
    const panel = screen.getByRole('complementary', { name: 'Controls' });
    expect(within(panel).queryByText('This scenario has no Deployment.')).toBeNull();
    const rcs = within(panel).getByRole('region', { name: 'ReplicationControllers' });
    const old = within(rcs).getByRole('listitem', { name: 'ReplicationController frontend' });
    expect(old).toHaveTextContent('rc/frontend');
    expect(old).toHaveTextContent('nginx:1.26');
    expect(old).toHaveTextContent(/desired\s*3\s*current\s*3\s*ready\s*3/);
    expect(old).toHaveTextContent('Not owned by any controller');
    expect(old).toHaveTextContent('Now kubectl rolling-update scales it down');
    const next = within(rcs).getByRole('listitem', {
      name: /^ReplicationController frontend-[0-9a-f]{32}$/,
    });
    expect(next).toHaveTextContent('nginx:1.27');
    expect(next).toHaveTextContent(/desired\s*1\s*current\s*1/);
    expect(next).toHaveTextContent('kubectl rolling-update scales it up');
  });
});

describe('After Ctrl-C stopped kubectl rolling-update', () => {
  it('says the controllers are left mid-way and nothing will finish the update', async () => {
    renderApp(await scenarioAt('legacy-rolling-update-interrupted', 60));
    const c = client();
    expect(c).toHaveTextContent('interrupted (Ctrl-C)');
    expect(c).toHaveTextContent('at 0:35 · exit code 130');
    expect(within(c).getByRole('status')).toHaveTextContent(
      /^interrupted: frontend at 2, frontend-[0-9a-f]{32} at 2 — nothing will finish this$/,
    );
    expect(c).not.toHaveTextContent('Next');
    const panel = screen.getByRole('complementary', { name: 'Controls' });
    expect(within(panel).queryByText(/kubectl rolling-update scales it/)).toBeNull();
  });
});

describe('Once kubectl rolling-update has finished', () => {
  it('says what it did and lists the renamed controller once, as the new one', async () => {
    renderApp(await scenarioAt('legacy-rolling-update', 80));
    const c = client();
    expect(c).toHaveTextContent('finished');
    expect(c).toHaveTextContent(
      /Update succeeded: deleted the old frontend, renamed frontend-[0-9a-f]{32} to frontend/,
    );
    const rcs = within(c).getByRole('list', { name: 'Controllers it drives' });
    expect(
      within(rcs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['newfrontendnginx:1.273']);
  });
});

describe('A scenario without kubectl rolling-update', () => {
  it('draws no client and keeps the no-Deployment note off a Deployment scenario', async () => {
    renderApp(await scenarioAt('ramped', 5));
    expect(
      screen.queryByRole('group', { name: 'kubectl rolling-update client' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'ReplicationControllers' })).toBeNull();
  });
});
