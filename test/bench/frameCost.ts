/**
 * The worker's side of a big fleet (part of `npm run bench`): big-fleet scaled to N replicas (through `kubectl scale`, as
 * a person does), played at 10× in the worker's 16-ms ticks, one frame pulled per tick. Prints
 * the engine's and the frame builder's time per tick and the frame's size on the wire (JSON
 * length: close to what structured clone copies), by list, so the part that dominates shows.
 * Times are this process's CPU time (process.cpuUsage), so other work on a shared machine
 * slows them down less than it slows wall time.
 */
import { readFileSync } from 'node:fs';
import { Session } from '../../src/sim';

const TICK_SIM_MS = 160;

export interface FrameCost {
  replicas: number;
  ticks: number;
  advanceMs: { median: number; max: number };
  frameMs: { median: number; max: number };
  bytes: { median: number; max: number };
  /** The largest frame's bytes by list. */
  largest: Record<string, number>;
}

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function frameCost(replicas: number, seconds: number): FrameCost {
  const text = readFileSync('public/scenarios/big-fleet.yaml', 'utf8')
    .replace('nodes: 10', `nodes: ${Math.ceil((replicas * 2.2) / 110)}`)
    .replace('duration: 120s', 'duration: 600s');
  const s = Session.load(text, 'big-fleet.yaml');
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  s.frame();
  s.exec(`kubectl scale deployment/web --replicas=${replicas}`);
  const advance: number[] = [];
  const build: number[] = [];
  const bytes: number[] = [];
  let largest: Record<string, number> = {};
  let biggest = 0;
  for (let t = TICK_SIM_MS; t <= seconds * 1000; t += TICK_SIM_MS) {
    const a0 = cpuMs();
    s.advanceTo(t);
    const a1 = cpuMs();
    const { frame } = s.frame();
    const a2 = cpuMs();
    advance.push(a1 - a0);
    build.push(a2 - a1);
    const size = JSON.stringify(frame).length;
    bytes.push(size);
    if (size > biggest) {
      biggest = size;
      largest = Object.fromEntries(
        Object.entries(frame).map(([k, v]) => [k, JSON.stringify(v ?? null).length]),
      );
    }
  }
  return {
    replicas,
    ticks: advance.length,
    advanceMs: { median: median(advance), max: Math.max(...advance) },
    frameMs: { median: median(build), max: Math.max(...build) },
    bytes: { median: median(bytes), max: biggest },
    largest,
  };
}

const fmt = (n: number) => n.toFixed(1);

/** Prints one line per fleet size (`npm run bench` calls it after the engine's own figures). */
export function printFrameCosts(sizes = [3000, 10000]): void {
  for (const n of sizes) {
    const c = frameCost(n, 40);
    const top = Object.entries(c.largest)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} kB`)
      .join(', ');
    console.log(
      `${n} replicas, ${c.ticks} ticks of ${TICK_SIM_MS} ms: engine ${fmt(c.advanceMs.median)} ms/tick (max ${fmt(c.advanceMs.max)}), frame build ${fmt(c.frameMs.median)} ms (max ${fmt(c.frameMs.max)}), frame ${(c.bytes.median / 1000).toFixed(0)} kB median, ${(c.bytes.max / 1000).toFixed(0)} kB max (${top})`,
    );
  }
}
