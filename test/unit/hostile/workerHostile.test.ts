/**
 * Hostile input through the worker's API (createSimApi, in Node, as the app's worker runs it):
 * `check` and `load` answer each with its message, and the session already loaded is left
 * exactly where it was; numbers the simulator cannot run are refused at run time too; a move
 * that would run away stops with a notice and the session goes on from there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimApi } from '../../../src/worker/api';
import type { SimApi } from '../../../src/worker/protocol';
import { catalogText } from '../../support/catalog';
import { HOSTILE } from './hostileInputs';

const firstLine = (m: string | RegExp) => (typeof m === 'string' ? m : m);

function expectMessage(actual: string | undefined, message: string | RegExp) {
  if (typeof message === 'string') expect(actual).toContain(firstLine(message));
  else expect(actual).toMatch(message);
}

async function loadedApi(): Promise<SimApi> {
  const api = createSimApi({ now: () => 0, after: () => () => undefined });
  const r = await api.load(catalogText('ramped'), 'ramped.yaml');
  expect(r.ok).toBe(true);
  await api.seek(5000);
  await api.exec('set image deployment/web web=nginx:1.27');
  await api.seek(8000);
  return api;
}

/** What the person sees of the session: time, pods, the history. */
async function observe(api: SimApi) {
  const packet = await api.pull();
  const pods = await api.exec('get pods');
  return { t: packet?.frame.t, pods: pods.output, actions: await api.actions() };
}

describe('hostile input through the worker API', () => {
  let api: SimApi;
  let before: Awaited<ReturnType<typeof observe>>;
  beforeAll(async () => {
    api = await loadedApi();
    before = await observe(api);
  });

  it.each(HOSTILE)('$name: check and load refuse it; the session is untouched', async (h) => {
    const text = h.text();
    const t0 = performance.now();
    const checked = await api.check(text, 'hostile.yaml');
    const t1 = performance.now();
    const loaded = await api.load(text, 'hostile.yaml');
    const t2 = performance.now();
    if (process.env.HOSTILE_TIMES)
      console.warn(
        `[hostile worker] ${h.name}: check ${(t1 - t0).toFixed(0)} ms, load ${(t2 - t1).toFixed(0)} ms`,
      );
    expect(checked.ok).toBe(false);
    expectMessage(checked.problems[0]?.message, h.message);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expectMessage(loaded.errors[0], h.message);
    // Same time, same pods, same history: nothing of the current work was lost.
    expect(await observe(api)).toEqual(before);
  });

  it('kubectl scale to 10⁶ replicas is refused with the field and the limit', async () => {
    const r = await api.exec('scale deployment/web --replicas=1000000');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: 1000000: must be less than or equal to 10000 (the most replicas of one workload the simulator runs)\n',
    );
    const patch = await api.exec(`patch deployment web -p '{"spec":{"replicas":20000}}'`);
    expect(patch.exitCode).toBe(1);
    expect(patch.output).toContain('spec.replicas: Invalid value: 20000');
    // 10 000 is still allowed (the limit is not off by one): checked without running it.
    const dry = await api.exec('scale deployment/web --replicas=10000 --dry-run=server');
    expect(dry.exitCode).toBe(0);
  });

  it('a request rate the simulator cannot run is refused with a notice', async () => {
    await api.setTraffic({ rps: 1e12 });
    const packet = await api.pull();
    expect(packet?.playback.notice).toBe(
      'error: the request rate 1000000000000 is more than the simulator runs (at most 100000 requests per second)',
    );
  });
});

describe('the runaway guard', () => {
  it('a move far past anything runnable stops with a notice, and the session goes on', async () => {
    const api = createSimApi({ now: () => 0, after: () => () => undefined });
    await api.load(catalogText('ramped'), 'ramped.yaml');
    const t0 = performance.now();
    await api.seek(1e12);
    const ms = performance.now() - t0;
    if (process.env.HOSTILE_TIMES)
      console.warn(`[hostile worker] seek to 1e12 ms: ${ms.toFixed(0)} ms`);
    const packet = await api.pull();
    expect(packet?.playback.notice).toMatch(
      /^The simulation was stopped at \d+(\.\d+)?s: one move asked for more than 300000 units of simulation work\. It can go on from here in smaller moves\.$/,
    );
    const stoppedAt = packet?.frame.t ?? 0;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(1e12);
    // The session is whole: a command runs, and time moves on from where it stopped.
    expect((await api.exec('get deployment web')).exitCode).toBe(0);
    await api.seek(stoppedAt + 1000);
    const next = await api.pull();
    expect(next?.frame.t).toBe(stoppedAt + 1000);
    expect(next?.playback.notice).toBeNull();
  }, 120_000);
});
