/**
 * `sim serve --speed 0 --start 30s`: a cluster paused at a chosen moment, which the console
 * comparisons need. Every age real kubectl prints — the server's Table cells (`get`) and those
 * kubectl computes itself (`describe`) — is the simulation's at 30 s (timestamps in whole
 * seconds, as the API server stores them), however long after the start kubectl asks. And a
 * second server on the same port is refused with exit status 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Session } from '../../src/sim/index';
import { catalogText } from '../support/catalog';
import { earlyInWallSecond, startServe, type ServeProcess } from '../support/serveProcess';

let srv: ServeProcess;
/** The simulation itself at 30 s: each pod's age in whole seconds, as the API server keeps time. */
let expectedAges: Map<string, string>;

beforeAll(async () => {
  srv = await startServe('public/scenarios/ramped.yaml', { speed: 0, start: '30s' });
  const session = Session.load(catalogText('ramped'), 'ramped.yaml') as Session;
  session.advanceTo(30_000);
  expectedAges = new Map(
    session.cluster.list('Pod').map((p) => {
      const created = Date.parse(p.metadata?.creationTimestamp ?? '');
      const createdSecond = Math.floor(created / 1000);
      const nowSecond = Math.floor((Date.parse('2026-01-01T00:00:00Z') + 30_000) / 1000);
      return [p.metadata?.name ?? '', `${nowSecond - createdSecond}s`];
    }),
  );
}, 30_000);

afterAll(async () => {
  expect(await srv?.stop()).toBe(0);
});

describe('When the served cluster is paused at 30 s', () => {
  it('prints every pod age the simulation has at 30 s, now and a second later', async () => {
    const ages = (out: string) =>
      new Map(
        out
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(/ +/))
          .map((c) => [c[0] ?? '', c[4] ?? '']),
      );
    const first = await srv.kubectl('get pods');
    expect(ages(first.stdout)).toEqual(expectedAges);
    await new Promise((r) => setTimeout(r, 1100));
    const later = await srv.kubectl('get pods');
    expect(later.stdout).toBe(first.stdout);
  });

  it("gives describe's client-computed event ages the simulation's moments", async () => {
    await earlyInWallSecond();
    const r = await srv.kubectl('describe deployment web');
    const ages = [...r.stdout.matchAll(/^ {2}Normal +ScalingReplicaSet +(\S+) /gm)].map(
      (m) => m[1],
    );
    // The rollout's waves: 0 s (created), 15 s (new image), then every 3 s.
    expect(ages).toEqual(['30s', '15s', '12s', '12s', '9s', '9s', '6s']);
  });

  it('refuses a second server on the same port with exit status 2', () => {
    const r = spawnSync(
      process.execPath,
      [
        'scripts/sim.mjs',
        'serve',
        'public/scenarios/ramped.yaml',
        '--port',
        String(srv.port),
        '--kubeconfig',
        `${srv.kubeconfig}.2`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: port ${srv.port} is already in use on 127.0.0.1`);
  });
});
