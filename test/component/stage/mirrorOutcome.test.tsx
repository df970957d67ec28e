/**
 * The mirrored copies' outcome on the stage: counted under the mirror that sends them, with the
 * runner's numbers, apart from the clients' (which stay error-free), and keyed in the dots'
 * legend apart from client failures; and the error chart's series for them.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/runner/run';
import type { Sample } from '../../../src/sim/runner/runResult';
import { catalogText } from '../../support/catalog';
import { renderWithSim } from '../../support/ui';
import { Charts } from '../../../src/ui/charts/Charts';
import { play, renderStage, scenarioAt } from './stageTest';

afterEach(cleanup);

/** A runner's and a simulation's whole run: slow on a busy machine. */
const SLOW = 30_000;

let samples: Sample[] | null = null;

/** The runner's copies and their app errors over (0, t]. */
function runner(t: number) {
  if (!samples) {
    const out = runScenario(catalogText('shadow-mirror.yaml'), 'shadow-mirror.yaml', {
      sampleMs: 500,
    });
    if (!out.ok) throw new Error(out.errors.join('\n'));
    samples = out.result.samples;
  }
  const upTo = samples.filter((s) => s.t <= t);
  return {
    copies: upTo.reduce((n, s) => n + s.traffic.mirrored, 0),
    appErrors: upTo.reduce((n, s) => n + s.traffic.mirroredErrors['app-error'], 0),
  };
}

const num = (s: string) => Number(s.replace(/[\s\u202f]/g, ''));

const mirrorRow = () =>
  within(screen.getByRole('group', { name: 'VirtualService checkout' })).getByRole('listitem', {
    name: /^mirror \d+% to checkout v2/,
  });

describe('When a VirtualService mirrors to a v2 that fails one copy in four', () => {
  it(
    'counts the copies and their failures under the mirror, as the runner does',
    async () => {
      const sim = await scenarioAt('shadow-mirror', 45);
      renderStage(sim);
      const row = mirrorRow();
      const m = /mirrored: ([\d\u202f]+) · ([\d\u202f]+) failed \(app-error\)/.exec(
        row.textContent ?? '',
      );
      expect(m, row.textContent ?? '').not.toBeNull();
      const r = runner(45);
      expect(num(m![1]!)).toBe(r.copies);
      expect(num(m![2]!)).toBe(r.appErrors);
      expect(r.appErrors / r.copies).toBeGreaterThan(0.18);
      expect(r.appErrors / r.copies).toBeLessThan(0.32);
      expect(row).toHaveTextContent('clients never see these');
      expect(row).toHaveTextContent('answered by checkout:2.0');
      // The dots' key separates a failed copy from a client's failed request.
      const key = screen.getByRole('list', { name: 'Request dots' });
      expect(key).toHaveTextContent('mirrored copy failed (client unaffected)');
      expect(key).toHaveTextContent('client request failed');
    },
    SLOW,
  );

  it(
    'keeps counting while playing, and shows nothing before the first copy',
    async () => {
      const early = await scenarioAt('shadow-mirror', 20);
      renderStage(early);
      expect(screen.queryByText(/mirrored:/)).toBeNull();
      cleanup();
      const sim = await scenarioAt('shadow-mirror', 40);
      renderStage(sim);
      const before = num(/mirrored: ([\d\u202f]+)/.exec(mirrorRow().textContent ?? '')![1]!);
      await play(sim, 44, 4);
      const after = num(/mirrored: ([\d\u202f]+)/.exec(mirrorRow().textContent ?? '')![1]!);
      expect(after).toBe(runner(44).copies);
      expect(after).toBeGreaterThan(before + 150);
    },
    SLOW,
  );

  it(
    'charts the failing copies as their own series, labelled as not seen by clients',
    async () => {
      const sim = await scenarioAt('shadow-mirror', 45);
      renderWithSim(sim, <Charts />);
      const key = screen.getByRole('list', { name: 'Errors by kind (req/s): key' });
      expect(key).toHaveTextContent('mirrored copies failing (not seen by clients)');
      const series = document.querySelector('path.chart-mirror-failed');
      expect(series?.getAttribute('d')).toMatch(/^M/);
      // No client error kind is drawn: clients saw none.
      for (const cls of ['chart-err-none', 'chart-err-refused', 'chart-err-app'])
        expect(document.querySelector(`path.${cls}`)).toBeNull();
    },
    SLOW,
  );

  it('has no mirror series where nothing is mirrored', async () => {
    const sim = await scenarioAt('canary-istio-weights', 30);
    renderWithSim(sim, <Charts />);
    const key = screen.getByRole('list', { name: 'Errors by kind (req/s): key' });
    expect(key).not.toHaveTextContent('mirrored');
    expect(document.querySelector('path.chart-mirror-failed')).toBeNull();
  });
});
