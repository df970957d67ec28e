/**
 * Gateway API on the stage, as a learner sees it: the HTTPRoute between the clients and the
 * Services is a route box named "HTTPRoute web", its rule lists each backendRef with its weight
 * and that weight's share (weights are proportions: 9 and 1 is 90% and 10%), and the measured
 * split follows; in the Argo canary the plugin's weights appear there step by step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, clockSeconds } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const measured = (label: string | null): number => {
  const m = /measured ([\d.]+)%/.exec(label ?? '');
  return m ? Number(m[1]) : NaN;
};

describe('gateway-canary', () => {
  it('shows the HTTPRoute as a route box with weights 9 and 1 as 90% and 10%', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=gateway-canary&t=45');
    const route = page.getByRole('group', { name: 'HTTPRoute web' });
    await expect.poll(() => route.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => clockSeconds(page)).toBe(45);
    expect(await route.textContent()).toContain('most specific match wins');
    expect(await route.textContent()).toContain('hostnames web.example.com');
    await expect
      .poll(() => route.getByRole('listitem', { name: 'Rule 1: default' }).count())
      .toBe(1);
    const v1 = route.getByRole('listitem', { name: /^web-v1: weight 9 \(90%\), measured / });
    const v2 = route.getByRole('listitem', { name: /^web-v2: weight 1 \(10%\), measured / });
    await expect.poll(() => v1.count()).toBe(1);
    await expect.poll(() => v2.count()).toBe(1);
    // The measured split over the last seconds is near the weights (a few hundred requests).
    // The rates render a moment after the frame (they are throttled and rendered in a transition).
    await expect
      .poll(async () => measured(await v2.getAttribute('aria-label')), { timeout: 10_000 })
      .toBeGreaterThan(3);
    expect(measured(await v2.getAttribute('aria-label'))).toBeLessThan(20);
    await screenshot('gateway-canary-45s');
    expect(problems).toEqual([]);
  });
});

describe('argo-gateway-canary', () => {
  it('shows the weights the Gateway API plugin wrote: web-canary 20, web-stable 80', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=argo-gateway-canary&t=30',
    );
    const route = page.getByRole('group', { name: 'HTTPRoute web' });
    await expect.poll(() => route.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => clockSeconds(page)).toBe(30);
    const stable = route.getByRole('listitem', { name: /^web-stable: weight 80 \(80%\)/ });
    const canary = route.getByRole('listitem', { name: /^web-canary: weight 20 \(20%\)/ });
    await expect.poll(() => stable.count()).toBe(1);
    await expect.poll(() => canary.count()).toBe(1);
    // The traffic panel names the route the clients go through, not a Service.
    const traffic = page.getByRole('region', { name: 'Traffic and pods' });
    expect(await traffic.textContent()).toContain('to web.example.com through httproute/web');
    await screenshot('argo-gateway-canary-30s');
    expect(problems).toEqual([]);
  });
});
