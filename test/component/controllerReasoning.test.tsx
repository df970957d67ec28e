/** The controller panel names why a sync changed nothing: waiting, or steady once complete. */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DeploymentPanel } from '../../src/ui/controls/DeploymentPanel';
import { renderWithSim, scenarioAt } from '../support/ui';

afterEach(cleanup);

const reasoning = () => within(screen.getByLabelText('Deployment controller'));

describe('The Deployment controller panel in ramped', () => {
  it('says waiting while new pods are not yet available', async () => {
    renderWithSim(await scenarioAt('ramped', 16), <DeploymentPanel />);
    expect(reasoning().getByText('waiting')).toBeInTheDocument();
  });

  it('says steady, not waiting, once the rollout is complete', async () => {
    renderWithSim(await scenarioAt('ramped', 55), <DeploymentPanel />);
    expect(reasoning().getByText(/^rollout complete: 3 of 3 pods/)).toBeInTheDocument();
    expect(reasoning().getByText('steady')).toBeInTheDocument();
    expect(reasoning().queryByText('waiting')).toBeNull();
  });
});
