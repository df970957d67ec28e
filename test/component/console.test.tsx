/** The kubectl console, the event log and the steps, against the real engine. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogText, createTestSim } from '../support/simHarness';
import { renderWithSim, seek } from '../support/ui';
import { KubectlConsole } from '../../src/ui/console/KubectlConsole';
import { EventLog } from '../../src/ui/log/EventLog';
import { StepsList } from '../../src/ui/log/StepsList';
import { RolloutStatusLine } from '../../src/ui/log/RolloutStatusLine';

afterEach(cleanup);

describe('The kubectl console', () => {
  it("runs get rs and shows kubectl's table, spaces kept", async () => {
    const sim = await createTestSim('ramped');
    await sim.at(10);
    const user = userEvent.setup();
    renderWithSim(sim, <KubectlConsole />);
    const input = screen.getByRole('textbox', { name: 'kubectl' });
    await user.type(input, 'get rs{Enter}');
    const out = within(screen.getByRole('list', { name: 'Console output' }));
    const table = await out.findByText(/NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE/);
    expect(table.tagName).toBe('PRE');
    expect(table.textContent).toMatch(
      /^NAME {2,}DESIRED {3}CURRENT {3}READY {3}AGE\nweb-\w+ +3 +3 +3 +\d+s\n$/,
    );
    expect(input).toHaveValue('');
  });

  it('shows a typo as kubectl does, in red, and keeps the typed line', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(1);
    const user = userEvent.setup();
    renderWithSim(sim, <KubectlConsole />);
    const input = screen.getByRole('textbox', { name: 'kubectl' });
    await user.type(input, 'gte pods{Enter}');
    const err = await screen.findByText(/error: unknown command "gte" for "kubectl"/);
    expect(err.closest('li')).toHaveClass('is-error');
    expect(input).toHaveValue('gte pods');
  });

  it('accepts the word kubectl typed out, and recalls lines with ↑ and ↓', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(10);
    const user = userEvent.setup();
    renderWithSim(sim, <KubectlConsole />);
    const input = screen.getByRole('textbox', { name: 'kubectl' });
    await user.type(input, 'kubectl get deploy{Enter}');
    expect(
      await screen.findByText(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/),
    ).toBeInTheDocument();
    await user.type(input, 'get pods{Enter}');
    await screen.findByText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    await user.type(input, 'draft');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('get pods');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get deploy');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveValue('draft');
  });
});

describe('Ctrl-C in the console', () => {
  it('stops a running rolling-update where it is: exit 130, both controllers left as they were', async () => {
    // The catalog's ReplicationController, without the scenario's own steps.
    const sim = await createTestSim(
      catalogText('legacy-rolling-update').replace(/\n {2}steps:[\s\S]*$/, '\n'),
    );
    await sim.at(5);
    const user = userEvent.setup();
    renderWithSim(sim, <KubectlConsole />);
    const input = screen.getByRole('textbox', { name: 'kubectl' });
    await user.type(input, 'rolling-update frontend --image=nginx:1.27 --update-period=10s{Enter}');
    await screen.findByText(/Created frontend-\w+/);
    await seek(sim, 9);
    await user.type(input, 'get po');
    await user.keyboard('{Control>}c{/Control}');
    expect(input).toHaveValue('');
    await seek(sim, 60);
    const entry = (await screen.findByText(/Created frontend-\w+/)).closest('li');
    await expect.poll(() => entry?.className).toContain('is-error');
    const actions = await sim.api.actions();
    expect(actions.map((a) => a.kind)).toEqual(['kubectl', 'interrupt']);
    const rcs = await sim.api.exec('get rc');
    // Stopped during its first update-period: the new controller at 1, the old still at 3,
    // and nothing moves them on afterwards.
    expect(rcs.output).toMatch(/^frontend +3 +3 +3 /m);
    expect(rcs.output).toMatch(/^frontend-\w+ +1 +1 +1 /m);
  });
});

describe('The event log', () => {
  it('lists the controllers’ events like kubectl describe, at their simulated times', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(20);
    renderWithSim(sim, <EventLog />);
    const events = within(screen.getByRole('region', { name: 'Events' }));
    expect(events.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Type',
      'Reason',
      'Time',
      'From',
      'Message',
    ]);
    const rows = events.getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(events.getAllByText('ScalingReplicaSet').length).toBeGreaterThan(0);
    expect(events.getByText(/Scaled up replica set web-\w+ from 0 to 1/)).toBeInTheDocument();
    // Pod-level events are hidden by default.
    expect(events.queryByText('Scheduled')).not.toBeInTheDocument();
    const first = within(rows[0]!).getAllByRole('cell');
    // The scenario's Deployment scales up on load, at 0:00.
    expect(first[2]).toHaveTextContent(/^0:00$/);
    expect(first[3]).toHaveTextContent('deployment-controller');
    expect(first[4]).toHaveTextContent(
      /^Deployment\/web Scaled up replica set web-\w+ from 0 to 3$/,
    );
  });

  it('shows every event with "All events", newest at the bottom', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(20);
    const user = userEvent.setup();
    renderWithSim(sim, <EventLog />);
    await user.click(screen.getByRole('checkbox', { name: 'All events' }));
    const events = within(screen.getByRole('region', { name: 'Events' }));
    expect(events.getAllByText('Scheduled').length).toBeGreaterThan(0);
    await seek(sim, 30);
    const rows = events.getAllByRole('row').slice(1);
    const ages = rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent ?? '');
    const seconds = ages.map((a) => parseInt(a, 10));
    expect([...seconds].sort((x, y) => y - x)).toEqual(seconds);
  });

  it('tints Warnings', async () => {
    const sim = await createTestSim('bad-version');
    await sim.at(90);
    renderWithSim(sim, <EventLog />);
    const warning = screen.getAllByText('Warning')[0]!;
    expect(warning.closest('tr')).toHaveClass('is-warning');
  });
});

describe('The steps and the rollout status', () => {
  it('highlight the current and the next step', async () => {
    const sim = await createTestSim('canary');
    await sim.at(20);
    renderWithSim(sim, <StepsList />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveAttribute('aria-current', 'step');
    expect(items[0]).toHaveTextContent('now');
    expect(items[1]).toHaveTextContent('next');
    expect(items[1]).toHaveTextContent('1:10');
  });

  it('prints kubectl rollout status for the first Deployment', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(16);
    renderWithSim(sim, <RolloutStatusLine />);
    expect(screen.getByLabelText('Rollout status')).toHaveTextContent(
      /Waiting for deployment "web" rollout to finish/,
    );
  });
});
