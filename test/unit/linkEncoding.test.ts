/**
 * The compact link format: twenty edits fit a short link, times are whole ms, old links still
 * open, and compressed garbage (or a decompression bomb) is refused with a message.
 */
import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  decodeLink,
  encodeActions,
  encodeActionsUncompressed,
  encodeLink,
  LINK_LIMITS,
} from '../../src/store/url';
import type { UserAction } from '../../src/worker/protocol';

const b64url = (b: Buffer) =>
  b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const compressed = (json: string) => `1.${b64url(deflateRawSync(Buffer.from(json)))}`;

/** Twenty slider edits as the sliders write them, spread over a minute. */
function twentyEdits(): UserAction[] {
  const out: UserAction[] = [];
  for (let i = 0; i < 20; i++) {
    const t = 1000 + i * 2917;
    const v = (i % 5) + 1;
    const a: UserAction =
      i % 6 === 0
        ? { t, kind: 'kubectl', line: `scale deployment/web --replicas=${v + 2}` }
        : i % 6 === 1
          ? {
              t,
              kind: 'kubectl',
              line: `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":${v}}}}}'`,
            }
          : i % 6 === 2
            ? {
                t,
                kind: 'kubectl',
                line: `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxUnavailable":"${v * 10}%"}}}}'`,
              }
            : i % 6 === 3
              ? {
                  t,
                  kind: 'kubectl',
                  line: `patch deployment web -p '{"spec":{"minReadySeconds":${v}}}'`,
                }
              : i % 6 === 4
                ? { t, kind: 'traffic', patch: { rps: v * 40 } }
                : { t, kind: 'startTime', ms: v * 500 };
    out.push(a);
  }
  return out;
}

describe('A link with twenty edits', () => {
  it('stays under 2 000 characters and opens to the same actions', async () => {
    const actions = twentyEdits();
    const q = await encodeLink({ scenario: 'ramped', speed: 2, t: 61.5, actions });
    const url = `http://localhost:5173/${q}`;
    expect(url.length).toBeLessThan(2000);
    // The older format takes 1 722 characters for these (2 230 for twenty kubectl edits).
    const a = new URL(url).searchParams.get('a') ?? '';
    expect(a.length * 4).toBeLessThan(encodeActionsUncompressed(actions).length);
    const back = await decodeLink(new URL(url).search);
    expect(back).toEqual({ scenario: 'ramped', speed: 2, t: 61.5, actions, problems: [] });
  });

  it('writes times as whole milliseconds, each after the one before', async () => {
    const a = await encodeActions([
      { t: 17148.199999999255, kind: 'kubectl', line: 'scale deployment/web --replicas=5' },
      { t: 17400.7, kind: 'traffic', patch: { rps: 80 } },
    ]);
    const json = inflateRawSync(Buffer.from(a.slice(2), 'base64url')).toString();
    expect(json).toBe('[[17148,"k","scale deployment/web --replicas=5"],[253,"t",{"rps":80}]]');
    expect((await decodeLink(`?a=${a}`)).actions.map((x) => x.t)).toEqual([17148, 17401]);
  });

  it('still opens a link in the older format, rounding its times', async () => {
    const old = encodeActionsUncompressed([
      { t: 3000, kind: 'kubectl', line: 'scale deployment/web --replicas=5' },
    ]);
    expect(old).not.toContain('.');
    const raw = b64url(
      Buffer.from('[[17148.199999999255,"k","scale deployment/web --replicas=5"]]'),
    );
    const d = await decodeLink(`?scenario=ramped&a=${raw}`);
    expect(d.problems).toEqual([]);
    expect(d.actions).toEqual([
      { t: 17148, kind: 'kubectl', line: 'scale deployment/web --replicas=5' },
    ]);
    expect((await decodeLink(`?a=${old}`)).actions).toHaveLength(1);
  });
});

describe('A garbled compressed link', () => {
  it.each([
    ['bad base64', '1.%%%%'],
    ['base64 that is not deflate data', '1.SGVsbG8gd29ybGQ'],
    ['deflate data that is not JSON', compressed('{nope')],
    ['an unknown kind', compressed('[[1,"x",1]]')],
    [
      'a negative time step',
      compressed('[[5000,"k","scale deployment/web --replicas=2"],[-10,"i",1]]'),
    ],
    ['times adding up past the limit', compressed(`[[3000000,"i",1],[3000000,"i",1]]`)],
    ['nothing after the mark', '1.'],
  ])('drops the actions on %s, with a message', async (_what, a) => {
    const d = await decodeLink(`?scenario=ramped&t=3&a=${encodeURIComponent(a)}`);
    expect(d.scenario).toBe('ramped');
    expect(d.t).toBe(3);
    expect(d.actions).toEqual([]);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatch(/^error: the link's "a" parameter is not valid: .+/);
  });

  it('stops unpacking a small link that inflates to a huge payload', async () => {
    const bomb = compressed(`[${'[1,"i",1],'.repeat(60_000)}[1,"i",1]]`);
    expect(bomb.length).toBeLessThan(5000);
    const d = await decodeLink(`?a=${bomb}`);
    expect(d.actions).toEqual([]);
    expect(d.problems[0]).toContain(`unpacks to more than ${LINK_LIMITS.maxInflated} bytes`);
  });
});
