/**
 * The app as a first-time user drives it in Chromium: open each catalog scenario, play it fast,
 * watch pods and events change as the engine says, drag a slider mid-rollout, use the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, open, clockSeconds } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const catalog = JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { id: string }[];

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
    // A Deployment scales ReplicaSets; an Argo Rollout or a ReplicationController scenario logs
    // on other objects, shown with "All events".
    const deployments = /^kind: Deployment$/m.test(
      readFileSync(`public/scenarios/${id}.yaml`, 'utf8'),
    );
    if (!deployments) await events.getByLabel('All events').check();
    await expect
      .poll(() => events.textContent(), { timeout: 10_000 })
      .toMatch(deployments ? /ScalingReplicaSet/ : /ScalingReplicaSet|SuccessfulCreate|Created/);
    // Read at one instant: a list can go while playing (a ReplicationController deleted).
    const names = await cluster
      .getByRole('listbox')
      .evaluateAll((lists) => lists.map((l) => l.getAttribute('aria-label')));
    expect(names.some((n) => /^(ReplicaSet|ReplicationController) /.test(n ?? ''))).toBe(true);
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
    const lists = await cluster.getByRole('listbox').all();
    const labels = await Promise.all(lists.map((l) => l.getAttribute('aria-label')));
    const newest =
      lists[labels.map((l) => l?.startsWith('ReplicaSet ') ?? false).lastIndexOf(true)];
    expect(await newest?.getByRole('option').count()).toBeGreaterThanOrEqual(2);
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
    // The patch changes the cluster: the link asks before replaying it.
    await shared.page.getByRole('button', { name: /^Replay \d+ actions?$/ }).click();
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

describe('Traffic rules on the stage', () => {
  const small = { width: 1280, height: 800 };

  async function waitForStage(page: Page) {
    await expect
      .poll(() => page.getByRole('region', { name: 'Cluster' }).getByRole('list').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
  }

  function measured(label: string | null): number {
    return Number(/measured (\d+(?:\.\d+)?)%/.exec(label ?? '')?.[1] ?? NaN);
  }

  it('draws the canary route with its weights, the measured split and a split slider', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=canary-istio-weights&t=26',
      small,
    );
    await waitForStage(page);
    const box = page.getByRole('group', { name: 'VirtualService web' });
    await expect.poll(() => box.count()).toBe(1);
    await playUntil(page, 34, '2');
    await page.getByRole('button', { name: 'Pause' }).click();
    const v2 = box.getByRole('listitem', { name: /^web v2: weight 10%, measured/ });
    await expect.poll(() => v2.count()).toBe(1);
    const share = measured(await v2.getAttribute('aria-label'));
    expect(share).toBeGreaterThan(3);
    expect(share).toBeLessThan(20);
    await screenshot('mesh-canary-weights');
    // Drag the split: the VirtualService is patched to 50/50, as the console shows.
    const slider = box.getByRole('slider', { name: 'Split of rule 1 between web v1 and web v2' });
    await slider.fill('50');
    await slider.dispatchEvent('pointerup');
    await expect
      .poll(() => box.getByRole('listitem', { name: /^web v2: weight 50%/ }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(problems).toEqual([]);
  });

  it('shows client segments in their colours and the phones’ rule sending them to v2', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=ab-user-agent&t=28',
      small,
    );
    await waitForStage(page);
    const segments = page.getByRole('list', { name: 'Client segments' }).getByRole('listitem');
    await expect.poll(() => segments.count()).toBe(3);
    expect(await segments.first().getAttribute('aria-label')).toBe('mobile · iPhone 25%');
    await playUntil(page, 32, '1');
    const box = page.getByRole('group', { name: 'VirtualService storefront' });
    const phones = box.getByRole('listitem', { name: /^Rule 1: user-agent/ });
    await expect
      .poll(() =>
        phones.getByRole('listitem', { name: /storefront v2: weight 100%, measured 100%/ }).count(),
      )
      .toBe(1);
    await screenshot('mesh-ab-user-agent');
    expect(problems).toEqual([]);
  });

  it('flashes the Service when blue/green switches its selector, and keeps the old one readable', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=blue-green&t=29', small);
    await waitForStage(page);
    await playUntil(page, 30.3, '1');
    const web = page.getByRole('group', { name: 'Service web' });
    await expect.poll(() => web.locator('.service-flash').count(), { timeout: 5_000 }).toBe(1);
    await screenshot('mesh-blue-green-switch');
    await expect.poll(() => web.textContent()).toMatch(/was version=blue until 0:30/);
    expect(problems).toEqual([]);
  });

  it('shows a mirror dashed, with the responses dropped', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=shadow-mirror&t=30',
      small,
    );
    await waitForStage(page);
    await playUntil(page, 33, '1');
    const mirror = page
      .getByRole('group', { name: 'VirtualService checkout' })
      .getByRole('listitem', { name: 'mirror 100% to checkout v2 (responses dropped)' });
    await expect.poll(() => mirror.count()).toBe(1);
    await screenshot('mesh-shadow-mirror');
    expect(problems).toEqual([]);
  });
});
