/** The Rollout panel against the real engine running Argo's rollouts-demo. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestSim } from '../../support/simHarness';
import { renderWithSim, seek } from '../../support/ui';
import { ARGO_DEMO_YAML } from '../../support/argoDemo';
import { RolloutPanel } from '../../../src/ui/rollout/RolloutPanel';
import { DeploymentPanel } from '../../../src/ui/controls/DeploymentPanel';
import { KubectlConsole } from '../../../src/ui/console/KubectlConsole';

afterEach(cleanup);

const panel = () => within(screen.getByRole('region', { name: 'Rollout rollouts-demo' }));
const currentStep = () =>
  within(screen.getByRole('list', { name: 'Canary steps' }))
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('aria-current') === 'step');
const button = (name: string) => panel().getByRole('button', { name });

describe('When the rollouts-demo canary waits at its pause step', () => {
  it('shows the plugin status, Step 1/8, both weights and the pause highlighted', async () => {
    const sim = await createTestSim(ARGO_DEMO_YAML);
    await sim.at(12);
    renderWithSim(sim, <RolloutPanel />);
    expect(panel().getByRole('heading', { name: 'rollout/rollouts-demo' })).toBeInTheDocument();
    expect(panel().getByText('Canary')).toBeInTheDocument();
    const status = panel().getByLabelText('Status');
    expect(status).toHaveTextContent('॥Paused');
    expect(status).toHaveTextContent('CanaryPauseStep');
    expect(panel().getByText(/^Step\s*$/)).toHaveTextContent('Step 1/8');
    expect(panel().getByRole('meter', { name: 'SetWeight' })).toHaveAttribute(
      'aria-valuenow',
      '20',
    );
    expect(panel().getByRole('meter', { name: 'ActualWeight' })).toHaveAttribute(
      'aria-valuenow',
      '20',
    );
    const current = currentStep();
    expect(current).toHaveTextContent('pause');
    expect(current).toHaveTextContent('waiting for promote');
    expect(current).toHaveClass('is-current');
  });

  it('enables Promote, Promote full and Abort, not Retry', async () => {
    const sim = await createTestSim(ARGO_DEMO_YAML);
    await sim.at(12);
    renderWithSim(sim, <RolloutPanel />);
    expect(button('Promote')).toBeEnabled();
    expect(button('Promote full')).toBeEnabled();
    expect(button('Abort')).toBeEnabled();
    expect(button('Retry')).toBeDisabled();
  });
});

describe('Promote', () => {
  it('runs the plugin command, as typed in the console, and the canary walks on', async () => {
    const sim = await createTestSim(ARGO_DEMO_YAML);
    await sim.at(12);
    const user = userEvent.setup();
    renderWithSim(
      sim,
      <>
        <RolloutPanel />
        <KubectlConsole />
      </>,
    );
    await user.click(button('Promote'));
    const out = within(screen.getByRole('list', { name: 'Console output' }));
    expect(await out.findByText("rollout 'rollouts-demo' promoted")).toBeInTheDocument();
    expect(sim.store.getState().console.map((e) => e.line)).toEqual([
      'argo rollouts promote rollouts-demo',
    ]);
    expect(out.getByText('argo rollouts promote rollouts-demo', { exact: false })).toBeVisible();

    // The controller takes the next steps: setWeight 40, then the timed pause.
    await seek(sim, 15);
    await waitFor(() => expect(panel().getByText(/^Step\s*$/)).toHaveTextContent('Step 3/8'));
    const current = currentStep();
    expect(current).toHaveTextContent('pause: 10');
    expect(within(current as HTMLElement).getByLabelText('Pause ends in')).toHaveTextContent(
      /^\d+ s$/,
    );
    expect(panel().getByRole('meter', { name: 'SetWeight' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
    expect(button('Promote')).toBeEnabled();

    // Then it finishes on its own: Healthy, every step done, nothing to press.
    await seek(sim, 70);
    await waitFor(() => expect(panel().getByLabelText('Status')).toHaveTextContent('✔Healthy'));
    expect(panel().getByText(/^Step\s*$/)).toHaveTextContent('Step 8/8');
    expect(currentStep()).toBeUndefined();
    for (const name of ['Promote', 'Promote full', 'Abort', 'Retry'])
      expect(button(name)).toBeDisabled();
  }, 30_000);
});

describe('Abort and Retry', () => {
  it('abort degrades the Rollout with its message; retry starts the steps again', async () => {
    const sim = await createTestSim(ARGO_DEMO_YAML);
    await sim.at(12);
    const user = userEvent.setup();
    renderWithSim(sim, <RolloutPanel />);
    await user.click(button('Abort'));
    await seek(sim, 16);
    await waitFor(() => expect(panel().getByLabelText('Status')).toHaveTextContent('✖Degraded'));
    expect(panel().getByRole('status')).toHaveTextContent('Rollout aborted update to revision 2');
    expect(currentStep()).toHaveClass('is-aborted');
    expect(button('Retry')).toBeEnabled();
    expect(button('Promote')).toBeDisabled();
    await user.click(button('Retry'));
    await seek(sim, 22);
    await waitFor(() => expect(panel().getByLabelText('Status')).toHaveTextContent('॥Paused'));
    expect(sim.store.getState().console.map((e) => e.line)).toEqual([
      'argo rollouts abort rollouts-demo',
      'argo rollouts retry rollout rollouts-demo',
    ]);
  }, 30_000);
});

describe('The side panel', () => {
  it('shows the Rollout, and no "no Deployment" note, for a Rollout-only scenario', async () => {
    const sim = await createTestSim(ARGO_DEMO_YAML);
    await sim.at(12);
    renderWithSim(sim, <DeploymentPanel />);
    const side = within(screen.getByRole('complementary', { name: 'Controls' }));
    expect(side.getByRole('region', { name: 'Rollout rollouts-demo' })).toBeInTheDocument();
    expect(side.queryByText('This scenario has no Deployment.')).toBeNull();
  });
});
