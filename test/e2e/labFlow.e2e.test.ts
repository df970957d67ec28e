/**
 * The lab's parts working together as a person uses them: an unfinished (even invalid) edit
 * survives a reload and the editor reopens on it; a retired tutorial Deployment is converted
 * with one click, its Rollout plan is shown beside Apply, and Run from start keeps it among
 * "My scenarios".
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

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Scenario YAML' });

async function ready(page: Page) {
  await poll(() => page.getByRole('button', { name: 'Edit YAML' }).isEnabled()).toBe(true);
  await poll(() => page.getByLabel('Simulated clock').count()).toBe(1);
}

async function paste(page: Page, text: string) {
  await editorBox(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

const HTTPD = readFileSync('test/fixtures/tutorials/httpd-apps-v1beta1.yaml', 'utf8');

describe('the lab, end to end', () => {
  it('keeps an unfinished edit across a reload: the editor reopens on it', async () => {
    const { page, problems } = await open(browser, '/?scenario=ramped');
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await poll(() => editorBox(page).textContent()).toContain('kind: Deployment');
    await paste(page, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: half-typed\n');
    // Drafts are written as the person types; give the write a moment before the reload.
    await page.waitForTimeout(500);
    await page.reload();
    await poll(() => editorBox(page).count()).toBe(1);
    await poll(() => editorBox(page).textContent()).toContain('half-typed');
    await poll(() => page.getByRole('list', { name: 'Problems' }).textContent()).toMatch(
      /line \d+: /,
    );
    // The reload cuts the first page's requests short (its worker script): not an error.
    expect(problems.filter((p) => !p.startsWith('requestfailed'))).toEqual([]);
  });

  it('converts a tutorial, shows its plan and keeps it among My scenarios', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped');
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await poll(() => editorBox(page).textContent()).toContain('kind: Deployment');
    await paste(page, HTTPD);
    const problemsList = page.getByRole('list', { name: 'Problems' });
    await poll(() => problemsList.textContent()).toContain(
      'no matches for kind "Deployment" in version "apps/v1beta1"',
    );
    await page.getByRole('button', { name: 'Convert to apps/v1' }).click();
    await poll(() => editorBox(page).textContent()).toContain('apiVersion: apps/v1');
    await poll(() => problemsList.count()).toBe(0);
    expect(await editorBox(page).textContent()).toContain('revisionHistoryLimit: 2');
    await screenshot('lab-converted');
    await page.getByRole('button', { name: 'Run from start' }).click();
    const mine = page.getByRole('list', { name: 'My scenarios' });
    await poll(() => mine.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    // The converted Deployment runs: its three pods come up.
    await page.getByRole('tab', { name: 'Console' }).click();
    const input = page.getByRole('textbox', { name: 'kubectl', exact: true });
    await input.fill('get deployment httpd');
    await input.press('Enter');
    await poll(() => page.getByRole('region', { name: 'kubectl console' }).innerText()).toMatch(
      /\nhttpd\s+\d\/3\s/,
    );
    await screenshot('lab-my-scenario-running');
    expect(problems).toEqual([]);
  });
});
