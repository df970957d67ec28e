/**
 * The simulation API behind the worker boundary: a Session plus a playback loop. Wall clock
 * and timers are injected, so the same code runs in the worker, in Node tests and in jsdom.
 */
import type { SimApi, FramePacket, PlaybackState, CommandResult } from './protocol';
import { exportManifests, exportScenario, parseScenario, Session, trafficLimitError } from '../sim';
// The editor's Problems on their lines, and "Convert to apps/v1" (issue 11).
import { convertRetiredVersions, hasRetiredVersion, locateIgnored, locateProblems } from '../sim';
import { previewRollout } from '../sim';
import { editorSchema, inputLimitErrors } from '../sim';
// Record and replay (issue 12 item 4).
import { recordingToScenario } from '../sim';

/** The line a message names (`yaml: line 12: …`), if any. */
const lineIn = (message: string): number | null => {
  const m = /\bline (\d+)\b/.exec(message);
  return m ? Number(m[1]) : null;
};
import { guardWork } from './runawayGuard';

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

function noSession(): CommandResult {
  return { output: 'error: no scenario is loaded\n', exitCode: 1, t: 0, record: -1, epoch: -1 };
}

/** A result of the session's, placed among its commands as `exec` places them. */
function commandResult(session: Session, r: { output: string; exitCode: number }): CommandResult {
  return {
    output: r.output,
    exitCode: r.exitCode,
    t: session.now,
    record: session.cluster.commands.length - 1,
    epoch: session.epoch,
  };
}

export function createSimApi(clock: Clock): SimApi {
  let session: Session | null = null;
  /** The text the session was loaded from (what the exports start from). */
  let loadedText = '';
  const playback: PlaybackState = {
    playing: false,
    speed: 1,
    atEnd: false,
    pastEnd: false,
    step: null,
  };
  let cancel: (() => void) | null = null;
  let last = 0;

  const stop = () => {
    cancel?.();
    cancel = null;
    playback.playing = false;
  };

  /**
   * After time moved by a seek, a restore or a reset: before the end, a later crossing stops
   * there again; at or past it without having chosen to go on, playback is at the end.
   */
  const placed = () => {
    if (!session) return;
    if (session.now < session.scenario.duration) playback.pastEnd = false;
    playback.atEnd = !playback.pastEnd && session.now >= session.scenario.duration;
  };

  /** Runs a call's simulation work under the runaway guard: a runaway stops playback with a notice. */
  const guard = <T>(work: () => T, fallback: (message: string) => T): T =>
    guardWork(session, work, (message) => {
      stop();
      playback.notice = message;
      return fallback(message);
    });

  const tick = () => guard(tickWork, () => undefined);

  const tickWork = () => {
    if (!session || !playback.playing) return;
    const now = clock.now();
    const wall = Math.min(now - last, MAX_TICK_WALL_MS);
    last = now;
    const end = session.scenario.duration;
    const target = session.now + wall * playback.speed;
    // Play stops at the scenario's end; going on is the person's choice (continuePastEnd).
    if (!playback.pastEnd && target >= end) {
      session.advanceTo(end);
      playback.atEnd = true;
      stop();
      return;
    }
    session.advanceTo(target);
    cancel = clock.after(TICK_MS, tick);
  };

  const startPlaying = () => {
    playback.playing = true;
    playback.step = null;
    last = clock.now();
    cancel = clock.after(TICK_MS, tick);
  };

  return {
    async load(text, fileName, seed) {
      stop();
      // The current session stays as it is until the new one has loaded (hostile input).
      const s = guardWork(
        null,
        () => Session.load(text, fileName, seed),
        (m) => ({ errors: [m] }),
      );
      if ('errors' in s) return { ok: false, errors: s.errors };
      session = s;
      loadedText = text;
      playback.notice = null;
      playback.atEnd = false;
      playback.pastEnd = false;
      playback.step = null;
      return { ok: true, info: s.info() };
    },
    async check(text, fileName) {
      // Over a limit: say so before anything else parses the text (locating lines parses it).
      const limits = inputLimitErrors(text, fileName);
      if (limits.length) {
        const problems = limits.map((message) => ({ line: lineIn(message), message }));
        return { ok: false, problems, ignored: [], notes: [], convertible: false };
      }
      const r = parseScenario(text, fileName);
      const problems = r.ok ? [] : locateProblems(text, r.errors);
      const lines = locateIgnored(text, r.ignored);
      const ignored = r.ignored.map((i, k) => ({
        line: lines[k] ?? null,
        path: i.path,
        what: i.what,
      }));
      return { ok: r.ok, problems, ignored, notes: r.notes, convertible: hasRetiredVersion(text) };
    },
    async convert(text) {
      const limits = inputLimitErrors(text, 'scenario.yaml');
      if (limits.length) return { text, changes: limits };
      return convertRetiredVersions(text);
    },
    async pull(): Promise<FramePacket | null> {
      if (!session) return null;
      const { frame, points, epoch } = session.frame();
      return { frame, points, epoch, playback: { ...playback } };
    },
    async play() {
      if (!session || playback.playing) return;
      placed();
      // At the end, Play goes no further: going on is an explicit choice (continuePastEnd).
      if (playback.atEnd) {
        playback.step = {
          outcome: 'end',
          from: session.now,
          t: session.now,
          changes: [],
          total: 0,
        };
        return;
      }
      startPlaying();
    },
    async continuePastEnd() {
      if (!session) return;
      playback.pastEnd = true;
      playback.atEnd = false;
      if (!playback.playing) startPlaying();
    },
    async pause() {
      stop();
    },
    async step() {
      stop();
      if (!session) return;
      placed();
      const t = session.now;
      // At the end, Step goes no further: going on is an explicit choice.
      if (playback.atEnd) playback.step = { outcome: 'end', from: t, t, changes: [], total: 0 };
      else {
        playback.step = guard(
          () => session!.step(),
          () => null,
        );
        placed();
      }
    },
    async setSpeed(speed) {
      playback.speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
    },
    async seek(t) {
      if (!session) return;
      playback.notice = null;
      guard(
        () => session!.seek(Math.max(0, t)),
        () => undefined,
      );
      playback.step = null;
      placed();
    },
    async reset() {
      stop();
      playback.notice = null;
      guard(
        () => session?.reset(),
        () => undefined,
      );
      playback.step = null;
      placed();
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
      const s = session;
      const r = guard(
        () => s.exec(line),
        (message) => ({ output: `${message}\n`, exitCode: 1 }),
      );
      return {
        ...r,
        t: session.now,
        record: session.cluster.commands.length - 1,
        epoch: session.epoch,
      };
    },
    async setTraffic(patch) {
      const refused = trafficLimitError(patch);
      if (refused) playback.notice = refused;
      else
        guard(
          () => session?.setTraffic(patch),
          () => undefined,
        );
    },
    async setStartTime(ms) {
      guard(
        () => session?.setStartTime(ms),
        () => undefined,
      );
    },
    async interrupt() {
      guard(
        () => session?.interrupt(),
        () => undefined,
      );
    },
    async restore(actions, t) {
      if (!session) return;
      stop();
      // A link's traffic changes the simulator cannot run are left out, and the person told.
      const runnable = actions.filter((a) => a.kind !== 'traffic' || !trafficLimitError(a.patch));
      const refused = actions.find((a) => a.kind === 'traffic' && trafficLimitError(a.patch));
      playback.notice = refused?.kind === 'traffic' ? trafficLimitError(refused.patch) : null;
      const s = session;
      guard(
        () => s.restore(runnable, Math.max(0, t)),
        () => undefined,
      );
      playback.step = null;
      placed();
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
    async applyText(text, fileName = 'scenario.yaml') {
      if (!session) return noSession();
      return commandResult(session, session.applyText(text, fileName));
    },
    async openEdit(line) {
      if (!session) return { ok: false, result: noSession() };
      const r = session.openEdit(line);
      // Opening reads: it is not among the session's commands (record -1).
      return 'text' in r
        ? { ok: true, text: r.text }
        : { ok: false, result: { ...r, t: session.now, record: -1, epoch: session.epoch } };
    },
    async saveEdit(line, original, text) {
      if (!session) return noSession();
      return commandResult(session, session.saveEdit(line, original, text));
    },
    async preview(text) {
      if (!session) return { kind: 'error', message: 'no scenario is loaded' };
      return previewRollout(session, text);
    },
    async exportScenario() {
      return session ? exportScenario(loadedText, session.scenario, session.history()) : null;
    },
    async fieldSchema() {
      return editorSchema();
    },
    async exportManifests() {
      return session ? exportManifests(loadedText, session.scenario.name) : null;
    },
    async recordScenario(obs) {
      try {
        return recordingToScenario(obs);
      } catch (e) {
        // A recording is the live page's data, not a person's text: say what broke, keep it.
        return { error: `the recording could not be made a scenario: ${String(e)}` };
      }
    },
  };
}
