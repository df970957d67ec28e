/**
 * In Chromium, as a first-time user: the legacy `kubectl rolling-update` scenario shows the
 * client that drives it (its next action, then what Ctrl-C left) and the two
 * ReplicationControllers in the side panel; the text view of an Istio and an HPA scenario lists
 * the Services, VirtualServices, routes and HorizontalPodAutoscalers as kubectl prints them.
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

const clientGroup = (page: Page) =>
  page
    .getByRole('region', { name: 'Cluster' })
    .getByRole('group', { name: 'kubectl rolling-update client' });

async function openTextView(page: Page) {
  await page.getByRole('tab', { name: 'Text view' }).click();
  const view = page.getByRole('region', { name: 'Text view' });
  await view.scrollIntoViewIfNeeded();
  return view;
}

describe('The legacy kubectl rolling-update scenario', () => {
  it('draws the client with its next action and shows both ReplicationControllers beside it', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=legacy-rolling-update&t=16',
    );
    const client = clientGroup(page);
    await expect.poll(() => client.textContent(), { timeout: 20_000 }).toMatch(/running/);
    await expect(client.textContent()).resolves.toMatch(
      /Next\s*scale frontend down 3 → 2 in 7\.0 s/,
    );
    const rcs = page
      .getByRole('complementary', { name: 'Controls' })
      .getByRole('region', { name: 'ReplicationControllers' });
    await expect.poll(() => rcs.getByRole('listitem').count()).toBe(2);
    await expect(rcs.textContent()).resolves.toMatch(/Not owned by any controller/);
    await expect(page.getByText('This scenario has no Deployment.').count()).resolves.toBe(0);
    await screenshot('legacy-client-running');
    expect(problems).toEqual([]);
  });

  it('says, after Ctrl-C, that the controllers stay mid-way and nothing will finish this', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=legacy-rolling-update-interrupted&t=40',
    );
    const left = clientGroup(page).getByRole('status');
    await expect
      .poll(() => left.textContent(), { timeout: 20_000 })
      .toMatch(
        /^interrupted: frontend at 2, frontend-[0-9a-f]{32} at 2 — nothing will finish this$/,
      );
    await screenshot('legacy-client-interrupted');
    expect(problems).toEqual([]);
  });
});

describe('The text view', () => {
  it('lists the Services, the VirtualService and its routes in an Istio scenario', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=canary-istio-weights&t=30',
    );
    const view = await openTextView(page);
    const vs = view.getByRole('table', { name: 'VirtualServices' });
    await expect
      .poll(() => vs.textContent(), { timeout: 20_000 })
      .toMatch(/virtualservice\.networking\.istio\.io\/web/);
    await expect(
      view.getByRole('table', { name: 'Services', exact: true }).textContent(),
    ).resolves.toMatch(/service\/web\s*ClusterIP/);
    await expect(view.getByRole('table', { name: /^Routes/ }).textContent()).resolves.toMatch(
      /web v1 90%, web v2 10%/,
    );
    await screenshot('text-view-istio');
    expect(problems).toEqual([]);
  });

  it('lists the HorizontalPodAutoscaler in an HPA scenario', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=hpa-rolling-update&t=40',
    );
    const view = await openTextView(page);
    const hpa = view.getByRole('table', { name: 'HorizontalPodAutoscalers' });
    await expect
      .poll(() => hpa.textContent(), { timeout: 20_000 })
      .toMatch(/horizontalpodautoscaler\.autoscaling\/web\s*Deployment\/web\s*cpu: \d+%\/50%/);
    await hpa.scrollIntoViewIfNeeded();
    await screenshot('text-view-hpa');
    expect(problems).toEqual([]);
  });
});
