/**
 * A big fleet as a person drives it: big-fleet scaled from the console to 1 500 and to 10 000
 * replicas. The ReplicaSet counts its pods by status instead of drawing a tile each, the
 * Service stays on screen, the Text view still lists every pod, and the keyboard crosses the
 * stage in a few Tab presses because each pod list is one tab stop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function kubectl(page: Page, line: string): Promise<void> {
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl' });
  await input.fill(line);
  await input.press('Enter');
}

/** Plays at 2× until `done` holds, then pauses. */
async function playUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  await page.getByLabel('Speed').selectOption({ label: '2×' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(done, { timeout: 40_000 }).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** The status → count rows of a ReplicaSet's aggregate table (none while it has no table). */
async function counts(table: Locator): Promise<Map<string, number>> {
  if (!(await table.count())) return new Map();
  const rows = await table.evaluate((t) =>
    [...t.querySelectorAll('tbody tr')].map((r) => [
      r.querySelector('th')?.textContent ?? '',
      Number(r.querySelector('td')?.textContent),
    ]),
  );
  return new Map(rows as [string, number][]);
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  return (
    !!box &&
    !!vp &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= vp.height &&
    box.x + box.width <= vp.width
  );
}

describe('big-fleet scaled far beyond its tiles', () => {
  it('counts 1 500 and 10 000 pods by status, keeps the Service on screen and every pod in the Text view', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=big-fleet&t=5');
    const cluster = page.getByRole('region', { name: 'Cluster' });
    const service = cluster.getByRole('group', { name: 'Service web' });
    // 300 pods are drawn one by one.
    await expect.poll(() => cluster.getByRole('option').count(), { timeout: 20_000 }).toBe(300);
    const labels = await cluster
      .getByRole('listbox')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels).toEqual([expect.stringMatching(/^ReplicaSet web-/)]);
    expect(await cluster.getByRole('table').count()).toBe(0);

    // Ten nodes hold 110 pods each: of 1 500, 1 100 run and the other 400 wait for room.
    await kubectl(page, 'scale deployment/web --replicas=1500');
    const table = cluster.getByRole('table', { name: /^ReplicaSet web-\w+: pods by status$/ });
    await playUntil(page, async () => {
      const c = await counts(table);
      return c.get('Running, ready') === 1100 && c.get('Pending') === 400;
    });
    expect(sum(await counts(table))).toBe(1500);
    expect(await cluster.getByRole('option').count()).toBe(0);
    expect(await inViewport(page, service)).toBe(true);
    const at1500 = await cluster.boundingBox();
    await screenshot('big-fleet-1500');

    // Each pod stays reachable by name in the Text view (the first 500, then all on request).
    await page.getByRole('tab', { name: 'Text view' }).click();
    await page.getByRole('button', { name: /^Show all 1500 pods/ }).click();
    const podRows = page.getByRole('table', { name: 'Pods', exact: true }).getByRole('row');
    await expect.poll(() => podRows.count(), { timeout: 10_000 }).toBe(1500 + 1);
    expect(await podRows.filter({ hasText: 'Pending' }).count()).toBe(400);

    await kubectl(page, 'scale deployment/web --replicas=10000');
    await playUntil(page, async () => (await counts(table)).get('Pending') === 8900);
    const at10k = await counts(table);
    expect(sum(at10k)).toBe(10_000);
    expect(at10k.get('Running, ready')).toBe(1100);
    // The layout holds: the stage keeps its size, the Service its place on screen, no scrolling.
    expect(await inViewport(page, service)).toBe(true);
    const after = await cluster.boundingBox();
    expect(Math.abs((after?.height ?? 0) - (at1500?.height ?? 0))).toBeLessThan(8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()?.width ?? 0,
    );
    await screenshot('big-fleet-10000');
    expect(problems).toEqual([]);
  });
});

describe('the keyboard in big-fleet', () => {
  it('crosses 300 pod tiles in one Tab press and moves among them with the arrow keys', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=big-fleet&t=5');
    const list = page.getByRole('listbox', { name: /^ReplicaSet web-/ });
    await expect.poll(() => list.getByRole('option').count(), { timeout: 15_000 }).toBe(300);

    // Tab from Speed until focus is in the side panel.
    await page.getByLabel('Speed').focus();
    const inPanel = () =>
      page.evaluate(() => !!document.activeElement?.closest('aside[aria-label="Controls"]'));
    let presses = 0;
    while (!(await inPanel()) && presses < 200) {
      await page.keyboard.press('Tab');
      presses++;
    }
    console.log(`Tab presses from Speed to the side panel: ${presses}`);
    expect(presses).toBeLessThanOrEqual(12);

    // Back into the list: one stop, on its first pod.
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-name') ?? null);
    const options = list.getByRole('option');
    const names = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    await options.first().focus();
    expect(await focused()).toBe(names[0]);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(names[1]);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(names[0]);
    // Down goes to the pod drawn below, in the next row.
    const y = async () => (await page.locator(':focus').boundingBox())?.y ?? 0;
    const x = async () => (await page.locator(':focus').boundingBox())?.x ?? 0;
    const [x0, y0] = [await x(), await y()];
    await page.keyboard.press('ArrowDown');
    expect(await y()).toBeGreaterThan(y0);
    expect(Math.abs((await x()) - x0)).toBeLessThan(2);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(names[0]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(names.at(-1));
    // The focused pod still tells its name and state.
    expect(await page.locator(':focus').getAttribute('aria-label')).toMatch(
      /^web-\w+-\w+ Running ready nginx:1\.26$/,
    );
    await screenshot('big-fleet-keyboard');
    // Tab leaves the list at once; Shift+Tab comes back to the pod last focused.
    await page.keyboard.press('Tab');
    expect(await focused()).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(names.at(-1));
    expect(problems).toEqual([]);
  });
});
