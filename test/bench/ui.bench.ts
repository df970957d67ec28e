/**
 * `npm run bench:ui`: how the built app holds up with the big-fleet scenario (300 replicas,
 * 5 000 rps) playing at 10× in headless Chromium. Prints one line per figure against its target:
 * ≥ 55 fps with 300 pods and ≤ 400 dots, no main-thread task over 50 ms, slider input to the
 * first frame that shows its effect < 100 ms, initial JavaScript < 250 kB gzip.
 * A benchmark, not a test: it prints figures and never fails on them (exit 1 only when the
 * harness itself breaks). `--profile` adds a CPU profile of the measured window (top functions).
 */
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../support/browser';
import { chromium, type Page } from 'playwright-core';
import { initialJs } from './initialJs';
import { collectWindow, inputLatency, prepare, type WindowFigures } from './uiBenchPage';
import { startMetrics, startProfile, type MainThreadTime, type CpuProfile } from './uiBenchProfile';

const SCENARIO = 'big-fleet';
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

function report(
  w: WindowFigures,
  main: MainThreadTime,
  latencies: number[],
  top: CpuProfile | null,
): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const worst = sorted.at(-1);
  const js = initialJs('dist');
  const gzip = js.reduce((n, c) => n + c.gzip, 0);
  console.log(`\nUI benchmark: ${SCENARIO} at 10×, ${WINDOW_MS / 1000} s window\n`);
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
  line('pod tiles (Cluster listitems)', `${w.podsEnd} (max ${w.podsMax})`, '300 pods', null);
  line(
    'dots in flight',
    w.dots === null ? 'not exposed' : `max ${w.dots}`,
    '≤ 400',
    w.dots === null ? null : w.dots <= 400,
  );
  line('simulated time covered', `${w.simStart} → ${w.simEnd}`, '', null);
  line(
    'replicas slider → first frame',
    median === undefined ? 'not measured' : `median ${ms(median)}, max ${ms(worst ?? 0)}`,
    '< 100 ms',
    median === undefined ? null : (worst ?? 0) < 100,
  );
  line(
    'initial JS (gzip)',
    `${kB(gzip)} in ${js.length} chunk${js.length === 1 ? '' : 's'}`,
    '< 250 kB',
    gzip < 250_000,
  );
  for (const c of js) console.log(`  ${c.file.padEnd(40)} ${kB(c.raw)} raw, ${kB(c.gzip)} gzip`);
  if (top) {
    console.log('\nCPU profile of the window (main thread), self time by source:');
    for (const f of top.files) console.log(`  ${ms(f.selfMs).padStart(8)}  ${f.file}`);
    console.log('\nTop functions by self time:');
    for (const f of top.functions)
      console.log(`  ${ms(f.selfMs).padStart(8)}  ${f.name}  ${f.where}`);
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
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${url}/?scenario=${SCENARIO}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page
      .getByRole('region', { name: 'Cluster' })
      .getByRole('option')
      .first()
      .waitFor({ timeout: 30_000 });
    await prepare(page);
    await setSpeed(page, '10×');
    await page.getByRole('button', { name: 'Play' }).click();
    const stopMetrics = await startMetrics(page);
    const stopProfile = profile ? await startProfile(page) : null;
    const w = await collectWindow(page, WINDOW_MS);
    const top = stopProfile ? await stopProfile() : null;
    const main = await stopMetrics();
    const latencies = await inputLatency(page, 'replicas', [290, 300, 280, 300, 310]);
    await page
      .getByRole('button', { name: 'Pause' })
      .click({ timeout: 5_000 })
      .catch(() => {});
    report(w, main, latencies, top);
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
