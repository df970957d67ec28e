/**
 * A CPU profile of the page's main thread over the measured window (Chrome DevTools Protocol),
 * reduced to the functions with the most self time: where the frame budget goes.
 */
import type { Page } from 'playwright-core';
import { sourceLocator } from './sourceMap';

export interface TopFunction {
  name: string;
  where: string;
  selfMs: number;
}

export interface CpuProfile {
  functions: TopFunction[];
  /** Self time per source file (node_modules packages by package), native work by its name. */
  files: { file: string; selfMs: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export async function startProfile(page: Page, top = 20): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    await cdp.detach();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, TopFunction>();
    const files = new Map<string, number>();
    const locate = sourceLocator('dist/assets');
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const f = byId.get(id)?.callFrame;
      if (!f) return;
      const file = f.url.split('/').pop() ?? '';
      const src = file ? locate(file, f.lineNumber + 1, f.columnNumber + 1) : null;
      const where = src ?? (file ? `${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '');
      const name = f.functionName || '(anonymous)';
      const ms = (deltas[i] ?? 0) / 1000;
      const group = src
        ? src.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
        : file || name.startsWith('(')
          ? file || name
          : `native ${name}`;
      files.set(group, (files.get(group) ?? 0) + ms);
      const key = `${name}@${where}`;
      const entry = self.get(key) ?? { name, where, selfMs: 0 };
      // timeDeltas[i] is the time since the previous sample, in microseconds.
      entry.selfMs += ms;
      self.set(key, entry);
    });
    return {
      functions: [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
      files: [...files]
        .map(([file, selfMs]) => ({ file, selfMs }))
        .sort((a, b) => b.selfMs - a.selfMs)
        .slice(0, top),
    };
  };
}

export interface MainThreadTime {
  /** Seconds of the window spent in each kind of main-thread work (CDP Performance metrics). */
  task: number;
  script: number;
  layout: number;
  style: number;
  layouts: number;
  styleRecalcs: number;
}

const METRICS = {
  task: 'TaskDuration',
  script: 'ScriptDuration',
  layout: 'LayoutDuration',
  style: 'RecalcStyleDuration',
  layouts: 'LayoutCount',
  styleRecalcs: 'RecalcStyleCount',
} as const;

/** Cheap enough to leave on: cumulative counters read before and after the window. */
export async function startMetrics(page: Page): Promise<() => Promise<MainThreadTime>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const byName = new Map(metrics.map((m) => [m.name, m.value]));
    const out = {} as MainThreadTime;
    for (const [k, name] of Object.entries(METRICS))
      out[k as keyof MainThreadTime] = byName.get(name) ?? 0;
    return out;
  };
  const before = await read();
  return async () => {
    const after = await read();
    await cdp.detach();
    const out = {} as MainThreadTime;
    for (const k of Object.keys(METRICS) as (keyof MainThreadTime)[]) out[k] = after[k] - before[k];
    return out;
  };
}
