/**
 * The HorizontalPodAutoscaler's group on the stage and the ownership note under the replicas
 * slider, rendered over the real engine (hpa-rolling-update).
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Stage } from '../../src/ui/stage/Stage';
import { DeploymentPanel } from '../../src/ui/controls/DeploymentPanel';
import { renderWithSim, scenarioAt, seek } from '../support/ui';

afterEach(cleanup);

/** The group's figures as term → definition. */
function figures(group: HTMLElement): Record<string, string | null | undefined> {
  const terms = within(group).getAllByRole('term');
  const defs = within(group).getAllByRole('definition');
  return Object.fromEntries(terms.map((t, i) => [t.textContent, defs[i]?.textContent]));
}

// Each test loads and plays a scenario over the real engine: more than vitest's 5 s default on a
// loaded machine.
describe('The HorizontalPodAutoscaler on the stage', { timeout: 30_000 }, () => {
  it('shows CPU against target, min/max, current/desired and the arithmetic of its decision', async () => {
    const sim = await scenarioAt('hpa-rolling-update', 31);
    renderWithSim(sim, <Stage />);
    const cluster = screen.getByRole('region', { name: 'Cluster' });
    const hpa = within(cluster).getByRole('group', { name: 'HorizontalPodAutoscaler web' });
    expect(figures(hpa)).toEqual({
      CPU: '88 % / 50 % target',
      min: '2',
      max: '10',
      current: '2',
      desired: '4',
    });
    expect(within(hpa).getByText('→ Deployment/web')).toBeInTheDocument();
    expect(within(hpa).getByText('0:30')).toBeInTheDocument();
    expect(within(hpa).getByText('58 % / 50 % × 3 pods = 3.48 → 4')).toBeInTheDocument();
    expect(within(hpa).getByText('2 → 4; within min 2, max 10')).toBeInTheDocument();
    // It follows the next decision.
    await seek(sim, 61);
    expect(figures(hpa)).toMatchObject({ CPU: '45 % / 50 % target', current: '5', desired: '5' });
    expect(
      within(hpa).getByText(
        'CPU 45 % / 50 % = 0.9, within the 0.1 tolerance of 1: no change from 5',
      ),
    ).toBeInTheDocument();
  });

  it('is not drawn for a Deployment without one', async () => {
    renderWithSim(await scenarioAt('ramped', 5), <Stage />);
    expect(screen.getByRole('group', { name: 'Deployment web' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /^HorizontalPodAutoscaler/ })).toBeNull();
  });
});

describe('The replicas slider under an HPA', { timeout: 30_000 }, () => {
  it('says the HPA owns replicas, and shows an edit being set back with the reason', async () => {
    const sim = await scenarioAt('hpa-rolling-update', 47);
    renderWithSim(sim, <DeploymentPanel />);
    const panel = screen.getByRole('region', { name: 'Deployment web' });
    expect(
      within(panel).getByText('replicas — owned by HorizontalPodAutoscaler web (min 2, max 10)'),
    ).toBeInTheDocument();
    fireEvent.change(within(panel).getByRole('slider', { name: 'replicas' }), {
      target: { value: '9' },
    });
    expect(
      await within(panel).findByText(
        'you set 9; HorizontalPodAutoscaler web decides again at 1:00',
      ),
    ).toBeInTheDocument();
    await seek(sim, 61);
    const desired = sim.store.getState().frame!.autoscalers[0]!.desiredReplicas;
    expect(desired).toBeLessThan(9);
    const note = within(panel).getByText(/set it back/);
    expect(note.textContent).toMatch(
      new RegExp(
        `^you set 9; HorizontalPodAutoscaler web set it back to ${desired} at 1:00: CPU \\d+ % / 50 % × \\d+ pods = [\\d.]+ → ${desired}; 9 → ${desired}; within min 2, max 10$`,
      ),
    );
  });
});
