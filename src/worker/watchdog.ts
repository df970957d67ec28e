/**
 * The worker watchdog: a simulation call that gets no answer in time means the worker is stuck
 * (the engine's own runaway guard did not catch it). The watchdog then terminates it, starts a
 * fresh one, loads the last scenario that loaded, replays the person's actions up to the last
 * time a frame showed, and says so. Every call still in flight gets an answer at once — a
 * refusal with the message, or nothing — so the page never waits on a dead worker.
 *
 * What is kept is what the worker last confirmed: the loaded text, the actions it reported
 * after each change, the time and speed of the newest frame. The change that hung is not
 * replayed (replaying it would hang the new worker too). If the reload itself hangs, the next
 * try loads the scenario without the actions, and the last one starts an empty worker.
 */
import type { CheckResult, SimApi, SimConnection, UserAction } from './protocol';

export interface WatchdogOptions {
  /** A call unanswered this long means the worker is stuck. */
  timeoutMs: number;
  /** Calls `fn` after `ms`; returns a canceller (tests pass a fake clock). */
  after(ms: number, fn: () => void): () => void;
}

/** The app's choice: far above the slowest legitimate call (a 10 000-pod wave takes seconds). */
export const WATCHDOG_MS = 10_000;

/** Calls after which the worker's list of the person's actions may have changed. */
const CHANGES_HISTORY = new Set<keyof SimApi>([
  'load',
  'exec',
  'setTraffic',
  'setStartTime',
  'interrupt',
  'restore',
  'reset',
  'endGesture',
  'applyText',
  'saveEdit',
]);

type Listener = (message: string) => void;

/** `start` opens one worker; the returned connection restarts it whenever it gets stuck. */
export function watchdog(start: () => SimConnection, opts: WatchdogOptions): SimConnection {
  let current = start();
  /** Bumped at each restart: answers from an older worker are ignored. */
  let generation = 0;
  const pending = new Set<(message: string) => void>();
  const listeners = new Set<Listener>();
  let loaded: { text: string; fileName: string; seed: number | undefined } | null = null;
  let actions: UserAction[] = [];
  let t = 0;
  let speed = 1;

  const tell = (message: string) => listeners.forEach((l) => l(message));

  /** A call on the current worker, answered in time or given `fallback(message)`. */
  function call<T>(
    name: keyof SimApi,
    args: unknown[],
    fallback: (message: string) => T,
  ): Promise<T> {
    const gen = generation;
    return new Promise<T>((resolve) => {
      let done = false;
      const finish = (value: T) => {
        if (done) return;
        done = true;
        cancel();
        pending.delete(abandon);
        resolve(value);
      };
      const abandon = (message: string) => finish(fallback(message));
      pending.add(abandon);
      const cancel = opts.after(opts.timeoutMs, () => {
        if (gen === generation) void restart(name);
        abandon(stuckMessage(name));
      });
      const fn = current.api[name] as (...a: unknown[]) => Promise<T>;
      fn(...args).then(
        (value) => {
          if (gen !== generation) return;
          finish(value);
          void learn(name, args, value);
        },
        () => {
          if (gen === generation) finish(fallback(`The simulation failed on ${name}.`));
        },
      );
    });
  }

  /** Remembers what a fresh worker would need, from the answers the worker gave. */
  async function learn(name: keyof SimApi, args: unknown[], value: unknown): Promise<void> {
    if (name === 'load' && (value as { ok: boolean }).ok) {
      const [text, fileName, seed] = args as [string, string, number | undefined];
      loaded = { text, fileName, seed };
      t = 0;
    }
    if (name === 'pull' && value) {
      const packet = value as { frame: { t: number }; playback: { speed: number } };
      t = packet.frame.t;
      speed = packet.playback.speed;
    }
    if (CHANGES_HISTORY.has(name)) actions = await call('actions', [], () => actions);
  }

  /** Replaces the stuck worker and puts the last confirmed state back, in three tries. */
  async function restart(name: keyof SimApi): Promise<void> {
    generation++;
    current.close();
    for (const abandon of [...pending]) abandon(stuckMessage(name));
    const tries: ((api: SimApi) => Promise<string>)[] = [
      async (api) => {
        if (!loaded) return 'nothing was loaded yet';
        const r = await api.load(loaded.text, loaded.fileName, loaded.seed);
        if (!r.ok) return 'the scenario could not be loaded again';
        await api.restore(actions, t);
        await api.setSpeed(speed);
        return `it is back at ${seconds(t)} with your changes up to then; the change that hung was not replayed`;
      },
      async (api) => {
        if (!loaded) return 'nothing was loaded yet';
        await api.load(loaded.text, loaded.fileName, loaded.seed);
        actions = [];
        t = 0;
        return 'replaying your changes hung it again, so the scenario starts over without them';
      },
      async () => 'it could not load the scenario again: pick a scenario to go on',
    ];
    for (const attempt of tries) {
      current = start();
      const gen = generation;
      const outcome = await within(attempt(current.api), opts);
      if (outcome !== null && gen === generation) {
        tell(
          `The simulation stopped answering (${name} took over ${seconds(opts.timeoutMs)}) and was restarted: ${outcome}.`,
        );
        return;
      }
      generation++;
      current.close();
    }
  }

  const checkRefused = (message: string): CheckResult => ({
    ok: false,
    problems: [{ line: null, message }],
    ignored: [],
    notes: [],
    convertible: false,
  });

  const refusedCommand = (message: string) => ({
    output: `${message}\n`,
    exitCode: 1,
    t,
    record: -1,
    epoch: -1,
  });

  const api: SimApi = {
    load: (...a) => call('load', a, (message) => ({ ok: false, errors: [message] })),
    check: (...a) => call('check', a, checkRefused),
    pull: () => call('pull', [], () => null),
    exec: (...a) => call('exec', a, refusedCommand),
    actions: () => call('actions', [], () => actions),
    play: () => call('play', [], () => undefined),
    pause: () => call('pause', [], () => undefined),
    step: () => call('step', [], () => undefined),
    continuePastEnd: () => call('continuePastEnd', [], () => undefined),
    setSpeed: (...a) => call('setSpeed', a, () => undefined),
    seek: (...a) => call('seek', a, () => undefined),
    reset: () => call('reset', [], () => undefined),
    setTraffic: (...a) => call('setTraffic', a, () => undefined),
    setStartTime: (...a) => call('setStartTime', a, () => undefined),
    interrupt: () => call('interrupt', [], () => undefined),
    restore: (...a) => call('restore', a, () => undefined),
    beginGesture: () => call('beginGesture', [], () => undefined),
    endGesture: () => call('endGesture', [], () => undefined),
    convert: (...a) => call('convert', a, (message) => ({ text: a[0], changes: [message] })),
    applyText: (...a) => call('applyText', a, refusedCommand),
    openEdit: (...a) =>
      call('openEdit', a, (message) => ({ ok: false, result: refusedCommand(message) })),
    saveEdit: (...a) => call('saveEdit', a, refusedCommand),
    preview: (...a) => call('preview', a, (message) => ({ kind: 'error', message })),
    exportScenario: () => call('exportScenario', [], () => null),
    exportManifests: () => call('exportManifests', [], () => null),
    fieldSchema: () => call('fieldSchema', [], () => ({})),
    recordScenario: (...a) => call('recordScenario', a, (message) => ({ error: message })),
  };

  return {
    api,
    close() {
      generation++;
      current.close();
    },
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

const stuckMessage = (name: string) =>
  `The simulation did not answer (${name}) and is being restarted.`;

/** `p`'s value, or null when it takes longer than the timeout. */
function within<T>(p: Promise<T>, opts: WatchdogOptions): Promise<T | null> {
  return new Promise((resolve) => {
    const cancel = opts.after(opts.timeoutMs, () => resolve(null));
    p.then(
      (v) => {
        cancel();
        resolve(v);
      },
      () => {
        cancel();
        resolve(null);
      },
    );
  });
}
