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
    await expect
      .poll(() => events.textContent(), { timeout: 15_000 })
      .toContain('Scaled up replica set');
    const text = (await events.textContent()) ?? '';
    expect(text).toMatch(/Scaled down replica set web-\w+ from 3 to 2/);
    await screenshot('catalog-ramped');
    expect(problems).toEqual([]);
  });
});
