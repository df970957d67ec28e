/**
 * Hostile files brought in through the editor's "Import YAML file" (issue 11 item 9): each
 * gives a clear message within a second or so, Run from start refuses it, and the running
 * scenario (ramped) and the page go on untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DEPLOYMENT = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** Ten levels of nine aliases each: 9^10 nodes if expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

const FILES: { name: string; text: () => string; message: RegExp }[] = [
  { name: 'alias-bomb.yaml', text: aliasBomb, message: /excessive aliasing/ },
  {
    name: 'deep.yaml',
    text: () => `a: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`,
    message: /exceeded max depth/,
  },
  {
    name: 'proto.yaml',
    text: () => DEPLOYMENT('  replicas: 3\n  __proto__: { polluted: true }'),
    message: /unknown field "spec.__proto__"/,
  },
  {
    name: 'million.yaml',
    text: () => DEPLOYMENT('  replicas: 1000000'),
    message: /spec\.replicas: Invalid value: 1000000: must be less than or equal to 10000/,
  },
  {
    name: 'nan.yaml',
    text: () => DEPLOYMENT('  replicas: .nan'),
    message: /json: unsupported value: NaN/,
  },
];

async function ready(page: Page) {
  await expect
    .poll(() => page.getByRole('slider', { name: 'replicas', exact: true }).count(), {
      timeout: 20_000,
    })
    .toBe(1);
}

const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Scenario YAML' });
const panel = (page: Page) => page.getByRole('region', { name: 'Scenario YAML' });
/** What Apply, Run from start or an import said (the Rollout plan has a status line of its own). */
const outcome = (page: Page) => panel(page).locator('.yaml-outcome');

async function importFile(page: Page, name: string, text: string | Buffer) {
  await page.getByLabel('Import YAML file').setInputFiles({
    name,
    mimeType: 'application/yaml',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

describe('hostile files through Import YAML file', () => {
  it('each is refused with a message, and ramped keeps running', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped');
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await expect.poll(() => editorBox(page).textContent(), { timeout: 20_000 }).toContain('web');
    const problemsList = page.getByRole('list', { name: 'Problems' });
    for (const file of FILES) {
      const t0 = Date.now();
      await importFile(page, file.name, file.text());
      await expect
        .poll(() => problemsList.textContent(), { timeout: 10_000 })
        .toMatch(file.message);
      console.warn(`[hostile files] ${file.name}: message after ${Date.now() - t0} ms`);
      await page.getByRole('button', { name: 'Run from start' }).click();
      await expect
        .poll(() => outcome(page).textContent(), { timeout: 10_000 })
        .toContain('The running scenario is unchanged.');
      if (file.name === 'million.yaml') await screenshot('hostile-file-million');
    }
    // A 10 MB file is not even read: the editor keeps the last text.
    const before = await editorBox(page).textContent();
    await importFile(page, 'huge.yaml', Buffer.alloc(10 * 1024 * 1024, 'a'));
    await expect
      .poll(() => outcome(page).textContent(), { timeout: 10_000 })
      .toMatch(/"huge\.yaml" is 10\.0 MB; the editor opens files up to 2\.0 MB/);
    expect(await editorBox(page).textContent()).toBe(before);
    // The page is still ramped, and it still plays.
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('slider', { name: 'replicas', exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Console' }).click();
    const input = page.getByRole('textbox', { name: 'kubectl', exact: true });
    await input.fill('get deployment web');
    await input.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'kubectl console' }).innerText())
      .toMatch(/\nweb\s+\d\/3\s/);
    expect(problems).toEqual([]);
  });
});
