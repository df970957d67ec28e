/**
 * The HorizontalPodAutoscaler on the stage, as a person meets it in `hpa-rolling-update`: its
 * group beside the Deployment shows the numbers the runner prints (CPU 88 % against 50 %,
 * desired 4 from t = 30 s to 45 s), with the decision's arithmetic; the replicas slider says the
 * HPA owns replicas, and an edit the HPA sets back is shown being set back, with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open, clockSeconds } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Plays at 1× from where the page is to `seconds`, and pauses. 1× so that a loaded machine's
 * delay between reading the clock and pressing Pause costs simulated seconds, not tens of them.
 */
async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.getByLabel('Speed').selectOption({ label: '1×' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clockSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** Drags the time slider to `seconds`, as a person seeks. */
async function seekTo(page: Page, seconds: number): Promise<void> {
  const time = page.getByRole('slider', { name: 'Simulated time' });
  await time.fill(String(seconds * 1000));
  await time.dispatchEvent('change');
  await time.dispatchEvent('pointerup');
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(seconds);
}

describe('The HorizontalPodAutoscaler in hpa-rolling-update', () => {
  it('stands beside its Deployment with the runner’s numbers and the arithmetic of its decision', async () => {
    // Opened at 0:20, between the HPA's syncs at 0:15 and 0:30, then played.
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=hpa-rolling-update&t=20',
      { width: 1280, height: 720 },
    );
    const cluster = page.getByRole('region', { name: 'Cluster' });
    const hpa = cluster.getByRole('group', { name: 'HorizontalPodAutoscaler web', exact: true });
    await expect.poll(() => hpa.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    // The runner at 0:20: CPU 29 % of 50 %, 2 replicas, desired 2.
    await expect
      .poll(() => hpa.textContent(), { timeout: 5_000 })
      .toMatch(/CPU\s*29 %\s*\/ 50 % target\s*min\s*2\s*max\s*10\s*current\s*2\s*desired\s*2/);

    // The runner: from the sync at 0:30 to the next at 0:45, CPU 88 % of 50 %, 2 → desired 4.
    await playUntil(page, 31);
    const t = await clockSeconds(page);
    expect(t).toBeLessThan(45);
    await expect.poll(() => hpa.textContent(), { timeout: 5_000 }).toMatch(/CPU\s*88 %/);
    const text = (await hpa.textContent()) ?? '';
    expect(text).toMatch(/88 %\s*\/ 50 % target/);
    expect(text).toMatch(/current\s*2/);
    expect(text).toMatch(/desired\s*4/);
    // The decision as replica_calculator.go made it: the surged pod is not Ready yet, so it
    // counts as 0 % and the ratio is taken over 3 pods.
    expect(text).toContain('decided 0:30');
    expect(text).toContain('58 % / 50 % × 3 pods = 3.48 → 4');
    expect(text).toContain('2 → 4; within min 2, max 10');

    // Next to the Deployment: to its right when the stage is wide enough for both, else
    // directly above it (never below its pods); inside the stage and on screen at 1280×720.
    const deployment = cluster.getByRole('group', { name: 'Deployment web', exact: true });
    const [d, h, stage] = await Promise.all([
      deployment.boundingBox(),
      hpa.boundingBox(),
      cluster.boundingBox(),
    ]);
    const beside = h!.x >= d!.x + d!.width && h!.y < d!.y + d!.height;
    const above = h!.y + h!.height <= d!.y && h!.x < d!.x + d!.width && h!.x + h!.width > d!.x;
    expect(beside || above).toBe(true);
    expect(h!.x + h!.width).toBeLessThanOrEqual(stage!.x + stage!.width);
    expect(h!.y + h!.height).toBeLessThanOrEqual(720);

    // The replicas slider says who owns replicas.
    const side = page.getByRole('region', { name: 'Deployment web' });
    expect(await side.textContent()).toContain(
      'replicas — owned by HorizontalPodAutoscaler web (min 2, max 10)',
    );
    await screenshot('hpa-group-0-31');
    expect(problems).toEqual([]);
  });

  it('sets back an edit of replicas at its next sync and says why', async () => {
    const { page, problems, screenshot } = await open(
      browser,
      '/?scenario=hpa-rolling-update&t=50',
    );
    const side = page.getByRole('region', { name: 'Deployment web' });
    const replicas = side.getByRole('slider', { name: 'replicas', exact: true });
    await expect.poll(() => replicas.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(50);
    await replicas.fill('9');
    await replicas.dispatchEvent('change');
    await replicas.dispatchEvent('pointerup');
    await expect
      .poll(() => side.textContent(), { timeout: 10_000 })
      .toContain('you set 9; HorizontalPodAutoscaler web decides again at 1:00');
    await seekTo(page, 61);
    const note = (await side.getByText(/set it back to/).textContent()) ?? '';
    const m = /^you set 9; HorizontalPodAutoscaler web set it back to (\d+) at 1:00: CPU /.exec(
      note,
    );
    expect(m).not.toBeNull();
    // The reason's arithmetic ends in the change it made.
    expect(note).toContain(`9 → ${m![1]}; within min 2, max 10`);
    const hpa = page.getByRole('group', { name: 'HorizontalPodAutoscaler web', exact: true });
    const figures = (await hpa.textContent()) ?? '';
    expect(figures, figures).toMatch(new RegExp(`current\\s*9\\s*desired\\s*${m![1]}`));
    await screenshot('hpa-override');
    expect(problems).toEqual([]);
  });
});
