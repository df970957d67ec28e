/**
 * "Pods and rollout bounds" over real runs: one picture per workload (a picker when there are
 * several), counted pods against that workload's own bounds, terminating pods as their own
 * band labelled as not counted, and words where a rule has no bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Charts } from '../../src/ui/charts/Charts';
import { renderWithSim, scenarioAt } from '../support/ui';

afterEach(cleanup);

const NAME = /^Pods and rollout bounds/;

function latest(chart: HTMLElement, row: RegExp): string | null {
  const table = within(chart).getByRole('table');
  return within(within(table).getByRole('row', { name: row })).getByRole('cell').textContent;
}

function legend(chart: HTMLElement): string[] {
  return within(within(chart).getByRole('list', { name: /: key$/ }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

describe('One Deployment (ramped, 30 s)', { timeout: 20_000 }, () => {
  it('names the workload, has no picker, and keys terminating pods as not counted', async () => {
    renderWithSim(await scenarioAt('ramped', 30), <Charts />);
    const chart = screen.getByRole('figure', { name: 'Pods and rollout bounds: Deployment web' });
    expect(within(chart).queryByRole('radiogroup')).toBeNull();
    expect(chart).toHaveTextContent('Deployment web');
    expect(legend(chart)).toEqual([
      'counted pods',
      'terminating (not counted)',
      'available',
      'replicas + maxSurge (ceiling)',
      'replicas − maxUnavailable (floor)',
    ]);
    // The old pods terminated around 19–24 s: the band has height there.
    const band = chart.querySelector('path.chart-terminating')?.getAttribute('d') ?? '';
    expect(band).toMatch(/^M/);
    expect(latest(chart, /^Terminating \(not counted\)/)).toBe('0');
    expect(latest(chart, /^Counted pods/)).toBe('3');
    expect(latest(chart, /^Max pods \(replicas \+ maxSurge \(ceiling\)\)/)).toBe('4');
    // The hidden summary says what the picture shows.
    expect(chart.querySelector('.chart-sr p')?.textContent).toMatch(
      /Deployment web\. .*Most counted pods so far: 4; never above the upper bound; most pods terminating at once: 1 \(not counted/,
    );
  });

  it('shows a terminating pod in the tooltip while the old pods go, apart from the count', async () => {
    renderWithSim(await scenarioAt('ramped', 30), <Charts />);
    const chart = screen.getByRole('figure', { name: NAME });
    const svg = chart.querySelector<SVGSVGElement>('.chart-plot svg')!;
    svg.getBoundingClientRect = () => new DOMRect(0, 0, 260, 140);
    const seen: string[] = [];
    const value = (rows: (string | null)[], label: string) =>
      Number(rows.find((r) => r?.startsWith(label))?.slice(label.length));
    const over: string[] = [];
    // 15–26 s of a 0–30 s axis drawn from x = 34 to 250.
    for (let px = 140; px <= 225; px += 3) {
      fireEvent.pointerMove(svg, { clientX: px, clientY: 70 });
      const rows = [...chart.querySelectorAll('.chart-tooltip-row')].map((r) => r.textContent);
      if (rows.includes('terminating1')) seen.push(rows.join(' '));
      if (value(rows, 'counted') > value(rows, 'max pods')) over.push(rows.join(' '));
    }
    expect(seen.length).toBeGreaterThan(0);
    // Four counted, one terminating: five pods exist, but the bound of 4 holds.
    expect(seen.some((r) => r.includes('counted4') && r.includes('max pods4'))).toBe(true);
    expect(over).toEqual([]);
  });

  it('explains why available is under the floor at the start (pods starting)', async () => {
    renderWithSim(await scenarioAt('ramped', 30), <Charts />);
    const chart = screen.getByRole('figure', { name: NAME });
    expect(chart.querySelector('.bounds-note')).toHaveTextContent(
      'Available under the floor while pods start or fail: it only limits scaling down.',
    );
  });
});

describe('Two Deployments (blue-green)', { timeout: 20_000 }, () => {
  it('plots each against its own bounds, chosen with a picker', async () => {
    renderWithSim(await scenarioAt('blue-green', 40), <Charts />);
    const blue = screen.getByRole('figure', {
      name: 'Pods and rollout bounds: Deployment web-blue',
    });
    const picker = within(blue).getByRole('radiogroup', { name: 'Workload' });
    const radios = within(picker).getAllByRole('radio');
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual(['web-blue', 'web-green']);
    expect(within(picker).getByRole('radio', { name: 'web-blue' })).toBeChecked();
    expect(latest(blue, /^Counted pods/)).toBe('3');
    expect(latest(blue, /^Max pods/)).toBe('4');

    act(() => fireEvent.click(within(picker).getByRole('radio', { name: 'web-green' })));
    const green = screen.getByRole('figure', {
      name: 'Pods and rollout bounds: Deployment web-green',
    });
    expect(within(green).getByRole('radio', { name: 'web-green' })).toBeChecked();
    expect(latest(green, /^Counted pods/)).toBe('3');
    expect(latest(green, /^Max pods/)).toBe('4');
    expect(latest(green, /^Min available/)).toBe('3');
  });

  it('ticks only the picked Deployment’s own scaling decisions', async () => {
    renderWithSim(await scenarioAt('blue-green', 75), <Charts />);
    const marks = () =>
      screen.getByRole('figure', { name: NAME }).querySelectorAll('.chart-marks line').length;
    // web-blue scaled at 0 s and 60 s, web-green at 10 s.
    expect(marks()).toBe(2);
    act(() => fireEvent.click(screen.getByRole('radio', { name: 'web-green' })));
    expect(marks()).toBe(1);
  });

  it('after blue is scaled to zero: its bounds are 0 and its terminating pods are not counted', async () => {
    const sim = await scenarioAt('blue-green', 60.5);
    renderWithSim(sim, <Charts />);
    const blue = screen.getByRole('figure', {
      name: 'Pods and rollout bounds: Deployment web-blue',
    });
    expect(latest(blue, /^Max pods/)).toBe('0');
    expect(latest(blue, /^Counted pods/)).toBe('0');
    expect(latest(blue, /^Terminating/)).toBe('3');
  });
});

describe('Rules without a surge bound', { timeout: 20_000 }, () => {
  it('Argo blue/green draws no bound and says why', async () => {
    renderWithSim(await scenarioAt('argo-blue-green', 30), <Charts />);
    const chart = screen.getByRole('figure', { name: 'Pods and rollout bounds: Rollout web' });
    expect(legend(chart)).toEqual(['counted pods', 'terminating (not counted)', 'available']);
    expect(chart.querySelector('.bounds-note')).toHaveTextContent(
      'No surge bound: blue/green runs the preview beside the active ReplicaSet.',
    );
    expect(within(chart).queryByRole('row', { name: /^Max pods/ })).toBeNull();
  });

  it('Recreate: replicas and 0', async () => {
    renderWithSim(await scenarioAt('recreate', 30), <Charts />);
    const chart = screen.getByRole('figure', { name: NAME });
    expect(legend(chart).slice(3)).toEqual([
      'replicas (Recreate: no surge)',
      '0 (Recreate: no floor)',
    ]);
    expect(latest(chart, /^Max pods/)).toBe('3');
    expect(latest(chart, /^Min available/)).toBe('0');
  });
});
