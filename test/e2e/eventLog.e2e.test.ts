/**
 * The event log while a big rollout plays: it follows the newest events at the bottom, the rows
 * a person can see are drawn in full, and scrolling up stops the following and shows every row
 * in full (rows far above the box are drawn lite only while nobody can see them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clockSeconds, launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Each row's cell count, whether it is inside the box's visible part, and the box's state. */
function readLog(page: Page) {
  return page.getByRole('region', { name: 'Events' }).evaluate((region) => {
    const box = region.querySelector('.log-scroll') as HTMLElement;
    const seen = box.getBoundingClientRect();
    const rows = [...box.querySelectorAll('tbody tr')].map((r) => {
      const b = r.getBoundingClientRect();
      return {
        cells: r.querySelectorAll('[role="cell"]').length,
        visible: b.bottom > seen.top + 30 && b.top < seen.bottom && b.height > 0,
        height: b.height,
      };
    });
    return {
      rows,
      atBottom: box.scrollHeight - box.scrollTop - box.clientHeight < 24,
    };
  });
}

describe('The event log during a 300-pod rollout', () => {
  it('follows the bottom with every visible row in full, and shows all rows in full once scrolled up', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=big-fleet');
    await expect
      .poll(() => page.getByRole('button', { name: 'Play' }).count(), { timeout: 20_000 })
      .toBe(1);
    await page.getByLabel('Speed').selectOption({ label: '10×' });
    await page.getByRole('button', { name: 'Play' }).click();
    // The rollout starts at 0:20 and logs hundreds of events a second at 10×.
    await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThan(26);
    await expect.poll(async () => (await readLog(page)).rows.length).toBeGreaterThan(150);

    const following = await readLog(page);
    expect(following.atBottom).toBe(true);
    const visible = following.rows.filter((r) => r.visible);
    expect(visible.length).toBeGreaterThan(3);
    expect(visible.every((r) => r.cells === 5)).toBe(true);
    await screenshot('event-log-following');

    // The rollout is over at 0:35.1 (the runner's last Deployment or ReplicaSet event: old pods
    // deleted). Still playing, with nothing more to log, the bottom row must reach it, however
    // busy the page is drawing the clock and the requests.
    await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThan(40);
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Events' }).locator('tbody tr').last().textContent(),
      )
      .toMatch(/SuccessfulDelete.*0:35\.1.*Deleted pod: web-4d9479489c-/);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(1);

    // A person scrolls up with the wheel, still playing.
    const box = page.getByRole('region', { name: 'Events' }).locator('.log-scroll');
    await box.hover();
    await page.mouse.wheel(0, -100_000);
    await expect
      .poll(async () => {
        const log = await readLog(page);
        return !log.atBottom && log.rows.every((r) => r.cells === 5);
      })
      .toBe(true);
    const up = await readLog(page);
    const shown = up.rows.filter((r) => r.visible);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every((r) => r.height >= 30)).toBe(true);
    await screenshot('event-log-scrolled-up');
    expect(problems).toEqual([]);
  });
});
