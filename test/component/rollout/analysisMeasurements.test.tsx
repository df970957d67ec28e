/**
 * An AnalysisRun in the Rollout panel, as Argo's dashboard shows it: each measurement's value
 * against the metric's conditions, and the run's verdict with its reason — including the
 * measurement error an empty result gives, which is explained, not a bare "⚠ 1".
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RolloutPanel } from '../../../src/ui/rollout/RolloutPanel';
import { renderWithSim, scenarioAt } from '../../support/ui';

afterEach(cleanup);

const SLOW = 30_000;

const panel = () => within(screen.getByRole('region', { name: 'Rollout web' }));
const runs = () => panel().getAllByRole('group', { name: /^AnalysisRun web-/ });
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((r) => r.classList.contains('ro-measure-row'))
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent?.trim()),
    );

describe('A canary whose analysis fails', () => {
  it(
    'lists the measurements against result[0] >= 0.95 and says why the run Failed',
    async () => {
      const sim = await scenarioAt('argo-canary-analysis-fail', 30);
      renderWithSim(sim, <RolloutPanel />);
      const [run] = runs();
      const table = within(run!).getByRole('table', { name: 'Measurements of success-rate' });
      expect(run).toHaveTextContent('success when result[0] >= 0.95');
      expect(run).toHaveTextContent('failureLimit 1');
      expect(run).toHaveTextContent('count 3 every 5s');
      const rows = rowsOf(table);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual(['1', '0:13', '[]', '—', '⚠ Error']);
      for (const r of rows.slice(1)) {
        expect(Number(/\[([\d.]+)\]/.exec(r[2] ?? '')?.[1])).toBeLessThan(0.95);
        expect(r.slice(3)).toEqual(['not met', '✖ Failed']);
      }
      expect(table).toHaveTextContent(
        /#1 Error: no data: the pods under analysis answered no request/,
      );
      expect(table).toHaveTextContent(
        /#2 Failed: successCondition result\[0\] >= 0\.95 does not hold/,
      );
      expect(within(run!).getByLabelText('Verdict')).toHaveTextContent(
        'Failed: success-rate: 2 measurements failed, more than failureLimit 1',
      );
      expect(run).toHaveTextContent('⚠ 1 error (not counted)');
    },
    SLOW,
  );

  it(
    'while running, says how many measurements are left and what would fail it',
    async () => {
      const sim = await scenarioAt('argo-canary-analysis-fail', 20);
      renderWithSim(sim, <RolloutPanel />);
      const [run] = runs();
      expect(within(run!).getByLabelText('Verdict')).toHaveTextContent(
        'Running: success-rate: 1 of 3 measurements taken, 2 still to take; the metric fails once 2 fail (failureLimit 1); 1 measurement error not counted',
      );
      expect(
        rowsOf(within(run!).getByRole('table', { name: 'Measurements of success-rate' })),
      ).toHaveLength(2);
    },
    SLOW,
  );
});

describe('A canary whose analysis passes', () => {
  it(
    'shows each run Successful with its reason, the measurements one click away',
    async () => {
      const sim = await scenarioAt('argo-canary-analysis', 45);
      renderWithSim(sim, <RolloutPanel />);
      const all = runs();
      expect(all.length).toBeGreaterThanOrEqual(2);
      const first = all[0]!;
      expect(within(first).getByLabelText('Verdict')).toHaveTextContent(
        'Successful: success-rate: all 3 of 3 measurements taken: 0 failed (failureLimit 1), 0 inconclusive (inconclusiveLimit 0); 1 measurement error not counted',
      );
      // A finished, successful run keeps its table closed until asked.
      const toggle = within(first).getByText('measurements');
      const details = toggle.closest('details')!;
      expect(details.open).toBe(false);
      await userEvent.click(toggle);
      expect(details.open).toBe(true);
      const rows = rowsOf(
        within(first).getByRole('table', { name: 'Measurements of success-rate' }),
      );
      expect(rows.map((r) => r.at(-1))).toEqual([
        '⚠ Error',
        '✔ Successful',
        '✔ Successful',
        '✔ Successful',
      ]);
      for (const r of rows.slice(1)) expect(r[3]).toBe('met');
    },
    SLOW,
  );
});

describe('The canary steps after an analysis failed', () => {
  it(
    'mark the analysis step failed (✖), not pending, once the Rollout has aborted',
    async () => {
      const sim = await scenarioAt('argo-canary-analysis-fail', 60);
      renderWithSim(sim, <RolloutPanel />);
      const steps = within(panel().getByRole('list', { name: 'Canary steps' })).getAllByRole(
        'listitem',
      );
      const analysis = steps.filter((li) =>
        within(li).queryByRole('group', { name: /^AnalysisRun/ }),
      );
      expect(analysis.length).toBeGreaterThan(0);
      for (const li of analysis) {
        expect(li.querySelector('.ro-step-mark')?.textContent).toBe('✖');
        expect(li).toHaveClass('is-aborted');
      }
    },
    SLOW,
  );
});
