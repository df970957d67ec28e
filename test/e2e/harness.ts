/**
 * Browser harness: Debian's Chromium through playwright-core (nothing is downloaded), with the
 * flags this machine needs, console errors and failed requests collected, and screenshots
 * written to test/e2e/out/ for a person to look at.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { inject, onTestFinished } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/browser';

export const OUT_DIR = 'test/e2e/out';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors and failed or 4xx/5xx requests seen so far. */
  problems: string[];
  screenshot(name: string): Promise<string>;
}

export async function open(
  browser: Browser,
  path: string,
  viewport = { width: 1440, height: 900 },
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion });
  // A page left open keeps playing its simulation and starves every later test of CPU.
  onTestFinished(() => context.close());
  // Fail within the test's time with playwright's message, not vitest's bare timeout.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${inject('baseUrl')}${path}`);
  mkdirSync(OUT_DIR, { recursive: true });
  return {
    page,
    problems,
    async screenshot(name: string) {
      const file = `${OUT_DIR}/${name}.png`;
      await page.screenshot({ path: file });
      return file;
    },
  };
}

/** The simulated clock on screen ("1:05.3"), in seconds. */
export async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByLabel('Simulated clock').textContent()) ?? '';
  const m = /(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
}
