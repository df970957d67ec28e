/**
 * "Pods and rollout bounds" as a learner reads it in Chromium: sweep the pointer across the
 * chart and read the tooltip at every position. The counted pods never exceed the upper bound;
 * the pods still terminating show as their own band, labelled as not counted; with two
 * Deployments each is plotted against its own bounds, chosen with a picker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Reading {
  t: string;
  rows: Record<string, string>;
}

/** Moves the pointer across the plot and reads the tooltip at each of `n` positions. */
async function sweep(chart: Locator, n = 40): Promise<Reading[]> {
  const svg = chart.locator('.chart-plot svg');
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  const out: Reading[] = [];
  for (let k = 0; k <= n; k++) {
    await chart.page().mouse.move(box.x + 1 + ((box.width - 2) * k) / n, box.y + box.height / 2);
    out.push(
      await chart.evaluate((fig) => {
        const tip = fig.querySelector('.chart-tooltip');
        const rows: Record<string, string> = {};
        for (const row of tip?.querySelectorAll('.chart-tooltip-row') ?? [])
          rows[row.querySelector('span')?.textContent ?? ''] =
            row.querySelector('b')?.textContent ?? '';
        return { t: tip?.querySelector('.chart-tooltip-time')?.textContent ?? '', rows };
      }),
    );
  }
  await chart.page().mouse.move(0, 0);
  return out;
}

function aboveBound(readings: Reading[]): string[] {
  return readings
    .filter((r) => Number(r.rows['counted']) > Number(r.rows['max pods']))
    .map((r) => `${r.t}: ${r.rows['counted']} counted, max ${r.rows['max pods']}`);
}

async function legendOf(chart: Locator): Promise<string[]> {
  return chart
    .getByRole('list', { name: /: key$/ })
    .getByRole('listitem')
    .allTextContents();
}

async function smallestFont(chart: Locator): Promise<number> {
  return chart.evaluate((fig) => {
    const sizes = [...fig.querySelectorAll('.chart-legend li, .bounds-picker label, .bounds-note')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes);
  });
}

describe('Pods and rollout bounds, ramped (one Deployment)', () => {
  it('never draws counted pods above replicas + maxSurge, and shows terminating pods apart', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped&t=40');
    const chart = page.getByRole('figure', { name: 'Pods and rollout bounds: Deployment web' });
    await expect.poll(() => chart.isVisible(), { timeout: 15_000 }).toBe(true);
    // One workload: no picker, the workload named under the title.
    expect(await chart.getByRole('radiogroup').count()).toBe(0);
    await expect.poll(() => chart.textContent()).toContain('Deployment web');
    expect(await legendOf(chart)).toEqual([
      'counted pods',
      'terminating (not counted)',
      'available',
      'replicas + maxSurge (ceiling)',
      'replicas − maxUnavailable (floor)',
    ]);
    expect(await smallestFont(chart)).toBeGreaterThanOrEqual(12);

    const readings = await sweep(chart);
    expect(readings.every((r) => r.t !== '')).toBe(true);
    expect(readings.every((r) => r.rows['max pods'] === '4')).toBe(true);
    expect(aboveBound(readings)).toEqual([]);
    // During the rollout some old pods are still terminating: 4 counted and 1 terminating
    // exist at once (5 pods), and the chart says which 4 the controller counts.
    const busy = readings.filter((r) => Number(r.rows['terminating']) > 0);
    expect(busy.length).toBeGreaterThan(0);
    expect(
      Math.max(...busy.map((r) => Number(r.rows['counted']) + Number(r.rows['terminating']))),
    ).toBe(5);
    expect(await chart.locator('path.chart-terminating').getAttribute('d')).toMatch(/^M/);
    await chart.locator('.chart-plot svg').hover();
    await chart.screenshot({ path: 'test/e2e/out/bounds-ramped.png' });
    await screenshot('bounds-ramped-page');
    expect(problems).toEqual([]);
  });
});

describe('Pods and rollout bounds, blue-green (two Deployments)', () => {
  it('plots each Deployment against its own bounds, picked by name', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=blue-green&t=75');
    const blue = page.getByRole('figure', { name: 'Pods and rollout bounds: Deployment web-blue' });
    await expect.poll(() => blue.isVisible(), { timeout: 15_000 }).toBe(true);
    const picker = blue.getByRole('radiogroup', { name: 'Workload' });
    expect(
      await picker
        .getByRole('radio')
        .evaluateAll((rs) => rs.map((r) => r.ariaLabel ?? r.parentElement?.textContent)),
    ).toEqual(['web-blue', 'web-green']);
    expect(await picker.getByRole('radio', { name: 'web-blue' }).isChecked()).toBe(true);
    expect(await smallestFont(blue)).toBeGreaterThanOrEqual(12);

    // Blue: 3 pods against 4 until it is scaled to 0 at 60 s; then 0 against 0, its pods
    // terminating and not counted.
    const blueReadings = await sweep(blue);
    expect(aboveBound(blueReadings)).toEqual([]);
    expect(new Set(blueReadings.map((r) => r.rows['max pods']))).toEqual(new Set(['4', '0']));
    expect(Math.max(...blueReadings.map((r) => Number(r.rows['counted'])))).toBe(3);
    await blue.screenshot({ path: 'test/e2e/out/bounds-blue-green-blue.png' });

    await picker.getByText('web-green').click();
    const green = page.getByRole('figure', {
      name: 'Pods and rollout bounds: Deployment web-green',
    });
    await expect.poll(() => green.isVisible()).toBe(true);
    expect(
      await green
        .getByRole('radiogroup', { name: 'Workload' })
        .getByRole('radio', { name: 'web-green' })
        .isChecked(),
    ).toBe(true);
    const greenReadings = await sweep(green);
    expect(aboveBound(greenReadings)).toEqual([]);
    // Green exists from 10 s: before that the tooltip has no value for it.
    const early = greenReadings.filter((r) => parseFloat(r.t) < 9);
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((r) => r.rows['counted'] === '–')).toBe(true);
    expect(Math.max(...greenReadings.map((r) => Number(r.rows['counted']) || 0))).toBe(3);
    await green.screenshot({ path: 'test/e2e/out/bounds-blue-green-green.png' });
    await screenshot('bounds-blue-green-page');
    expect(problems).toEqual([]);
  });
});
