/**
 * What the UI benchmark measures inside the page. Each function body runs in Chromium (through
 * page.evaluate), so it reads the DOM as a person's browser renders it: requestAnimationFrame
 * deltas, 'longtask' entries, pod tiles in the Cluster region, and how soon a slider's effect
 * reaches a frame.
 */
import type { Page } from 'playwright-core';

export interface WindowFigures {
  frames: number;
  /** Median and 5th-percentile frames per second (from rAF deltas). */
  fps: number;
  fpsLow: number;
  longestGap: number;
  /** Longest 'longtask' entry (ms); null when no task exceeded 50 ms. */
  longestTask: number | null;
  longTasks: number;
  longTaskTotal: number;
  podsEnd: number;
  podsMax: number;
  /** ReplicaSets showing their pods counted by status (tables in the Cluster) at the end. */
  aggregates: number;
  /** Dots in flight, when the stage exposes them (data-dots on an element); else null. */
  dots: number | null;
  simStart: string;
  simEnd: string;
  /** Long tasks and frame gaps by 20 simulated seconds (from the clock at the time). */
  phases: { from: number; frames: number; fps: number; longTasks: number; longest: number }[];
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
 * helper; the functions below run in the page, where that helper does not exist. Define it there.
 */
export async function prepare(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

export function collectWindow(page: Page, windowMs: number): Promise<WindowFigures> {
  return page.evaluate(async (windowMs) => {
    const cluster = () => document.querySelector('[aria-label="Cluster"]') as HTMLElement | null;
    const pods = () => cluster()?.querySelectorAll('[role="option"]').length ?? 0;
    const dots = () => {
      const el = document.querySelector('[data-dots]');
      return el ? Number(el.getAttribute('data-dots')) : null;
    };
    // Read every frame: look the element up once, not with a selector over the whole page.
    let clockEl: Element | null = null;
    const clock = () => {
      if (!clockEl?.isConnected) clockEl = document.querySelector('[aria-label="Simulated clock"]');
      return clockEl?.textContent?.trim() ?? '?';
    };
    const tasks: number[] = [];
    const taskAt: [number, number][] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        tasks.push(e.duration);
        taskAt.push([e.startTime, e.duration]);
      }
    });
    // Unsupported entry types are ignored (with a console warning), never thrown.
    observer.observe({ type: 'longtask', buffered: false });
    const simStart = clock();
    const seconds = (text: string) => {
      const m = /(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(text);
      return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
    };
    // Wall time → simulated second, sampled every frame, to place frames and tasks in the run.
    const timeline: [number, number][] = [];
    const simAt = (wall: number) => {
      let s = timeline[0]?.[1] ?? 0;
      for (const [w, sim] of timeline) {
        if (w > wall) break;
        s = sim;
      }
      return s;
    };
    const deltas: number[] = [];
    const frameAt: [number, number][] = [];
    let podsMax = 0;
    let dotsMax: number | null = null;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      let last = t0;
      let nextSample = t0;
      const tick = () => {
        const now = performance.now();
        deltas.push(now - last);
        frameAt.push([now, now - last]);
        timeline.push([now, seconds(clock())]);
        last = now;
        if (now >= nextSample) {
          nextSample = now + 500;
          podsMax = Math.max(podsMax, pods());
          const d = dots();
          if (d !== null) dotsMax = Math.max(dotsMax ?? 0, d);
        }
        if (now - t0 < windowMs) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    observer.disconnect();
    deltas.shift();
    frameAt.shift();
    const phases = new Map<number, { frames: number[]; tasks: number[] }>();
    const phase = (wall: number) => {
      const from = Math.floor(simAt(wall) / 20) * 20;
      const p = phases.get(from) ?? { frames: [], tasks: [] };
      phases.set(from, p);
      return p;
    };
    for (const [at, d] of frameAt) phase(at).frames.push(d);
    for (const [at, d] of taskAt) phase(at).tasks.push(d);
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      frames: deltas.length,
      fps: 1000 / Math.max(1e-3, at(0.5)),
      fpsLow: 1000 / Math.max(1e-3, at(0.95)),
      longestGap: sorted.at(-1) ?? 0,
      longestTask: tasks.length ? Math.max(...tasks) : null,
      longTasks: tasks.length,
      longTaskTotal: tasks.reduce((a, b) => a + b, 0),
      podsEnd: pods(),
      aggregates: cluster()?.querySelectorAll('table').length ?? 0,
      podsMax,
      dots: dotsMax,
      simStart,
      simEnd: clock(),
      phases: [...phases]
        .sort((a, b) => a[0] - b[0])
        .map(([from, p]) => {
          const f = [...p.frames].sort((a, b) => a - b);
          return {
            from,
            frames: f.length,
            fps: 1000 / Math.max(1e-3, f[Math.floor(f.length / 2)] ?? 0),
            longTasks: p.tasks.length,
            longest: p.tasks.length ? Math.max(...p.tasks) : 0,
          };
        }),
    };
  }, windowMs);
}

/**
 * Sets the slider named `label` to each value in turn, as a person's drag does (input, then
 * release), and measures from the input event to the first animation frame whose DOM shows the
 * effect: the resolved "at most N pods" changes, or else any text of the Deployment's panel
 * outside the slider itself. Returns one latency (ms) per value that changed something.
 */
export async function inputLatency(page: Page, label: string, values: number[]): Promise<number[]> {
  const slider = page.getByLabel(label, { exact: true }).first();
  await slider.waitFor({ timeout: 10_000 });
  const handle = await slider.elementHandle();
  if (!handle) return [];
  const out: number[] = [];
  for (const v of values) {
    const ms = await page.evaluate(
      async ([el, value]) => {
        const input = el as HTMLInputElement;
        if (input.value === String(value)) return null;
        const panel = input.closest('section') ?? document.body;
        const own = input.closest('.slider') ?? input.parentElement;
        const resolved = () => /at most (\d+) pods/.exec(panel.textContent ?? '')?.[1] ?? null;
        const others = () => (panel.textContent ?? '').replace(own?.textContent ?? '', '');
        const before = { resolved: resolved(), others: others() };
        const changed = () =>
          before.resolved !== null ? resolved() !== before.resolved : others() !== before.others;
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const t0 = performance.now();
        set?.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
        return new Promise<number | null>((resolve) => {
          const check = () => {
            const now = performance.now();
            if (changed()) resolve(now - t0);
            else if (now - t0 > 3000) resolve(null);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
      },
      [handle, v] as const,
    );
    if (ms !== null) out.push(ms);
    // Let the slider settle (its throttle and release) before the next change.
    await page.waitForTimeout(500);
  }
  return out;
}
