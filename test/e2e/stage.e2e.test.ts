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
    await expect
      .poll(() => cluster.getByRole('list').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await playUntil(page, 30);
    const events = page.getByRole('region', { name: 'Events' });
    await expect
      .poll(() => events.textContent(), { timeout: 10_000 })
      .toContain('ScalingReplicaSet');
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
    const surge = page.getByRole('slider', { name: 'maxSurge', exact: true });
    await expect.poll(() => surge.count(), { timeout: 15_000 }).toBe(1);
    // The scenario writes 25%: switch the slider to a pod count first, as a person would.
    await page.getByRole('button', { name: 'maxSurge as a pod count' }).click();
    await surge.fill('2');
    await surge.dispatchEvent('change');
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 10_000 })
      .toMatch(/at most 5 pods/);
    await playUntil(page, 17, '5');
    await page.getByRole('button', { name: 'Pause' }).click();
    // The new ReplicaSet starts with two pods at once (3 replicas + 2 maxSurge = 5 allowed)...
    await expect
      .poll(() => page.getByRole('region', { name: 'Events' }).textContent(), { timeout: 10_000 })
      .toMatch(/Scaled up replica set web-\w+ from 0 to 2/);
    // ...and two new pods surged together.
    const cluster = page.getByRole('region', { name: 'Cluster' });
    const lists = await cluster.getByRole('list').all();
    const labels = await Promise.all(lists.map((l) => l.getAttribute('aria-label')));
    const newest =
      lists[labels.map((l) => l?.startsWith('ReplicaSet ') ?? false).lastIndexOf(true)];
    expect(await newest?.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await screenshot('ramped-surge-2');
    expect(problems).toEqual([]);
  });
});

describe('The keyboard', () => {
  it('plays and pauses with space and steps with the right arrow', async () => {
    const { page, problems } = await open(browser, '/?scenario=recreate');
    await expect
      .poll(() => page.getByRole('button', { name: 'Play' }).count(), { timeout: 15_000 })
      .toBe(1);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // Wait for the scenario to be loaded before driving it.
    await expect
      .poll(() => page.getByRole('region', { name: 'Cluster' }).getByRole('list').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const before = await clockSeconds(page);
    // Each step is one controller action; the first image pull ends a second in.
    for (let i = 0; i < 20 && (await clockSeconds(page)) <= before; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
    }
    expect(await clockSeconds(page)).toBeGreaterThan(before);
    await expect
      .poll(() => page.getByRole('region', { name: 'Events' }).textContent())
      .toContain('ScalingReplicaSet');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('The address bar', () => {
  it('reproduces what is on screen: scenario, edits and time', async () => {
    const { page, problems } = await open(browser, '/?scenario=ramped');
    const surge = page.getByRole('slider', { name: 'maxSurge', exact: true });
    await expect.poll(() => surge.count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'maxSurge as a pod count' }).click();
    await surge.fill('2');
    await surge.dispatchEvent('change');
    await playUntil(page, 20, '5');
    await page.getByRole('button', { name: 'Pause' }).click();
    // The address bar follows a pause at once (while playing it is written every 2 s).
    await expect
      .poll(() => Number(new URL(page.url()).searchParams.get('t') ?? 0), { timeout: 5_000 })
      .toBeGreaterThanOrEqual(20);
    expect(new URL(page.url()).searchParams.get('a')).toBeTruthy();
    const url = new URL(page.url());
    expect(url.searchParams.get('scenario')).toBe('ramped');
    const shared = await open(browser, `${url.pathname}${url.search}`);
    await expect
      .poll(() => shared.page.locator('body').textContent(), { timeout: 15_000 })
      .toMatch(/maxSurge 2 → 2 pods · at most 5 pods/);
    await expect.poll(() => clockSeconds(shared.page)).toBeGreaterThanOrEqual(20);
    expect([...problems, ...shared.problems]).toEqual([]);
  });

  it('survives a hostile link with a clear message', async () => {
    const { page, problems } = await open(
      browser,
      '/?scenario=ramped&a=%%%not-base64&t=1e309&speed=-4',
    );
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toMatch(/not valid/);
    await expect.poll(() => page.getByRole('region', { name: 'Cluster' }).count()).toBe(1);
    expect(problems.filter((p) => !p.startsWith('console: error:'))).toEqual([]);
  });
});

describe('With reduced motion', () => {
  it('shows per-interval counts instead of moving dots', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=ramped',
      undefined,
      'reduce',
    );
    await playUntil(page, 10, '5');
    await expect
      .poll(() => page.getByRole('region', { name: 'Cluster' }).textContent(), { timeout: 10_000 })
      .toMatch(/\/s/);
    await screenshot('ramped-reduced-motion');
    expect(problems).toEqual([]);
  });
});
