/**
 * What the mirror target does with shadow traffic, and an AnalysisRun you can read, as a
 * learner sees them: in shadow-mirror, v2 fails a quarter of its mirrored copies at the mirror
 * (counted beside the mirror, drawn apart from client failures, charted as not seen by clients)
 * while clients see no error; in an Argo canary with analysis, each measurement's value against
 * its condition and the run's verdict with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, clockSeconds } from './harness';
import { runScenario } from '../../src/sim/runner/run';
import { catalogText } from '../support/catalog';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The runner's mirrored copies and their failures over (0, t], sampled every 500 ms. */
function runnerMirror(t: number): { copies: number; appErrors: number; clientErrors: number } {
  const out = runScenario(catalogText('shadow-mirror.yaml'), 'shadow-mirror.yaml', {
    sampleMs: 500,
  });
  if (!out.ok) throw new Error(out.errors.join('\n'));
  let copies = 0;
  let appErrors = 0;
  let clientErrors = 0;
  for (const s of out.result.samples) {
    if (s.t > t) break;
    copies += s.traffic.mirrored;
    appErrors += s.traffic.mirroredErrors['app-error'];
    clientErrors += s.traffic.requests - s.traffic.ok;
  }
  return { copies, appErrors, clientErrors };
}

const num = (s: string | undefined) => Number((s ?? '').replace(/\s|\u202f/g, ''));

describe('Shadow traffic to a flaky v2', () => {
  it('counts the copies v2 fails at the mirror, apart from clients, on the stage and in the chart', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=shadow-mirror&t=50');
    const vs = page.getByRole('group', { name: 'VirtualService checkout' });
    const mirror = vs.getByRole('listitem', {
      name: 'mirror 100% to checkout v2 (responses dropped)',
    });
    await expect.poll(() => mirror.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => clockSeconds(page)).toBe(50);
    const text = async () => (await mirror.textContent()) ?? '';
    await expect.poll(text).toMatch(/clients never see these/);
    const m = /mirrored: ([\d\u202f]+) · ([\d\u202f]+) failed \(app-error\)/.exec(await text());
    expect(m, await text()).not.toBeNull();
    const copies = num(m?.[1]);
    const failed = num(m?.[2]);
    // The same numbers the runner counts up to 0:50.
    const runner = runnerMirror(50);
    expect(copies).toBe(runner.copies);
    expect(failed).toBe(runner.appErrors);
    expect(runner.clientErrors).toBe(0);
    expect(failed / copies).toBeGreaterThan(0.18);
    expect(failed / copies).toBeLessThan(0.32);

    // The dots' key tells a failed copy from a client's failed request.
    const key = page.getByRole('list', { name: 'Request dots' });
    await expect
      .poll(() => key.textContent())
      .toMatch(/mirrored copy failed \(client unaffected\)/);
    await expect.poll(() => key.textContent()).toMatch(/client request failed/);

    // The error chart: a labelled series for the copies, while every client error kind is 0.
    const charts = page.getByRole('region', { name: 'Charts' });
    const errorKey = charts.getByRole('list', { name: 'Errors by kind (req/s): key' });
    await expect
      .poll(() => errorKey.textContent())
      .toMatch(/mirrored copies failing \(not seen by clients\)/);
    await screenshot('mirror-shadow-counts');
    await charts.scrollIntoViewIfNeeded();
    await screenshot('mirror-shadow-chart');
    await vs.scrollIntoViewIfNeeded();

    // Playing: the counter keeps counting.
    await page.getByLabel('Speed').selectOption({ label: '1×' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => clockSeconds(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(52);
    await screenshot('mirror-shadow-playing');
    await page.getByRole('button', { name: 'Pause' }).click();
    const later = /mirrored: ([\d\u202f]+)/.exec(await text());
    expect(num(later?.[1])).toBeGreaterThan(copies);
    expect(problems).toEqual([]);
  });
});

describe('An Argo canary whose analysis fails', () => {
  it('lists each measurement against its condition and says why the run failed', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=argo-canary-analysis-fail&t=30',
    );
    const panel = page.getByRole('region', { name: 'Rollout web' });
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    const run = panel.getByRole('group', { name: /^AnalysisRun web-/ });
    await expect.poll(() => run.count()).toBe(1);
    const table = run.getByRole('table', { name: 'Measurements of success-rate' });
    await expect.poll(() => table.count()).toBe(1);
    await expect.poll(() => table.textContent()).toMatch(/result\[0\] >= 0\.95/);
    const rows = table.locator('tbody tr.ro-measure-row');
    await expect.poll(() => rows.count()).toBe(3);
    const cells = async (i: number) =>
      (await rows.nth(i).locator('td').allTextContents()).map((c) => c.trim());
    // #1 had no data (the canary had served nothing yet), #2 and #3 fell below 95 %.
    expect(await cells(0)).toEqual(['1', '0:13', '[]', '—', '⚠ Error']);
    const second = await cells(1);
    expect(second[0]).toBe('2');
    expect(Number(/\[([\d.]+)\]/.exec(second[2] ?? '')?.[1])).toBeLessThan(0.95);
    expect(second.slice(3)).toEqual(['not met', '✖ Failed']);
    expect((await cells(2)).slice(3)).toEqual(['not met', '✖ Failed']);
    await expect.poll(() => table.textContent()).toMatch(/#1 Error: no data/);
    // The verdict and why; the ⚠ count says what it counts.
    await expect
      .poll(() => run.getByLabel('Verdict').textContent())
      .toBe('Failed: success-rate: 2 measurements failed, more than failureLimit 1');
    await expect.poll(() => run.textContent()).toMatch(/⚠ 1 error \(not counted\)/);
    await run.scrollIntoViewIfNeeded();
    await screenshot('analysis-failed-table');
    expect(problems).toEqual([]);
  });
});
