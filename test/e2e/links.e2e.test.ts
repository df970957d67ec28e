/**
 * Links a person shares: twenty slider drags make a short link that the server accepts and that
 * opens to the same state; a link that changes the cluster asks first; Back and Forward move
 * between the scenarios the person opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from './harness';
import { decodeLink, encodeActions } from '../../src/store/url';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SLIDERS = [
  'replicas',
  'maxSurge',
  'maxUnavailable',
  'minReadySeconds',
  'requests per second',
  'pod start time',
];

const slider = (page: Page, name: string) => page.getByRole('slider', { name, exact: true });

async function sliderValues(page: Page): Promise<string[]> {
  return Promise.all(SLIDERS.map((n) => slider(page, n).getAttribute('aria-valuetext'))) as Promise<
    string[]
  >;
}

/** Presses on the track at `from`, moves in small steps to `to` (fractions), releases. */
async function drag(
  page: Page,
  name: string,
  from: number,
  to: number,
  whileHeld?: () => Promise<void>,
) {
  await slider(page, name).scrollIntoViewIfNeeded();
  const box = (await slider(page, name).boundingBox())!;
  const y = box.y + box.height / 2;
  const at = (f: number) => box.x + 8 + f * (box.width - 16);
  await page.mouse.move(at(from), y);
  await page.mouse.down();
  for (let i = 1; i <= 3; i++) {
    await page.mouse.move(at(from + ((to - from) * i) / 3), y);
    await page.waitForTimeout(25);
  }
  await whileHeld?.();
  await page.mouse.up();
}

async function ready(page: Page) {
  await expect.poll(() => slider(page, 'replicas').count(), { timeout: 15_000 }).toBe(1);
}

async function linkActions(page: Page) {
  return (await decodeLink(new URL(page.url()).search)).actions;
}

describe('A link with twenty slider drags', () => {
  it('is short, accepted by the server, and opens to the same state', async () => {
    const { page, problems } = await open(browser, '/?scenario=ramped&t=5');
    await ready(page);
    const replicasBefore = await slider(page, 'replicas').getAttribute('aria-valuetext');
    // The picture follows the drag before the release: the replicas hint changes while held.
    await drag(page, SLIDERS[0]!, 0.1, 0.9, async () => {
      await expect
        .poll(() => slider(page, 'replicas').getAttribute('aria-valuetext'))
        .not.toBe(replicasBefore);
      await expect
        .poll(() => page.getByRole('region', { name: 'Deployment web' }).textContent())
        .not.toMatch(/at most 4 pods/);
    });
    for (let i = 1; i < 20; i++) {
      const from = 0.1 + ((i * 29) % 50) / 100;
      const to = 0.15 + ((i * 41) % 70) / 100;
      // The last drag is the start time: a change no frame shows, which the link still gets.
      await drag(page, SLIDERS[(i + 4) % SLIDERS.length]!, from, to);
    }
    // One action per drag, each the released value, at whole ms.
    await expect.poll(async () => (await linkActions(page)).length, { timeout: 5_000 }).toBe(20);
    const actions = await linkActions(page);
    expect(actions.every((a) => a.t === 5000)).toBe(true);
    const href = page.url();
    expect(href.length).toBeLessThan(2000);
    const mine = await sliderValues(page);

    const url = new URL(href);
    const shared = await open(browser, `${url.pathname}${url.search}`);
    const dialog = shared.page.getByRole('dialog', { name: 'Replay actions from this link?' });
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.getByRole('listitem').count()).toBe(20);
    await shared.screenshot('links-replay-dialog-20');
    await dialog.getByRole('button', { name: 'Replay 20 actions' }).click();
    await ready(shared.page);
    await expect.poll(() => sliderValues(shared.page), { timeout: 10_000 }).toEqual(mine);
    expect(await shared.page.getByLabel('Simulated clock').textContent()).toBe('0:05.0');
    // Any 4xx (431 for a header too large) would be listed here.
    expect([...problems, ...shared.problems]).toEqual([]);
  });
});

describe('A link whose actions change the cluster', () => {
  it('lists them and, with "Open without them", replays none', async () => {
    const a = await encodeActions([
      { t: 2000, kind: 'kubectl', line: 'scale deployment/web --replicas=7' },
      { t: 2500, kind: 'traffic', patch: { rps: 50 } },
      { t: 17000, kind: 'kubectl', line: 'delete deployment web' },
    ]);
    const { page, problems, screenshot } = await open(browser, `/?scenario=ramped&t=3&a=${a}`);
    const dialog = page.getByRole('dialog', { name: 'Replay actions from this link?' });
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(1);
    const items = await dialog.getByRole('listitem').allTextContents();
    expect(items).toEqual([
      '0:02kubectl scale deployment/web --replicas=7',
      '0:02.5traffic: 50 requests/s',
      '0:17kubectl delete deployment web',
    ]);
    // Focus starts on the choice that changes nothing.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Open without them',
    );
    await screenshot('links-replay-dialog');
    await dialog.getByRole('button', { name: 'Open without them' }).click();
    await ready(page);
    expect(await dialog.count()).toBe(0);
    expect(await slider(page, 'replicas').getAttribute('aria-valuetext')).toBe('3');
    expect(await page.getByLabel('Simulated clock').textContent()).toBe('0:03.0');
    // The address bar no longer carries the actions that were not replayed.
    await expect.poll(() => new URL(page.url()).searchParams.get('a')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('a garbled one opens the scenario with a notice, without asking', async () => {
    const { page, problems } = await open(browser, '/?scenario=ramped&a=1.bm90LWRlZmxhdGU');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toMatch(/the link's "a" parameter is not valid: it is not compressed data/);
    await ready(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('Back and Forward', () => {
  it('move between the scenarios the person opened, each with its edits', async () => {
    const { page, problems } = await open(browser, '/?scenario=ramped');
    await ready(page);
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    const ramped = await heading();
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('recreate');
    await expect.poll(heading, { timeout: 15_000 }).not.toBe(ramped);
    const recreate = await heading();
    await ready(page);
    await drag(page, 'replicas', 0.1, 0.8);
    const edited = await slider(page, 'replicas').getAttribute('aria-valuetext');
    // The released value reaches the address bar a moment after the release.
    await expect
      .poll(async () => (await linkActions(page)).map((a) => a.kind === 'kubectl' && a.line))
      .toEqual([`scale deployment/web --replicas=${edited}`]);

    await page.goBack();
    await expect.poll(heading, { timeout: 15_000 }).toBe(ramped);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('ramped');
    expect(await page.getByRole('combobox', { name: 'Scenario' }).inputValue()).toBe('ramped');

    await page.goForward();
    await expect.poll(heading, { timeout: 15_000 }).toBe(recreate);
    // Its edit came back with it, replayed from its entry's link without asking.
    await expect
      .poll(() => slider(page, 'replicas').getAttribute('aria-valuetext'), { timeout: 10_000 })
      .toBe(edited);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
