/**
 * How long a recorded scenario runs after its last step so that what the step started can
 * finish: a rolling update of the largest workload in waves of its surge (25 % unless it says
 * otherwise), each wave waiting for a pull, the app's start, a probe period and
 * minReadySeconds, plus a Rollout's timed pauses. An indefinite pause never settles: the
 * replay stops there, as the recording did.
 */
import { parseDuration } from '../core/quantity';
import type { Rec } from '../scenario/specReader';
import { isRec } from '../scenario/specReader';
import type { ImageTiming } from './recordedImages';

/** The simulator's image defaults (scenario-format.md §1): 1 s pull, 2 s start. */
const DEFAULT_WAVE_MS = 3_000;

const specOf = (o: Rec): Rec => (isRec(o.spec) ? o.spec : {});

/** One wave: the slowest measured image (pull + start), else the defaults. */
function waveMs(images: readonly ImageTiming[]): number {
  const measured = images.map((i) => (i.pullTime ?? 1000) + (i.startTime ?? 2000));
  return Math.max(DEFAULT_WAVE_MS, ...measured);
}

function surge(spec: Rec, replicas: number): number {
  const strategy = isRec(spec.strategy) ? spec.strategy : {};
  const rolling = isRec(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const s = rolling.maxSurge;
  if (typeof s === 'number') return Math.max(1, s);
  const pct = typeof s === 'string' && s.endsWith('%') ? Number(s.slice(0, -1)) : 25;
  return Math.max(1, Math.ceil((replicas * (Number.isFinite(pct) ? pct : 25)) / 100));
}

/** Timed canary pauses of a Rollout (ms). */
function pauses(spec: Rec): number {
  const strategy = isRec(spec.strategy) ? spec.strategy : {};
  const canary = isRec(strategy.canary) ? strategy.canary : {};
  const steps = Array.isArray(canary.steps) ? canary.steps : [];
  let ms = 0;
  for (const st of steps)
    if (isRec(st) && isRec(st.pause) && st.pause.duration !== undefined)
      ms += parseDuration(st.pause.duration) ?? 0;
  return ms;
}

export function settleMs(manifests: readonly Rec[], images: readonly ImageTiming[]): number {
  const wave = waveMs(images);
  let longest = 0;
  for (const m of manifests) {
    if (m.kind !== 'Deployment' && m.kind !== 'Rollout') continue;
    const spec = specOf(m);
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const waves = Math.ceil(replicas / surge(spec, replicas)) + 1;
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds * 1000 : 0;
    longest = Math.max(longest, waves * (wave + minReady + 1000) + pauses(spec));
  }
  return longest;
}
