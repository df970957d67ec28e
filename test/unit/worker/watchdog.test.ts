/**
 * The worker watchdog with fake workers and a fake clock: a call that never answers restarts
 * the worker, the last scenario and the person's actions come back at the last time shown,
 * every call in flight gets an answer, and the person is told.
 */
import { describe, expect, it } from 'vitest';
import { watchdog } from '../../../src/worker/watchdog';
import type { SimApi, SimConnection, UserAction } from '../../../src/worker/protocol';

/** Timers that fire only when the test moves the clock. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  return {
    after(ms: number, fn: () => void) {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => void (t.live = false);
    },
    async advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.live && x.at <= now)) {
        t.live = false;
        t.fn();
      }
      await settle();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

const never = () => new Promise<never>(() => undefined);

const ACTION: UserAction = { t: 3000, kind: 'kubectl', line: 'scale deployment/web --replicas=5' };

/** A fake worker: answers like a real one, except for the methods listed as stuck. */
function fakeWorker(stuck: Set<string>, log: string[], id: number): SimConnection {
  const calls = new Proxy({} as SimApi, {
    get(_, name: string) {
      return async (...args: unknown[]) => {
        log.push(`${id}:${name}${name === 'restore' ? ` ${JSON.stringify(args)}` : ''}`);
        if (stuck.has(name)) return never();
        if (name === 'load') return { ok: true, info: {} };
        if (name === 'pull') return { frame: { t: 4200 }, playback: { speed: 2 } };
        if (name === 'exec') return { output: '', exitCode: 0, t: 3000, record: 0, epoch: 0 };
        if (name === 'actions') return [ACTION];
        return undefined;
      };
    },
  });
  return { api: calls, close: () => void log.push(`${id}:closed`) };
}

function setup(stuckPerWorker: string[][]) {
  const clock = fakeClock();
  const log: string[] = [];
  let started = 0;
  const conn = watchdog(
    () => {
      const id = started++;
      return fakeWorker(new Set(stuckPerWorker[id] ?? []), log, id);
    },
    { timeoutMs: 10_000, after: clock.after },
  );
  const notices: string[] = [];
  conn.onNotice?.((m) => notices.push(m));
  return { clock, log, conn, notices, started: () => started };
}

describe('the worker watchdog', () => {
  it('a call that never answers restarts the worker where the person was', async () => {
    const { clock, log, conn, notices } = setup([['seek']]);
    await conn.api.load('text', 'web.yaml', 7);
    await conn.api.exec('scale deployment/web --replicas=5');
    await settle();
    await conn.api.pull();
    const seek = conn.api.seek(1e12);
    const pull = conn.api.pull(); // answered by the stuck worker? It never is: abandoned at once
    await clock.advance(9_999);
    expect(log).not.toContain('0:closed');
    await clock.advance(1);
    await expect(seek).resolves.toBeUndefined();
    await settle();
    expect(log).toContain('0:closed');
    expect(log).toContain('1:load');
    expect(log).toContain(`1:restore ${JSON.stringify([[ACTION], 4200])}`);
    expect(log).toContain('1:setSpeed');
    await expect(pull).resolves.toBeDefined();
    expect(notices).toEqual([
      'The simulation stopped answering (seek took over 10 s) and was restarted: it is back at 4.2 s with your changes up to then; the change that hung was not replayed.',
    ]);
    // The new worker answers from now on.
    await expect(conn.api.pull()).resolves.toEqual({ frame: { t: 4200 }, playback: { speed: 2 } });
  });

  it('answers a stuck call with a refusal the caller can show', async () => {
    const { clock, conn } = setup([['exec']]);
    await conn.api.load('text', 'web.yaml');
    await settle();
    const r = conn.api.exec('get pods');
    await clock.advance(10_000);
    await expect(r).resolves.toMatchObject({
      exitCode: 1,
      output: 'The simulation did not answer (exec) and is being restarted.\n',
    });
  });

  it('when replaying the actions hangs too, the scenario starts over without them', async () => {
    const { clock, log, conn, notices } = setup([['step'], ['restore'], []]);
    await conn.api.load('text', 'web.yaml');
    await conn.api.exec('scale deployment/web --replicas=5');
    await settle();
    void conn.api.step();
    await clock.advance(10_000); // the step hangs: worker 1 is started and its restore hangs
    await clock.advance(10_000); // the restore times out: worker 2 loads without actions
    await settle();
    expect(log).toContain('1:closed');
    expect(log).toContain('2:load');
    expect(log.filter((l) => l.startsWith('2:restore'))).toEqual([]);
    expect(notices).toEqual([
      'The simulation stopped answering (step took over 10 s) and was restarted: replaying your changes hung it again, so the scenario starts over without them.',
    ]);
  });

  it('calls that answer in time are passed through untouched, and no restart happens', async () => {
    const { clock, conn, notices, started } = setup([[]]);
    await expect(conn.api.load('text', 'web.yaml')).resolves.toEqual({ ok: true, info: {} });
    await clock.advance(60_000);
    expect(started()).toBe(1);
    expect(notices).toEqual([]);
  });
});
