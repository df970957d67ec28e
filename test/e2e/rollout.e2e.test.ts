/**
 * Argo Rollouts in the browser, as an instructor would show them: the rollouts-demo paused at
 * its first step until Promote is clicked, an analysis that aborts a flaky canary, and a
 * blue/green Rollout promoting itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open, clockSeconds } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function playUntil(page: Page, seconds: number, speed = '10'): Promise<void> {
  await page.getByLabel('Speed').selectOption({ label: `${speed}×` });
  const play = page.getByRole('button', { name: 'Play' });
  if (await play.count()) await play.click();
  await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
  await page.getByRole('button', { name: 'Pause' }).click();
}

describe('The rollouts-demo canary', () => {
  it('pauses at Step 1/8 with the pause highlighted, and walks on when Promote is clicked', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=argo-canary-demo');
    const panel = page.getByRole('region', { name: 'Rollout rollouts-demo' });
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    await playUntil(page, 15);
    await expect.poll(() => panel.getByLabel('Status').textContent()).toMatch(/Paused/);
    await expect.poll(() => panel.textContent()).toMatch(/Step\s*1\/8/);
    const steps = panel.getByRole('list', { name: 'Canary steps' });
    await expect
      .poll(() => steps.locator('[aria-current="step"]').textContent())
      .toMatch(/^.*pause/);
    await screenshot('argo-demo-paused');
    await panel.getByRole('button', { name: 'Promote', exact: true }).click();
    await playUntil(page, 30);
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toMatch(/Step\s*[3-8]\/8/);
    await playUntil(page, 90, '25');
    await expect.poll(() => panel.getByLabel('Status').textContent()).toMatch(/Healthy/);
    await screenshot('argo-demo-healthy');
    expect(problems).toEqual([]);
  });
});

describe('A canary whose analysis fails', () => {
  it('shows the failed AnalysisRun and the Rollout Degraded with the abort message', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=argo-canary-analysis-fail',
    );
    const panel = page.getByRole('region', { name: 'Rollout web' });
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    await playUntil(page, 30);
    await expect.poll(() => panel.getByLabel('Status').textContent()).toMatch(/Degraded/);
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toMatch(/Metric "success-rate" assessed Failed due to failed \(2\) > failureLimit \(1\)/);
    await screenshot('argo-analysis-aborted');
    expect(problems).toEqual([]);
  });
});

describe('An Argo blue/green Rollout', () => {
  it('keeps the active Service on blue while paused, then switches it after autoPromotionSeconds', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=argo-blue-green');
    const panel = page.getByRole('region', { name: 'Rollout web' });
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    await playUntil(page, 20);
    const active = panel.getByLabel('active service');
    const preview = panel.getByLabel('preview service');
    const before = await active.textContent();
    await expect.poll(() => panel.getByLabel('Status').textContent()).toMatch(/Paused/);
    expect(await preview.textContent()).not.toEqual(before);
    await screenshot('argo-bluegreen-paused');
    await playUntil(page, 40);
    await expect.poll(() => active.textContent()).not.toEqual(before);
    await screenshot('argo-bluegreen-switched');
    expect(problems).toEqual([]);
  });
});
