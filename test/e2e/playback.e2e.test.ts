/**
 * Playback as a person meets it in Chromium: Step goes change by change and stops at the
 * scenario's end saying so; Play stops at the end and going on is an explicit choice; and the
 * charts after stepping are the charts after playing (read from each chart's Data table).
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

const clockText = async (page: Page) =>
  (await page.getByRole('timer', { name: 'Simulated clock' }).textContent()) ?? '';

async function clockSeconds(page: Page): Promise<number> {
  const m = /(\d+):(\d+(?:\.\d+)?)/.exec(await clockText(page));
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** Waits until the page shows the scenario at `clock` (loading takes a while on a busy machine). */
async function openedAt(page: Page, clock: string): Promise<void> {
  await expect.poll(() => clockText(page), { timeout: 20_000 }).toBe(clock);
}

const status = (page: Page) => page.getByRole('status', { name: 'Playback status' });

/** Every chart's Data table, opened: chart title → rows of cells (time first). */
async function chartTables(page: Page): Promise<Record<string, string[][]>> {
  const charts = page.getByRole('region', { name: 'Charts' }).getByRole('figure');
  const out: Record<string, string[][]> = {};
  for (const fig of await charts.all()) {
    const name = (await fig.getAttribute('aria-label')) ?? '';
    const summary = fig.getByText('Data', { exact: true });
    if (!(await fig.locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open)))
      await summary.click();
    const table = fig.getByRole('table', { name: `${name}: every point` });
    out[name] = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
  }
  return out;
}

/** Rows up to `seconds` (the charts of [0, seconds]). */
function upTo(tables: Record<string, string[][]>, seconds: number): Record<string, string[][]> {
  return Object.fromEntries(
    Object.entries(tables).map(([k, rows]) => [k, rows.filter((r) => Number(r[0]) <= seconds)]),
  );
}

describe('Step', () => {
  it('goes to the next controller action and says what it was', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped&t=15');
    await openedAt(page, '0:15.0');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^Step to 0:15\.005: ScalingReplicaSet \(Deployment\/web\): Scaled up replica set/);
    expect(await clockText(page)).toBe('0:15.0');
    // Every change of that instant, listed on demand.
    await page.getByText(/^All \d+ changes$/).click();
    const changes = page.getByRole('list', { name: 'Changes of the latest step' });
    expect(await changes.getByRole('listitem').allTextContents()).toContainEqual(
      expect.stringMatching(
        /^Deployment web updated: 3 desired, 0 up-to-date, 3 ready, 3 available$/,
      ),
    );
    await screenshot('playback-step');
    expect(problems).toEqual([]);
  });

  it('says the cluster is steady, stops at the end of the scenario, and goes no further', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped&t=40');
    await openedAt(page, '0:40.0');
    // → is Step, from anywhere but a field or a button.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => status(page).textContent())
      .toBe('End of scenario at 1:00. Nothing left to do: the cluster is steady.');
    expect(await clockText(page)).toBe('1:00.0');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        'End of scenario at 1:00. Play and Step go no further: choose “Continue past the end” to let the cluster run on.',
      );
    expect(await clockText(page)).toBe('1:00.0');
    expect(await page.getByRole('button', { name: 'Continue past the end' }).isVisible()).toBe(
      true,
    );
    await screenshot('playback-step-end');
    expect(problems).toEqual([]);
  });
});

describe('Play', () => {
  it('stops at the end of the scenario with a message; going on is “Continue past the end”', async () => {
    const { page, problems, screenshot } = await open(browser, '/?scenario=ramped&t=59');
    await openedAt(page, '0:59.0');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => status(page).textContent(), { timeout: 15_000 })
      .toBe(
        'End of scenario at 1:00. Playback stopped. “Continue past the end” lets the cluster run on.',
      );
    expect(await clockText(page)).toBe('1:00.0');
    await screenshot('playback-end');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(500);
    expect(await clockText(page)).toBe('1:00.0');
    await page.getByRole('button', { name: 'Continue past the end' }).click();
    await expect.poll(() => clockSeconds(page)).toBeGreaterThan(60);
    await expect
      .poll(() => status(page).textContent())
      .toBe('Past the end of the scenario (1:00): the cluster runs on.');
    expect(problems).toEqual([]);
  });
});

describe('The charts', () => {
  it('after Step are the charts after Play for the same stretch of time', async () => {
    // From 0:18, through the first new pod turning ready (both versions answer from 0:18.5).
    const stepped = await open(browser, '/?scenario=ramped&t=18');
    await openedAt(stepped.page, '0:18.0');
    for (let i = 0; i < 30 && (await clockSeconds(stepped.page)) < 19.5; i++) {
      const before = await status(stepped.page).textContent();
      await stepped.page.keyboard.press('ArrowRight');
      await expect.poll(() => status(stepped.page).textContent()).not.toBe(before);
    }
    const t = await clockSeconds(stepped.page);
    // Charts redraw at most 5 times a second: wait for the newest point.
    await expect
      .poll(async () => (await chartTables(stepped.page))['Traffic share by version']?.at(-1)?.[0])
      .toBe((Math.floor(t * 2) / 2).toFixed(1));
    const afterStep = upTo(await chartTables(stepped.page), t);
    await stepped.page.getByRole('region', { name: 'Charts' }).scrollIntoViewIfNeeded();
    await stepped.screenshot('playback-charts-stepped');

    const played = await open(browser, '/?scenario=ramped');
    await openedAt(played.page, '0:00.0');
    await played.page.getByLabel('Speed').selectOption({ label: '10×' });
    await played.page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => clockSeconds(played.page), { timeout: 15_000 }).toBeGreaterThan(t + 1);
    // Points up to t are final once the clock has passed it: playing on changes none of them.
    // The charts trail the clock (throttled, rendered in a transition): wait for them to reach t.
    await expect
      .poll(
        async () => upTo(await chartTables(played.page), t)['Traffic share by version']?.length,
        {
          timeout: 10_000,
        },
      )
      .toBe(afterStep['Traffic share by version']?.length);
    const afterPlay = upTo(await chartTables(played.page), t);

    // Not vacuous: 40-odd points per chart, requests answered by both versions.
    const share = afterStep['Traffic share by version']!;
    expect(share.length).toBeGreaterThanOrEqual(39);
    expect(share.some((r) => r[1] !== '0%' && r[2] !== '0%')).toBe(true);
    // Before the clients start there is no share to show, not 0 % for each version.
    expect(share[0]!.slice(1)).toEqual(['no requests', 'no requests']);
    expect(Object.keys(afterStep).length).toBe(4);
    expect(afterPlay).toEqual(afterStep);
    expect([...stepped.problems, ...played.problems]).toEqual([]);
  });
});
