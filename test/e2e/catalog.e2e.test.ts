import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Opening a catalog scenario', () => {
  it('shows the ramped rollout the controllers simulated, event by event', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped');
    const events = page.getByRole('region', { name: 'Events' });
    // Either the run's events or the page's explanation of why there are none.
    await events.or(page.getByRole('alert')).first().waitFor();
    await screenshot('catalog-ramped');
    expect(problems).toEqual([]);
    const text = (await events.textContent()) ?? '';
    expect(text).toContain('Scaled up replica set');
    expect(text).toMatch(/Scaled down replica set web-\w+ from 3 to 2/);
    expect(await page.title()).toBe('Rollout Lab');
  });
});
