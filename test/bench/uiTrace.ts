/**
 * `node --import tsx test/bench/uiTrace.ts [--replicas=N] [--window=ms]`: what the UI
 * benchmark's long tasks are made of. Plays big-fleet at 10× as bench:ui does, records a Chrome
 * trace of the window (CDP Tracing) with a fine CPU profile beside it, and prints every
 * main-thread task over 50 ms: its parts (script entry points, rAF callbacks, style, layout,
 * paint, hit tests) and the sources its script time was spent in. `--summary` prints only the
 * totals; `--roots` where layout and paint time went; `--work` the tasks that laid out and
 * restyled the most (counts, which unlike times do not swing with the machine's load); `--find=X`
 * every task whose script ran X; `--css=RULES` adds a style sheet first (to try what a rule saves).
 */
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../support/browser';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { prepare } from './uiBenchPage';
import { sourceLocator } from './sourceMap';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task cost, whatever else the machine was doing. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: Record<string, unknown>;
    beginData?: Record<string, unknown>;
    elementCount?: number;
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  '__metadata',
].join(',');

async function trace(cdp: CDPSession, page: Page, ms: number): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReportEvents',
  } as never);
  await page.waitForTimeout(ms);
  await cdp.send('Tracing.end');
  await done;
  return events;
}

async function main(): Promise<void> {
  const arg = (k: string, d: number) =>
    Number(process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const replicas = arg('replicas', 300);
  const windowMs = arg('window', 10_000);
  const threshold = arg('threshold', 50);
  const { server, url } = await startPreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${url}/?scenario=big-fleet`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page
      .getByRole('region', { name: 'Cluster' })
      .getByRole('group', { name: 'Service web' })
      .waitFor({ timeout: 30_000 });
    await prepare(page);
    // `--css=…`: a style sheet added before playing, to try what a rule would save.
    const css = process.argv.find((a) => a.startsWith('--css='))?.slice('--css='.length);
    if (css) await page.addStyleTag({ content: css });
    if (replicas !== 300) {
      await page.getByRole('tab', { name: 'Console' }).click();
      const input = page.getByRole('textbox', { name: 'kubectl' });
      await input.fill(`scale deployment/web --replicas=${replicas}`);
      await input.press('Enter');
      await page.getByText(`deployment.apps/web scaled`).waitFor();
    }
    await page.getByLabel('Speed').selectOption({ label: '10×' });
    await page.getByRole('button', { name: 'Play' }).click();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const events = await trace(cdp, page, windowMs);
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: {
        nodes: ProfileNode[];
        startTime: number;
        samples?: number[];
        timeDeltas?: number[];
      };
    };
    await context.close();

    // The renderer's main thread: the thread named CrRendererMain of the page's process.
    const mains = events.filter(
      (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
    );
    const tasks = events.filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        mains.some((m) => m.pid === e.pid && m.tid === e.tid),
    );
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      if (e.ph !== 'X' || e.dur === undefined) continue;
      const k = `${e.pid}:${e.tid}`;
      (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e);
    }
    const durs = tasks.map((t) => (t.dur ?? 0) / 1000).sort((a, b) => a - b);
    const pct = (q: number) => durs[Math.min(durs.length - 1, Math.floor(q * durs.length))] ?? 0;
    console.log(
      `${tasks.length} main-thread tasks; p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${(durs.at(-1) ?? 0).toFixed(1)} ms; over ${threshold} ms: ${durs.filter((d) => d > threshold).length}`,
    );

    const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => a - b);
    const cq = (q: number) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))] ?? 0;
    console.log(
      `CPU time per task: p95 ${cq(0.95).toFixed(1)} ms, p99 ${cq(0.99).toFixed(1)} ms, max ${(cpu.at(-1) ?? 0).toFixed(1)} ms; over 50 ms: ${cpu.filter((d) => d > 50).length}, over 30 ms: ${cpu.filter((d) => d > 30).length}; total ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
    );
    const top = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 8);
    console.log(
      `longest by CPU: ${top.map((t) => ((t.tdur ?? 0) / 1000).toFixed(0)).join(', ')} ms`,
    );
    // Work that does not depend on the machine's load: objects laid out and elements restyled
    // per task (CPU times swing with the load; these counts compare builds on a busy machine).
    const work = tasks.map((t) => {
      const end = t.ts + (t.dur ?? 0);
      let objects = 0;
      let elements = 0;
      for (const e of byThread.get(`${t.pid}:${t.tid}`) ?? []) {
        if (e.ts < t.ts || e.ts > end) continue;
        if (e.name === 'Layout') objects += Number(e.args?.beginData?.dirtyObjects ?? 0);
        if (e.name === 'UpdateLayoutTree')
          elements += Number(e.args?.elementCount ?? e.args?.data?.elementCount ?? 0);
      }
      return { t, objects, elements };
    });
    const heaviest = (k: 'objects' | 'elements') =>
      [...work]
        .sort((a, b) => b[k] - a[k])
        .slice(0, 6)
        .map((w) => w[k])
        .join(', ');
    console.log(
      `work per task: laid out ${heaviest('objects')} (total ${work.reduce((n, w) => n + w.objects, 0)}); restyled ${heaviest('elements')} (total ${work.reduce((n, w) => n + w.elements, 0)})`,
    );
    if (process.argv.includes('--work'))
      for (const w of [...work].sort((a, b) => b.objects - a.objects).slice(0, 6)) {
        const end = w.t.ts + (w.t.dur ?? 0);
        const inside = (byThread.get(`${w.t.pid}:${w.t.tid}`) ?? []).filter(
          (e) => e !== w.t && e.ts >= w.t.ts && e.ts <= end,
        );
        const what = inside
          .filter((e) =>
            [
              'Layout',
              'UpdateLayoutTree',
              'FireAnimationFrame',
              'FunctionCall',
              'TimerFire',
              'Paint',
            ].includes(e.name),
          )
          .map((e) => {
            const a = e.args as Record<string, Record<string, unknown>> | undefined;
            const root = (a?.endData?.layoutRoots as { nodeName: string }[] | undefined)?.[0]
              ?.nodeName;
            return `${e.name}${e.name === 'Layout' ? `(${String(a?.beginData?.dirtyObjects)} ${root?.slice(0, 40) ?? ''})` : ''} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(1)}`;
          });
        console.log(
          `  task at +${((w.t.ts - tasks[0]!.ts) / 1e6).toFixed(2)} s, CPU ${((w.t.tdur ?? 0) / 1000).toFixed(1)} ms: ${what.join('; ')}`,
        );
      }
    // CPU samples with their times (same clock as the trace, µs).
    const traceTs = events.filter((e) => e.ph === 'X').map((e) => e.ts);
    console.log(
      `clock: trace ${Math.min(...traceTs)}..${Math.max(...traceTs)}, profile from ${profile.startTime}, ${profile.samples?.length ?? 0} samples`,
    );
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes as (ProfileNode & { children?: number[] })[])
      for (const c of n.children ?? []) parent.set(c, n.id);
    const locate = sourceLocator('dist/assets');
    const srcOf = (f: ProfileNode['callFrame']) => {
      const file = f.url.split('/').pop() ?? '';
      const src = file ? locate(file, f.lineNumber + 1, f.columnNumber + 1) : null;
      return src ? src.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : file;
    };
    // Each sample: its own function, and the React phase and app source it ran under.
    const PHASES = [
      'commitRoot',
      'commitRootImpl',
      'flushPassiveEffects',
      'renderRootSync',
      'renderRootConcurrent',
      'flushSyncWorkAcrossRoots_impl',
    ];
    const samples: { ts: number; dt: number; where: string; phase: string; app: string }[] = [];
    let ts = profile.startTime;
    (profile.samples ?? []).forEach((id, i) => {
      const dt = profile.timeDeltas?.[i] ?? 0;
      ts += dt;
      const f = byId.get(id)?.callFrame;
      if (!f) return;
      let phase = '';
      let app = '';
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const cf = byId.get(at)?.callFrame;
        if (!cf) break;
        if (!phase && PHASES.includes(cf.functionName)) phase = cf.functionName;
        const s = srcOf(cf);
        if (!app && s.startsWith('src/')) app = `${s} ${cf.functionName}`;
      }
      samples.push({
        ts,
        dt: dt / 1000,
        where: `${srcOf(f)} ${f.functionName || '(anon)'}`,
        phase,
        app,
      });
    });

    // `--find=NAME`: every task whose sampled JS ran NAME (a function or source), with its share.
    const find = process.argv.find((a) => a.startsWith('--find='))?.slice('--find='.length);
    if (find) {
      for (const t of tasks) {
        const end = t.ts + (t.dur ?? 0);
        const hit = samples
          .filter((s) => s.ts >= t.ts && s.ts <= end && (s.where + s.app).includes(find))
          .reduce((n, s) => n + s.dt, 0);
        if (hit > 0)
          console.log(
            `${find} ${hit.toFixed(1)} ms in a task of ${((t.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((t.tdur ?? 0) / 1000).toFixed(1)} ms)`,
          );
      }
    }
    const PARTS = new Set([
      'FunctionCall',
      'FireAnimationFrame',
      'TimerFire',
      'EventDispatch',
      'UpdateLayoutTree',
      'Layout',
      'Paint',
      'PrePaint',
      'Layerize',
      'HitTest',
      'ParseHTML',
      'CompositeLayers',
      'UpdateLayer',
      'Commit',
      'BeginMainThreadFrame',
      'RunMicrotasks',
      'V8.GCScavenger',
      'MajorGC',
      'MinorGC',
      'V8.GC_MC_BACKGROUND_MARKING',
    ]);
    if (process.argv.includes('--roots')) {
      // Where rendering time goes over the whole window: layout by its root, paint by layer.
      const mainKey = (e: TraceEvent) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
      const roots = new Map<string, [number, number]>();
      const note = (k: string, d: number) => {
        const r = roots.get(k) ?? [0, 0];
        r[0] += d;
        r[1]++;
        roots.set(k, r);
      };
      let dumped = 0;
      for (const e of events) {
        if (e.ph !== 'X' || !mainKey(e)) continue;
        const d = (e.tdur ?? e.dur ?? 0) / 1000;
        const a = e.args as Record<string, Record<string, unknown>> | undefined;
        if (e.name === 'Layout') {
          const r = (a?.endData?.layoutRoots as { nodeName: string }[] | undefined)?.[0];
          note(`Layout ${r?.nodeName.slice(0, 60) ?? '?'}`, d);
        } else if (e.name === 'Paint') {
          if (dumped++ < 2) console.log(JSON.stringify(e.args).slice(0, 400));
          note(`Paint ${String(a?.data?.nodeName ?? a?.data?.layerId ?? '?').slice(0, 60)}`, d);
        } else if (
          ['UpdateLayoutTree', 'PrePaint', 'Layerize', 'Commit', 'HitTest'].includes(e.name)
        )
          note(e.name, d);
      }
      for (const [k, [ms, n]] of [...roots].sort((x, y) => y[1][0] - x[1][0]).slice(0, 20))
        console.log(`  ${ms.toFixed(0).padStart(6)} ms ${String(n).padStart(5)}×  ${k}`);
    }
    // Long by CPU time (thread time): on a loaded machine wall time says more about the load.
    const long = tasks.filter((t) => (t.tdur ?? 0) / 1000 > threshold);
    const total = { parts: new Map<string, number>(), app: new Map<string, number>() };
    const bump = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
    const quiet = process.argv.includes('--summary');
    for (const t of long) {
      const end = t.ts + (t.dur ?? 0);
      const inside = (byThread.get(`${t.pid}:${t.tid}`) ?? []).filter(
        (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end,
      );
      const parts = new Map<string, number>();
      for (const e of inside) {
        if (!PARTS.has(e.name)) continue;
        let label = e.name;
        const d = e.args?.data ?? {};
        if (e.name === 'FunctionCall')
          label += ` ${String(d.functionName ?? '')}@${String(d.url ?? '')
            .split('/')
            .pop()}`;
        if (e.name === 'EventDispatch') label += ` ${String(d.type ?? '')}`;
        parts.set(label, (parts.get(label) ?? 0) + (e.dur ?? 0) / 1000);
        bump(total.parts, label.replace(/@.*/, ''), (e.dur ?? 0) / 1000);
      }
      const sizes = inside
        .filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree')
        .map((e) =>
          e.name === 'Layout'
            ? `layout ${String(e.args?.beginData?.dirtyObjects)}/${String(e.args?.beginData?.totalObjects)} ${((e.dur ?? 0) / 1000).toFixed(1)}ms`
            : `style ${String(e.args?.elementCount ?? e.args?.data?.elementCount ?? '?')} ${((e.dur ?? 0) / 1000).toFixed(1)}ms`,
        );
      const js = new Map<string, number>();
      const phases = new Map<string, number>();
      const apps = new Map<string, number>();
      const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
      for (const s of samples) {
        if (s.ts < t.ts || s.ts > end) continue;
        add(js, s.where, s.dt);
        add(phases, s.phase || '-', s.dt);
        add(apps, s.app || '-', s.dt);
        bump(total.app, `${s.phase || '-'} | ${s.app || s.where}`, s.dt);
      }
      if (quiet) continue;
      console.log(
        `\ntask ${((t.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((t.tdur ?? 0) / 1000).toFixed(1)} ms)`,
      );
      for (const [k, v] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 12))
        console.log(`  ${v.toFixed(1).padStart(6)} ms  ${k}`);
      const show = (title: string, m: Map<string, number>, n: number) => {
        console.log(`  ${title}:`);
        for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
          console.log(`    ${v.toFixed(1).padStart(6)} ms  ${k}`);
      };
      console.log(`  ${sizes.join('; ')}`);
      if (process.argv.includes('--dump'))
        for (const e of inside)
          if (e.name === 'Layout' && (e.dur ?? 0) > 5000) console.log(JSON.stringify(e.args));
      show('sampled self', js, 14);
      show('by React phase', phases, 6);
      show('by nearest app function', apps, 10);
    }
    console.log(`\nall ${long.length} long tasks, parts:`);
    for (const [k, v] of [...total.parts].sort((a, b) => b[1] - a[1]).slice(0, 16))
      console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
    console.log('all long tasks, sampled JS by React phase | nearest app function (or self):');
    for (const [k, v] of [...total.app].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
