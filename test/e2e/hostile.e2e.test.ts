/**
 * Hostile input a person can reach today (issue 11 item 9): a truncated or tampered `?a=` link
 * and a link whose actions ask for more than the simulator can run each open the scenario with
 * a clear message; `kubectl scale --replicas=1000000` in the console is refused in the API
 * server's format, naming the field and the limit, and the app goes on responding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clockSeconds, launch, open } from './harness';
import { encodeActions } from '../../src/store/url';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page) {
  await expect
    .poll(() => page.getByRole('slider', { name: 'replicas', exact: true }).count(), {
      timeout: 20_000,
    })
    .toBe(1);
}

async function kubectl(page: Page, line: string): Promise<void> {
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl' });
  await input.fill(line);
  await input.press('Enter');
}

const consoleText = (page: Page) =>
  page.getByRole('region', { name: 'kubectl console' }).innerText();

describe('hostile input in the browser', () => {
  it('kubectl scale to a million replicas is refused with the limit, and the app goes on', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped');
    await ready(page);
    const t0 = Date.now();
    await kubectl(page, 'scale deployment/web --replicas=1000000');
    const refusal =
      'The Deployment "web" is invalid: spec.replicas: Invalid value: 1000000: must be less than or equal to 10000 (the most replicas of one workload the simulator runs)';
    await expect.poll(() => consoleText(page), { timeout: 10_000 }).toContain(refusal);
    console.warn(`[hostile e2e] scale to 10^6 answered in ${Date.now() - t0} ms`);
    await screenshot('hostile-scale-million');
    // Still responsive: another command answers, the cluster kept its 3 replicas, time moves.
    await kubectl(page, 'get deployment web');
    await expect.poll(() => consoleText(page)).toMatch(/\nweb\s+\d\/3\s/);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => clockSeconds(page), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(problems).toEqual([]);
  });

  it('a truncated link opens the scenario and says which parameter was broken', async () => {
    const encoded = await encodeActions([
      { t: 2000, kind: 'kubectl', line: 'scale deployment/web --replicas=5' },
      { t: 4000, kind: 'kubectl', line: 'set image deployment/web web=nginx:1.27' },
    ]);
    const truncated = encoded.slice(0, Math.floor(encoded.length / 2));
    const { page, problems, screenshot } = await open(
      browser,
      `/?scenario=ramped&t=5&a=${truncated}`,
    );
    await ready(page);
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain(`error: the link's "a" parameter is not valid`);
    await screenshot('hostile-truncated-link');
    // Nothing of the link's actions ran: the Deployment is as the scenario made it.
    await kubectl(page, 'get deployment web');
    await expect.poll(() => consoleText(page)).toMatch(/\nweb\s+\d\/3\s/);
    expect(problems).toEqual([]);
  });

  it.each([
    ['tampered base64', '1.!!!not-base64***'],
    ['a JSON object instead of a list', btoa('{"__proto__":{"polluted":1}}').replace(/=+$/, '')],
    ['actions of an unknown kind', btoa('[[1,"x",{"__proto__":1}]]').replace(/=+$/, '')],
  ])('a tampered link (%s) opens the scenario with a message', async (_, a) => {
    const { page, problems } = await open(browser, `/?scenario=ramped&a=${a}`);
    await ready(page);
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain(`error: the link's "a" parameter is not valid`);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(await page.evaluate(() => 'polluted' in Object.prototype)).toBe(false);
    expect(problems.filter((p) => !p.includes('http 431') && !p.includes('http 414'))).toEqual([]);
  });

  it("a link's action asking for a million replicas replays as a refusal; the rest of the link runs", async () => {
    const encoded = await encodeActions([
      { t: 1000, kind: 'kubectl', line: 'scale deployment/web --replicas=1000000' },
      { t: 2000, kind: 'kubectl', line: 'scale deployment/web --replicas=4' },
    ]);
    const { page, problems } = await open(browser, `/?scenario=ramped&t=3&a=${encoded}`);
    await page
      .getByRole('button', { name: /replay/i })
      .first()
      .click();
    await ready(page);
    await kubectl(page, 'get deployment web');
    await expect.poll(() => consoleText(page), { timeout: 15_000 }).toMatch(/web\s+\d\/4\s/);
    expect(problems).toEqual([]);
  });
});
