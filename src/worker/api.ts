/**
 * The simulation API behind the worker boundary: a Session plus a playback loop. Wall clock
 * and timers are injected, so the same code runs in the worker, in Node tests and in jsdom.
 */
import type { SimApi, FramePacket, PlaybackState } from './protocol';
import { Session } from '../sim';

export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a canceller. */
  after(ms: number, fn: () => void): () => void;
}

/** How often the loop advances the engine, and the most wall time one tick may simulate. */
const TICK_MS = 16;
const MAX_TICK_WALL_MS = 100;

export const SPEED_MIN = 0.25;
export const SPEED_MAX = 100;

export function createSimApi(clock: Clock): SimApi {
  let session: Session | null = null;
  const playback: PlaybackState = { playing: false, speed: 1, atEnd: false };
  let cancel: (() => void) | null = null;
  let last = 0;

  const stop = () => {
    cancel?.();
    cancel = null;
    playback.playing = false;
  };

  const tick = () => {
    if (!session || !playback.playing) return;
    const now = clock.now();
    const wall = Math.min(now - last, MAX_TICK_WALL_MS);
    last = now;
    const end = session.scenario.duration;
    const target = session.now + wall * playback.speed;
    // Play stops at the scenario's end once; after that it runs on.
    if (!playback.atEnd && session.now < end && target >= end) {
      session.advanceTo(end);
      playback.atEnd = true;
      stop();
      return;
    }
    session.advanceTo(target);
    cancel = clock.after(TICK_MS, tick);
  };

  return {
    async load(text, fileName, seed) {
      stop();
      const s = Session.load(text, fileName, seed);
      if ('errors' in s) return { ok: false, errors: s.errors };
      session = s;
      playback.atEnd = false;
      return { ok: true, info: s.info() };
    },
    async pull(): Promise<FramePacket | null> {
      if (!session) return null;
      const { frame, points, epoch } = session.frame();
      return { frame, points, epoch, playback: { ...playback } };
    },
    async play() {
      if (!session || playback.playing) return;
      playback.playing = true;
      last = clock.now();
      cancel = clock.after(TICK_MS, tick);
    },
    async pause() {
      stop();
    },
    async step() {
      stop();
      session?.step();
    },
    async setSpeed(speed) {
      playback.speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
    },
    async seek(t) {
      if (!session) return;
      session.seek(Math.max(0, t));
      playback.atEnd = session.now >= session.scenario.duration;
    },
    async reset() {
      stop();
      session?.reset();
      playback.atEnd = false;
    },
    async exec(line) {
      if (!session) {
        return {
          output: 'error: no scenario is loaded\n',
          exitCode: 1,
          t: 0,
          record: -1,
          epoch: -1,
        };
      }
      const r = session.exec(line);
      return {
        ...r,
        t: session.now,
        record: session.cluster.commands.length - 1,
        epoch: session.epoch,
      };
    },
    async setTraffic(patch) {
      session?.setTraffic(patch);
    },
    async setStartTime(ms) {
      session?.setStartTime(ms);
    },
    async interrupt() {
      session?.interrupt();
    },
    async restore(actions, t) {
      if (!session) return;
      stop();
      session.restore(actions, Math.max(0, t));
      playback.atEnd = session.now >= session.scenario.duration;
    },
    async actions() {
      return session?.history() ?? [];
    },
    async beginGesture() {
      session?.beginGesture();
    },
    async endGesture() {
      session?.endGesture();
    },
  };
}
