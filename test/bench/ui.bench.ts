/**
 * `npm run bench:ui`: how the built app holds up with the big-fleet scenario (300 replicas,
 * 5 000 rps) playing at 10× in headless Chromium, and again scaled to 3 000 replicas from the
 * console (the ReplicaSet then counts its pods by status instead of drawing 3 000 tiles).
 * Prints one line per figure against its target, for each run: ≥ 55 fps with ≤ 400 dots, no
 * main-thread task over 50 ms; for the first, slider input to the first frame that shows its
 * effect < 100 ms and initial JavaScript < 250 kB gzip.
 * A benchmark, not a test: it prints figures and never fails on them (exit 1 only when the
 * harness itself breaks). `--profile` adds a CPU profile of the measured window (top functions);
 * `--replicas=N` measures only that size.
 */
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../support/browser';
import { chromium, type Browser, type Page } from 'playwright-core';
import { initialJs } from './initialJs';
import { collectWindow, inputLatency, prepare, type WindowFigures } from './uiBenchPage';
import { startMetrics, startProfile, type MainThreadTime, type CpuProfile } from './uiBenchProfile';

const SCENARIO = 'big-fleet';
const SCENARIO_REPLICAS = 300;
const WINDOW_MS = 10_000;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const kB = (v: number) => `${(v / 1000).toFixed(1)} kB`;

function line(label: string, value: string, target: string, ok: boolean | null): void {
  const verdict = ok === null ? '' : ok ? 'ok' : 'MISSED';
  console.log(`${label.padEnd(34)} ${value.padEnd(26)} ${target.padEnd(20)} ${verdict}`);
}

async function setSpeed(page: Page, label: string): Promise<void> {
  await page.getByLabel('Speed').selectOption({ label });
}

interface Run {
  title: string;
  replicas: number;
  w: WindowFigures;
  main: MainThreadTime;
  latencies: number[] | null;
  top: CpuProfile | null;
}

function report({ title, replicas, w, main, latencies, top }: Run): void {
  const sorted = [...(latencies ?? [])].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const worst = sorted.at(-1);
  console.log(`\nUI benchmark: ${title} at 10×, ${WINDOW_MS / 1000} s window\n`);
  line('frames per second (median)', w.fps.toFixed(1), '≥ 55', w.fps >= 55);
  line('frames per second (5th pct.)', w.fpsLow.toFixed(1), '', null);
  line('frames in the window', String(w.frames), '', null);
  line(
    'longest main-thread task',
    w.longestTask === null ? 'none over 50 ms' : ms(w.longestTask),
    '≤ 50 ms',
    w.longestTask === null || w.longestTask <= 50,
  );
  line('long tasks (> 50 ms)', `${w.longTasks} (${ms(w.longTaskTotal)} total)`, '', null);
  line('longest gap between frames', ms(w.longestGap), '', null);
  const pct = (v: number) => `${((v / (WINDOW_MS / 1000)) * 100).toFixed(0)}%`;
  line(
    'main thread busy (of the window)',
    `${pct(main.task)}: script ${pct(main.script)}`,
    '',
    null,
  );
  line(
    '  layout / style',
    `${pct(main.layout)} (${main.layouts}×) / ${pct(main.style)} (${main.styleRecalcs}×)`,
    '',
    null,
  );
  for (const p of w.phases)
    line(
      `  simulated ${p.from}–${p.from + 20} s`,
      `${p.fps.toFixed(1)} fps, ${p.frames} frames`,
      `${p.longTasks} long task${p.longTasks === 1 ? '' : 's'}`,
      null,
    );
  line('pod tiles (Cluster options)', `${w.podsEnd} (max ${w.podsMax})`, `${replicas} pods`, null);
  line('status counts shown (aggregates)', `${w.aggregates}`, '', null);
  line(
    'dots in flight',
    w.dots === null ? 'not exposed' : `max ${w.dots}`,
    '≤ 400',
    w.dots === null ? null : w.dots <= 400,
  );
  line('simulated time covered', `${w.simStart} → ${w.simEnd}`, '', null);
  if (latencies)
    line(
      'replicas slider → first frame',
      median === undefined ? 'not measured' : `median ${ms(median)}, max ${ms(worst ?? 0)}`,
      '< 100 ms',
      median === undefined ? null : (worst ?? 0) < 100,
    );
  if (top) {
    console.log('\nCPU profile of the window (main thread), self time by source:');
    for (const f of top.files) console.log(`  ${ms(f.selfMs).padStart(8)}  ${f.file}`);
    console.log('\nTop functions by self time:');
    for (const f of top.functions)
      console.log(`  ${ms(f.selfMs).padStart(8)}  ${f.name}  ${f.where}`);
  }
}

function reportJs(): void {
  const js = initialJs('dist');
  const gzip = js.reduce((n, c) => n + c.gzip, 0);
  console.log('');
  line(
    'initial JS (gzip)',
    `${kB(gzip)} in ${js.length} chunk${js.length === 1 ? '' : 's'}`,
    '< 250 kB',
    gzip < 250_000,
  );
  for (const c of js) console.log(`  ${c.file.padEnd(40)} ${kB(c.raw)} raw, ${kB(c.gzip)} gzip`);
}

/**
 * One run in a fresh page: open the scenario, scale it from the console when `replicas` is not
 * the scenario's own, play at 10× and measure a window from the first frame of play.
 */
async function run(
  browser: Browser,
  url: string,
  replicas: number,
  profile: boolean,
  problems: string[],
): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${url}/?scenario=${SCENARIO}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page
      .getByRole('region', { name: 'Cluster' })
      .getByRole('group', { name: 'Service web' })
      .waitFor({ timeout: 30_000 });
    await prepare(page);
    if (replicas !== SCENARIO_REPLICAS) {
      await page.getByRole('tab', { name: 'Console' }).click();
      const input = page.getByRole('textbox', { name: 'kubectl' });
      await input.fill(`scale deployment/web --replicas=${replicas}`);
      await input.press('Enter');
      await page.getByText(`deployment.apps/web scaled`).waitFor();
    }
    await setSpeed(page, '10×');
    await page.getByRole('button', { name: 'Play' }).click();
    const stopMetrics = await startMetrics(page);
    const stopProfile = profile ? await startProfile(page) : null;
    const w = await collectWindow(page, WINDOW_MS);
    const top = stopProfile ? await stopProfile() : null;
    const main = await stopMetrics();
    const latencies =
      replicas === SCENARIO_REPLICAS
        ? await inputLatency(page, 'replicas', [290, 300, 280, 300, 310])
        : null;
    await page
      .getByRole('button', { name: 'Pause' })
      .click({ timeout: 5_000 })
      .catch(() => {});
    const title = `${SCENARIO}${replicas === SCENARIO_REPLICAS ? '' : ` scaled to ${replicas} replicas`}`;
    return { title, replicas, w, main, latencies, top };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const profile = process.argv.includes('--profile');
  const { server, url } = await startPreview();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const problems: string[] = [];
    // `--replicas=N` runs one of them (or another size) alone.
    const only = process.argv.find((a) => a.startsWith('--replicas='));
    const sizes = only ? [Number(only.slice('--replicas='.length))] : [SCENARIO_REPLICAS, 3000];
    for (const replicas of sizes) report(await run(browser, url, replicas, profile, problems));
    reportJs();
    if (problems.length) console.log(`\nPage problems:\n  ${problems.join('\n  ')}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
