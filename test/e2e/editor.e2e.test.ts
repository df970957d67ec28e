/**
 * The Scenario YAML editor as a person uses it: a tutorial's Deployment pasted and run from the
 * start, an invalid edit kept with its Problems (the running scenario untouched), Apply of a new
 * image mid-run starting a rollout, `kubectl edit` from the console, a file imported, Escape
 * giving the focus back. Screenshots at 1280×720 and at projector size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { clockSeconds, launch, open, OUT_DIR } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The Deployment of the Kubernetes tutorial "Deployments" (apps/v1), with a Service and a short Scenario. */
const TUTORIAL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata:
  name: tutorial
spec:
  duration: 60s
`;

/** A busy machine takes its time: every wait allows 15 s. */
const poll = <T>(fn: () => T | Promise<T>, o: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 15_000, ...o });

const RAMPED = readFileSync('public/scenarios/ramped.yaml', 'utf8');

const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Scenario YAML' });
const panel = (page: Page) => page.getByRole('region', { name: 'Scenario YAML' });
/** What Apply, Run from start or an import said (the Rollout plan has a status line of its own). */
const outcome = (page: Page) => panel(page).locator('.yaml-outcome');

async function ready(page: Page) {
  await poll(() => page.getByRole('button', { name: 'Edit YAML' }).isEnabled()).toBe(true);
  await poll(() => page.getByLabel('Simulated clock').count(), { timeout: 15_000 }).toBe(1);
}

/** Replaces the editor's text as a paste does. */
async function paste(page: Page, text: string) {
  await editorBox(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

async function consoleRun(page: Page, line: string) {
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl', exact: true });
  await input.fill(line);
  await input.press('Enter');
}

const transcript = (page: Page) =>
  page.getByRole('region', { name: 'kubectl console' }).textContent();

describe('The Scenario YAML editor', () => {
  it('opens the running scenario, runs a pasted tutorial Deployment from the start', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped', {
      width: 1280,
      height: 720,
    });
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await poll(() => editorBox(page).textContent()).toContain('kind: Deployment');
    await screenshot('editor-open-1280x720');
    await paste(page, TUTORIAL);
    await poll(() => page.getByText('No problems found.').count()).toBe(1);
    await page.getByRole('button', { name: 'Run from start' }).click();
    await poll(() => outcome(page).textContent()).toContain('Loaded from t = 0 and playing.');
    await page.getByRole('button', { name: 'Close' }).click();
    await consoleRun(page, 'get pods');
    await poll(
      async () => ((await transcript(page)) ?? '').match(/nginx-deployment-\w+-\w+/g)?.length ?? 0,
      {
        timeout: 20_000,
      },
    ).toBeGreaterThanOrEqual(3);
    await screenshot('editor-tutorial-running');
    expect(problems).toEqual([]);
  });

  it('keeps an invalid edit with its Problems and leaves the running scenario alone', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=ramped', {
      width: 1280,
      height: 720,
    });
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await poll(() => editorBox(page).textContent()).toContain('kind: Deployment');
    const invalid = TUTORIAL.replace(
      '  selector:',
      '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n  selector:',
    );
    await paste(page, invalid);
    const problemsList = page.getByRole('list', { name: 'Problems' });
    await poll(() => problemsList.textContent()).toMatch(
      /(line \d+: )?.*spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0/,
    );
    await page.getByRole('button', { name: 'Run from start' }).click();
    await poll(() => outcome(page).textContent()).toContain('The running scenario is unchanged.');
    expect(await editorBox(page).textContent()).toContain('maxUnavailable: 0');
    // Each problem once, whether the check or Run from start found it.
    expect(await problemsList.getByRole('listitem').count()).toBe(1);
    await screenshot('editor-invalid-1280x720');
    // Still ramped: its Deployment is there, the tutorial's is not.
    await page.getByRole('button', { name: 'Close' }).click();
    await consoleRun(page, 'get deployments');
    await poll(() => transcript(page)).toMatch(/web\s+\d\/3/);
    expect(await transcript(page)).not.toContain('nginx-deployment');
  });

  it('applies a new image mid-run: a rollout starts, in the console and the events', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=ramped', {
      width: 1280,
      height: 720,
    });
    await ready(page);
    // Mid-run: playing, the first ReplicaSet up.
    await page.getByRole('button', { name: 'Play' }).click();
    await poll(() => clockSeconds(page)).toBeGreaterThan(3);
    // Paused while editing, well before the scenario's own image change at 15 s.
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await clockSeconds(page)).toBeLessThan(15);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await poll(() => editorBox(page).textContent()).toContain('image: nginx:1.26');
    await paste(page, RAMPED.replace('image: nginx:1.26', 'image: nginx:1.25'));
    await page.getByRole('button', { name: 'Apply' }).click();
    await poll(() => outcome(page).textContent()).toBe(
      'deployment.apps/web configured\nservice/web unchanged\n',
    );
    await screenshot('editor-applied-1280x720');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    // The applied image's own ReplicaSet (the scenario's later step would bring nginx:1.27).
    await consoleRun(page, 'get rs -o wide');
    await poll(() => transcript(page)).toMatch(/web-\w+ .*nginx:1\.25/);
    expect(await transcript(page)).toContain('apply -f ramped.yaml');
    await page.getByRole('tab', { name: 'Events' }).click();
    await poll(() => page.getByRole('region', { name: 'Events' }).textContent(), {
      timeout: 15_000,
    }).toMatch(/Scaled up replica set web-\w+/);
  });

  it('opens `kubectl edit deployment/web` on the object and prints "edited" when applied', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=ramped', {
      width: 1280,
      height: 720,
    });
    await ready(page);
    await consoleRun(page, 'edit deployment/web');
    await poll(() => editorBox(page).textContent()).toContain(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,",
    );
    await poll(() => panel(page).getByRole('heading').first().textContent()).toBe(
      'kubectl edit deployment/web',
    );
    await screenshot('editor-kubectl-edit');
    // The spec's replicas line: click its end, change the number, as a person edits.
    await editorBox(page)
      .locator('.cm-line')
      .filter({ hasText: /^\s*replicas: 3$/ })
      .first()
      .click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await poll(() => editorBox(page).textContent()).toContain('replicas: 5');
    await page.getByRole('button', { name: 'Apply' }).click();
    await poll(() => panel(page).count()).toBe(0);
    await poll(() => transcript(page)).toContain('deployment.apps/web edited');
    // The focus is back where the person typed.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'kubectl',
    );
    // Closing without applying cancels, in kubectl's words.
    await consoleRun(page, 'edit deploy web');
    await poll(() => panel(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => transcript(page)).toContain('Edit cancelled, no changes made.');
  });

  it('imports a file, closes on Escape and gives the focus back to "Edit YAML"', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=ramped', {
      width: 1920,
      height: 1080,
    });
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    mkdirSync(OUT_DIR, { recursive: true });
    const file = `${OUT_DIR}/tutorial.yaml`;
    writeFileSync(file, TUTORIAL);
    await page.getByLabel('Import YAML file').setInputFiles(file);
    await poll(() => editorBox(page).textContent()).toContain('name: nginx-deployment');
    await poll(() => page.getByText('No problems found.').count()).toBe(1);
    // apps/v1 already: nothing to convert.
    expect(await page.getByRole('button', { name: 'Convert to apps/v1' }).count()).toBe(0);
    await screenshot('editor-projector-1920x1080');
    await editorBox(page).press('Escape');
    await poll(() => panel(page).count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit YAML');
  });

  it('keeps its buttons and Problems on screen in a small window (a projector at 150 %)', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=ramped', {
      width: 853,
      height: 480,
    });
    await ready(page);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    await poll(() => page.getByText('No problems found.').count()).toBe(1);
    for (const name of ['Apply', 'Run from start', 'Close', 'Import YAML file']) {
      const box = await page
        .getByRole('button', { name })
        .or(page.getByText(name, { exact: true }))
        .first()
        .boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(853);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(480);
    }
    await screenshot('editor-853x480');
  });
});
