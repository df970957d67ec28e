/**
 * Kept and shared: a custom scenario opened from a link is kept in "My scenarios" (IndexedDB)
 * and survives a reload; "Copy share link" opens the same scenario in a fresh browser; a
 * scenario too big for a link says so and offers the file; a truncated or tampered link says
 * so within a second and leaves what is open alone; "Export scenario" downloads a file that,
 * opened elsewhere, plays as the session did.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from './harness';
import { scenarioFragment } from '../../src/store/shareLink';
import { encodeActions } from '../../src/store/url';
import { catalogText } from '../support/catalog';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = 'My web rollout';
/** ramped, made the person's own: a title of theirs and four replicas. */
const MINE = catalogText('ramped')
  .replace(/rolloutlab\.dev\/title: .*/, `rolloutlab.dev/title: "${TITLE}"`)
  .replace('replicas: 3', 'replicas: 4');

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const myList = (page: Page) => page.getByRole('list', { name: 'My scenarios' });

async function ready(page: Page) {
  await expect
    .poll(() => page.getByRole('slider', { name: 'replicas' }).count(), { timeout: 20_000 })
    .toBe(1);
}

async function kubectl(page: Page, line: string) {
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl', exact: true });
  await input.fill(line);
  await input.press('Enter');
}

async function textView(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Text view' }).click();
  return (await page.getByRole('region', { name: 'Text view' }).innerText()).replace(
    /\d+s ago|AGE.*$/gm,
    '',
  );
}

describe('When a person opens a scenario of their own from a link', () => {
  it('keeps it in My scenarios across a reload, and its share link opens it in a fresh browser', async () => {
    const { page, problems, screenshot } = await open(browser, `/${await scenarioFragment(MINE)}`);
    await ready(page);
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    await expect
      .poll(() => myList(page).getByRole('listitem').allTextContents())
      .toEqual([`${TITLE}×`]);
    await kubectl(page, 'scale deployment/web --replicas=6');
    await screenshot('share-custom-open');

    // The address bar holds the action (and the scenario's text in its fragment).
    await expect.poll(() => new URL(page.url()).searchParams.has('a')).toBe(true);
    await page.reload();
    // A reload aborts the first load's requests (the worker script): not a problem of the page.
    problems.length = 0;
    // The scale survives the reload (its own link, replayed after asking, as for the catalog's).
    await page.getByRole('button', { name: 'Replay 1 action' }).click();
    await ready(page);
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    await expect
      .poll(() => myList(page).getByRole('button', { name: TITLE, exact: true }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('slider', { name: 'replicas' }).inputValue()).toBe('6');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Link copied.' }).count())
      .toBe(1);
    const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(new URL(url).hash).toMatch(/^#s=1\./);
    await screenshot('share-link-copied');

    // Another person: a fresh browser context (no IndexedDB of this one's).
    const other = await open(browser, url.slice(new URL(url).origin.length));
    await expect.poll(() => other.page.getByRole('dialog').count(), { timeout: 20_000 }).toBe(1);
    await other.page.getByRole('button', { name: 'Replay 1 action' }).click();
    await ready(other.page);
    await expect.poll(() => heading(other.page).textContent()).toBe(TITLE);
    await expect
      .poll(() => other.page.getByRole('slider', { name: 'replicas' }).inputValue())
      .toBe('6');
    await expect
      .poll(() => myList(other.page).getByRole('button', { name: TITLE, exact: true }).count())
      .toBe(1);
    await other.screenshot('share-link-fresh-context');
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
  }, 120_000);

  it('deletes one of My scenarios only after asking', async () => {
    const { page } = await open(browser, `/${await scenarioFragment(MINE)}`);
    await ready(page);
    await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
    const ask = page.getByRole('group', { name: `Delete ${TITLE}?` });
    await ask.getByRole('button', { name: 'Keep' }).click();
    expect(await myList(page).getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
    await page.screenshot({ path: 'test/e2e/out/share-delete-confirm.png' });
    await ask.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => myList(page).getByRole('listitem').count()).toBe(0);
    // Gone from the browser's storage: a catalog page reloaded does not list it.
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('recreate');
    await expect.poll(() => page.url()).toContain('scenario=recreate');
    await page.reload();
    await ready(page);
    expect(await myList(page).getByRole('listitem').count()).toBe(0);
  }, 90_000);
});

describe('When a link cannot be used', () => {
  it('says a scenario too big for a link is too big, and offers the file', async () => {
    // A description that does not compress: the link would pass the limit.
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const noise = Array.from(
      crypto.getRandomValues(new Uint8Array(21_000)),
      (b) => alphabet[b % 36],
    ).join('');
    const big = MINE.replace(
      /rolloutlab\.dev\/description: >-\n/,
      `rolloutlab.dev/description: >-\n      ${noise}\n`,
    );
    const { page, screenshot } = await open(browser, `/${await scenarioFragment(big)}`);
    await ready(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const status = page.getByRole('status').filter({ hasText: 'too big for a link' });
    await expect.poll(() => status.count()).toBe(1);
    expect(await status.textContent()).toMatch(
      /chat apps cut links past 16,000\. Share the file instead\./,
    );
    await screenshot('share-too-big');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      status.getByRole('button', { name: 'Download the scenario file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ramped.yaml');
    expect(readFileSync((await download.path())!, 'utf8')).toContain(noise);
    // Opened from My scenarios, its address names the browser's own copy (the text is too big
    // for it), and a reload opens that.
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('recreate');
    await expect.poll(() => heading(page).textContent()).not.toBe(TITLE);
    await myList(page).getByRole('button', { name: TITLE, exact: true }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#my=[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    await page.reload();
    await ready(page);
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
  }, 90_000);

  it('says a truncated or tampered link is broken within a second, and keeps what is open', async () => {
    const { page, problems, screenshot } = await open(browser, `/${await scenarioFragment(MINE)}`);
    await ready(page);
    await kubectl(page, 'scale deployment/web --replicas=5');
    await expect.poll(() => page.getByRole('slider', { name: 'replicas' }).inputValue()).toBe('5');
    const good = await scenarioFragment(catalogText('recreate'));
    for (const broken of [
      good.slice(0, Math.floor(good.length / 2)),
      `${good.slice(0, 40)}!!${good.slice(42)}`,
    ]) {
      const started = Date.now();
      await page.evaluate((h) => {
        window.location.hash = h;
      }, broken);
      const alert = page
        .getByRole('alert')
        .filter({ hasText: "the link's scenario (#s=…) could not be opened" });
      await alert.waitFor({ timeout: 5_000 });
      expect(Date.now() - started).toBeLessThan(1000);
      await screenshot('share-broken-link');
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      // Nothing changed: the same scenario, the person's scale, and its address back.
      expect(await heading(page).textContent()).toBe(TITLE);
      expect(await page.getByRole('slider', { name: 'replicas' }).inputValue()).toBe('5');
      await expect.poll(() => new URL(page.url()).hash.length).toBeGreaterThan(100);
    }
    // In a fresh browser the page opens the catalog's default and says why.
    const fresh = await open(browser, `/${good.slice(0, 60)}`);
    await ready(fresh.page);
    expect(await fresh.page.getByRole('alert').textContent()).toMatch(
      /could not be opened: its compressed data is cut short or altered/,
    );
    expect(problems).toEqual([]);
  }, 90_000);
});

describe('When a session is exported', () => {
  it('downloads a scenario that, opened elsewhere, plays as the session did', async () => {
    const actions = await encodeActions([
      { t: 3000, kind: 'kubectl', line: 'scale deployment/web --replicas=6' },
      { t: 9000, kind: 'traffic', patch: { rps: 40 } },
      { t: 16000, kind: 'kubectl', line: 'rollout pause deployment/web' },
    ]);
    const { page, screenshot } = await open(
      browser,
      `/?t=30&a=${actions}${await scenarioFragment(MINE)}`,
    );
    await page.getByRole('button', { name: 'Replay 3 actions' }).click();
    await ready(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export scenario' }).click(),
    ]);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toContain('kubectl: scale deployment/web --replicas=6');
    expect(text).toContain('{ at: 9s, traffic: { rps: 40 } }');
    const [manifests] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export manifests' }).click(),
    ]);
    const plain = readFileSync((await manifests.path())!, 'utf8');
    expect(plain).not.toMatch(/Scenario|rolloutlab\.dev/);
    expect(plain).toContain('replicas: 4');
    await screenshot('share-exported');

    // Imported elsewhere: the file alone, at the same time, shows the same cluster.
    const other = await open(browser, `/?t=30${await scenarioFragment(text)}`);
    await ready(other.page);
    await expect
      .poll(() => other.page.getByRole('slider', { name: 'replicas' }).inputValue())
      .toBe('6');
    expect(await textView(other.page)).toBe(await textView(page));
  }, 120_000);
});
