/**
 * The charts over a real rollout: the ramped scenario (3 replicas, maxSurge 25% → 1,
 * maxUnavailable 25% → 0) played to 30 s in the real engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Charts } from '../../src/ui/charts/Charts';
import { renderWithSim, scenarioAt } from '../support/ui';

afterEach(cleanup);

async function rampedAt30() {
  const sim = await scenarioAt('ramped', 30);
  renderWithSim(sim, <Charts />);
  return sim;
}

describe('When the ramped rollout has run for 30 s', () => {
  it('shows four labelled charts', async () => {
    await rampedAt30();
    const names = screen.getAllByRole('figure').map((f) => f.getAttribute('aria-label'));
    expect(names).toEqual([
      'Ready pods by version',
      'Traffic share by version',
      'Errors by kind (req/s)',
      'Pods and rollout bounds: Deployment web',
    ]);
  });

  it('lists both images in the ready-pods legend', async () => {
    await rampedAt30();
    const chart = screen.getByRole('figure', { name: 'Ready pods by version' });
    const key = within(chart).getByRole('list', { name: 'Ready pods by version: key' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['nginx:1.26', 'nginx:1.27']);
  });

  it('draws the maxSurge and maxUnavailable bounds: at most 4 pods, at least 3 available', async () => {
    await rampedAt30();
    const chart = screen.getByRole('figure', { name: /^Pods and rollout bounds/ });
    const table = within(chart).getByRole('table');
    const value = (name: RegExp) =>
      within(within(table).getByRole('row', { name })).getByRole('cell').textContent;
    expect(value(/^Max pods/)).toBe('4');
    expect(value(/^Min available/)).toBe('3');
    expect(value(/^Counted pods/)).toBe('3');
    expect(chart.querySelector('path.chart-band')?.getAttribute('d')).toMatch(/^M/);
  });

  it('gives every request to the new version once the rollout is done', async () => {
    await rampedAt30();
    const chart = screen.getByRole('figure', { name: 'Traffic share by version' });
    const table = within(chart).getByRole('table');
    const value = (name: RegExp) =>
      within(within(table).getByRole('row', { name })).getByRole('cell').textContent;
    expect(value(/nginx:1\.27/)).toBe('100%');
    expect(value(/nginx:1\.26/)).toBe('0%');
  });
});

describe('When the pointer moves over a chart', () => {
  it('shows a crosshair and the values at that time in every chart', async () => {
    await rampedAt30();
    const chart = screen.getByRole('figure', { name: 'Ready pods by version' });
    const svg = chart.querySelector<SVGSVGElement>('.chart-plot svg')!;
    // jsdom lays nothing out: give the plot its natural size (260 × 140).
    svg.getBoundingClientRect = () => new DOMRect(0, 0, 260, 140);
    fireEvent.pointerMove(svg, { clientX: 250, clientY: 70 });
    expect(document.querySelectorAll('.chart-crosshair')).toHaveLength(4);
    const tip = chart.querySelector('.chart-tooltip');
    expect(tip).toHaveTextContent('nginx:1.26');
    expect(tip).toHaveTextContent('nginx:1.27');
    fireEvent.pointerLeave(svg);
    expect(document.querySelectorAll('.chart-crosshair')).toHaveLength(0);
  });
});

describe('When the history is full (2 400 points, 20 simulated minutes)', () => {
  it('draws at most 600 points per series', async () => {
    const sim = await scenarioAt('ramped', 1300);
    expect(sim.store.getState().history).toHaveLength(2400);
    renderWithSim(sim, <Charts />);
    const chart = screen.getByRole('figure', { name: /^Pods and rollout bounds/ });
    const d = chart.querySelector('path.chart-pods')?.getAttribute('d') ?? '';
    // Drawn as steps: two vertices per sample, one x per sample.
    const points = new Set(
      d
        .split(/[ML]/)
        .filter(Boolean)
        .map((pt) => pt.split(',')[0]),
    ).size;
    expect(points).toBeGreaterThan(500);
    expect(points).toBeLessThanOrEqual(600);
  });
});

describe('Step markers', () => {
  it('draw a dashed line at each scenario step on every chart', async () => {
    const { container } = renderWithSim(await scenarioAt('ramped', 30), <Charts />);
    // ramped has one step, at 15 s: one line in each of the four charts.
    expect(container.querySelectorAll('.chart-steps line')).toHaveLength(4);
  });
});
