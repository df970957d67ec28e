/**
 * The app as a first-time user drives it in Chromium: open each catalog scenario, play it fast,
 * watch pods and events change as the engine says, drag a slider mid-rollout, use the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const catalog = JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { id: string }[];

async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByLabel('Simulated clock').textContent()) ?? '';
  const m = /(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
}

async function playUntil(page: Page, seconds: number, speed = '25'): Promise<void> {
  await page.getByLabel('Speed').selectOption({ label: `${speed}×` });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
}

describe.each(catalog.map((c) => c.id))('The %s scenario', (id) => {
  it('plays at high speed: pods, ReplicaSets and events follow the engine, with no console errors', async () => {
    const { page, problems, screenshot } = await open(browser, `/?scenario=${id}`);
    const cluster = page.getByRole('region', { name: 'Cluster' });
    await expect.poll(() => cluster.getByRole('list').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await playUntil(page, 30);
    const events = page.getByRole('region', { name: 'Events' });
    await expect.poll(() => events.textContent(), { timeout: 10_000 }).toContain('ScalingReplicaSet');
    const lists = await cluster.getByRole('list').all();
    const names = await Promise.all(lists.map((l) => l.getAttribute('aria-label')));
    expect(names.some((n) => n?.startsWith('ReplicaSet '))).toBe(true);
    await screenshot(`play-${id}`);
    expect(problems).toEqual([]);
  });
});

describe('Dragging maxSurge in the middle of a rollout', () => {
  it('lets more new pods surge at once, as the resolved numbers say', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped');
    await expect.poll(() => page.getByLabel('maxSurge').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const surge = page.getByLabel('maxSurge');
    await surge.fill('2');
    await surge.dispatchEvent('change');
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toMatch(/at most 5 pods/);
    await playUntil(page, 17, '5');
    await page.getByRole('button', { name: 'Pause' }).click();
    const cluster = page.getByRole('region', { name: 'Cluster' });
    const newest = cluster.getByRole('list').last();
    // Two new pods surged together (3 replicas + 2 maxSurge).
    await expect.poll(() => newest.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await screenshot('ramped-surge-2');
    expect(problems).toEqual([]);
  });
});

describe('The keyboard', () => {
  it('plays and pauses with space and steps with the right arrow', async () => {
    const { page, problems } = await open(browser, '/?scenario=recreate');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count(), { timeout: 15_000 }).toBe(1);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const before = await clockSeconds(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => clockSeconds(page)).toBeGreaterThan(before);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
