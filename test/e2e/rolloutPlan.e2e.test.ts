/**
 * "What will this rollout do", in the browser: a person opens "Preview a change" in the side
 * panel, pastes a Deployment or Rollout with a new image, and reads the Rollout plan — without
 * the running cluster moving.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clockSeconds, launch, open, OUT_DIR } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The first document of a catalog scenario (its Deployment or Rollout), as a person copies it. */
function firstDocument(id: string): string {
  const text = readFileSync(`public/scenarios/${id}.yaml`, 'utf8');
  return text.split('\n---')[0]!;
}

/** Plays the scenario to `seconds` (its own scripted rollout over) and stops there. */
async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.getByLabel('Speed').selectOption({ label: '25×' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
  // It may have stopped at the scenario's end already.
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  // A frame already on its way when Pause was pressed still moves the clock once: wait until
  // it stands still before anyone reads it.
  await expect
    .poll(async () => {
      const a = await clockSeconds(page);
      await page.waitForTimeout(250);
      return (await clockSeconds(page)) === a;
    })
    .toBe(true);
}

async function preview(page: Page, text: string) {
  await page.getByText('Preview a change', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Manifest to preview' }).fill(text);
  const table = page.getByRole('table', { name: 'Rollout plan' });
  await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
  return table;
}

describe('Rollout plan', () => {
  it('ramped, once its own rollout is over: pasting the Deployment with a newer image shows each wave, and the clock stays put', async () => {
    const { page, problems } = await open(browser, '/?scenario=ramped');
    await expect
      .poll(() => page.getByText('Preview a change').count(), { timeout: 15_000 })
      .toBe(1);
    await playUntil(page, 45);
    const before = await clockSeconds(page);
    const table = await preview(page, firstDocument('ramped').replace('nginx:1.26', 'nginx:1.28'));
    // 3 replicas, 25 % / 25 %: one surge pod (4 in all), none may go unavailable.
    const wave1 = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'wave 1' }) });
    await expect
      .poll(() => wave1.getByRole('cell').allTextContents())
      .toEqual([
        expect.stringMatching(/^\+[\d.]+ m?s$/),
        '3',
        '1',
        '4',
        '3',
        expect.stringContaining('maxSurge ceiling: 4 = 3 + 1 pods'),
      ]);
    await expect.poll(() => page.locator('.plan-end').textContent()).toMatch(/rollout complete/);
    expect(await clockSeconds(page)).toBe(before);
    await page
      .locator('.preview-change')
      .screenshot({ path: `${OUT_DIR}/rollout-plan-ramped.png` });

    // An invalid edit: one line, in the API server's words.
    await page
      .getByRole('textbox', { name: 'Manifest to preview' })
      .fill(firstDocument('ramped').replace('replicas: 3', 'replicas: -3'));
    await expect
      .poll(() => page.locator('.plan-error').textContent(), { timeout: 20_000 })
      .toMatch(/spec\.replicas: Invalid value: -3: must be greater than or equal to 0/);
    expect(problems).toEqual([]);
  });

  it('argo-canary-demo: a new image previews setWeight 20 as 1 canary + 4 stable, then waits for promote', async () => {
    const { page, problems } = await open(browser, '/?scenario=argo-canary-demo');
    await expect
      .poll(() => page.getByText('Preview a change').count(), { timeout: 15_000 })
      .toBe(1);
    await playUntil(page, 100);
    const table = await preview(
      page,
      firstDocument('argo-canary-demo').replace('rollouts-demo:blue', 'rollouts-demo:green'),
    );
    const first = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '1. setWeight: 20' }) });
    await expect
      .poll(() => first.getByRole('cell').allTextContents())
      .toEqual([
        '20 %',
        '1',
        '4',
        '20 %',
        expect.stringMatching(/^\+[\d.]+ m?s$/),
        expect.stringContaining('No traffic router'),
      ]);
    await expect
      .poll(() => page.locator('.plan-end').textContent())
      .toMatch(/waits until promoted/);
    await page
      .locator('.preview-change')
      .screenshot({ path: `${OUT_DIR}/rollout-plan-canary.png` });
    expect(problems).toEqual([]);
  });
});
