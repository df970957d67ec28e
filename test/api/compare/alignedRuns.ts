/**
 * Runs real kubectl commands, a few at a time, noting the wall-clock seconds each spanned. A
 * paused `sim serve` maps simulated time into the wall second of each request, and kubectl
 * computes describe's ages on the client: a command whose requests and printing fall in one
 * wall second prints exactly the ages and (mapped back) timestamps of the simulated moment.
 * One that straddled a second boundary may be one second off, so the caller can run it again,
 * alone and early in a second (`again`).
 */
import type { KubectlRun, ServeProcess } from '../../support/serveProcess';

export interface TimedRun extends KubectlRun {
  /** The wall seconds (ms, whole seconds) the command ran in: one, or two when it straddled. */
  wallSeconds: number[];
}

const second = (ms: number) => Math.floor(ms / 1000) * 1000;

async function timed(srv: ServeProcess, args: readonly string[]): Promise<TimedRun> {
  const start = Date.now();
  const r = await srv.kubectl(args);
  const end = Date.now();
  const wallSeconds: number[] = [];
  for (let s = second(start); s <= second(end); s += 1000) wallSeconds.push(s);
  return { ...r, wallSeconds };
}

/** Every command's run, in order, `width` at a time. */
export async function runAll(
  srv: ServeProcess,
  commands: readonly (readonly string[])[],
  width = 4,
): Promise<TimedRun[]> {
  const out: TimedRun[] = [];
  for (let k = 0; k < commands.length; k += width) {
    const batch = commands.slice(k, k + width);
    out.push(...(await Promise.all(batch.map((c) => timed(srv, c)))));
  }
  return out;
}

/** One command again, alone, begun early in a wall second. */
export async function again(srv: ServeProcess, args: readonly string[]): Promise<TimedRun> {
  const ms = Date.now() % 1000;
  if (ms > 30) await new Promise((r) => setTimeout(r, 1000 - ms + 5));
  return timed(srv, args);
}
