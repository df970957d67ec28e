/** The address bar format: round trips, and hostile or broken links that must never throw. */
import { describe, expect, it } from 'vitest';
import {
  decodeLink,
  encodeActions,
  encodeLink,
  LINK_LIMITS,
  type LinkState,
} from '../../src/store/url';
import type { UserAction } from '../../src/worker/protocol';

const b64url = (s: string) =>
  Buffer.from(s, 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const actions: UserAction[] = [
  { t: 5000, kind: 'kubectl', line: `patch deployment web -p '{"spec":{"replicas":5}}'` },
  { t: 7250, kind: 'traffic', patch: { rps: 300 } },
  { t: 9000, kind: 'startTime', ms: 4500 },
  { t: 12000, kind: 'kubectl', line: 'annotate deployment/web note="ünïcødé ✓"' },
];

describe('A link to what is on screen', () => {
  it('round-trips scenario, speed, time and actions', async () => {
    const state: LinkState = { scenario: 'ramped', speed: 2, t: 42.5, actions };
    const q = await encodeLink(state);
    expect(q).toMatch(/^\?scenario=ramped&speed=2&t=42\.5&a=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeLink(q)).toEqual({ ...state, problems: [] });
  });

  it('leaves defaults out', async () => {
    expect(await encodeLink({ scenario: 'ramped', speed: 1, t: 0, actions: [] })).toBe(
      '?scenario=ramped',
    );
    expect(await decodeLink('?scenario=ramped')).toEqual({
      scenario: 'ramped',
      speed: null,
      t: null,
      actions: [],
      problems: [],
    });
    expect(await decodeLink('')).toEqual({
      scenario: null,
      speed: null,
      t: null,
      actions: [],
      problems: [],
    });
  });

  it('writes time with at most millisecond precision', async () => {
    expect(await encodeLink({ scenario: 'x', speed: null, t: 12.3456789, actions: [] })).toBe(
      '?scenario=x&t=12.346',
    );
  });

  it('sorts actions by time', async () => {
    const a = await encodeActions([actions[2]!, actions[0]!]);
    expect((await decodeLink(`?a=${a}`)).actions.map((x) => x.t)).toEqual([5000, 9000]);
  });
});

describe('When a link is hostile or broken', () => {
  const bad = async (q: string) => {
    const d = await decodeLink(q);
    expect(d.problems).toHaveLength(1);
    return d;
  };

  it.each([
    ['not base64', '?scenario=ramped&a=%%%%'],
    ['base64 but not JSON', `?scenario=ramped&a=${b64url('{nope')}`],
    ['invalid UTF-8', '?scenario=ramped&a=_w'],
    ['JSON but not a list', `?scenario=ramped&a=${b64url('{"t":1}')}`],
    ['a list of wrong shapes', `?scenario=ramped&a=${b64url('[[1,"k"]]')}`],
    ['an unknown kind', `?scenario=ramped&a=${b64url('[[1,"x",1]]')}`],
    ['a non-string command', `?scenario=ramped&a=${b64url('[[1,"k",{"a":1}]]')}`],
    ['a huge time', `?scenario=ramped&a=${b64url('[[1e300,"k","get rs"]]')}`],
    ['a negative time', `?scenario=ramped&a=${b64url('[[-5,"k","get rs"]]')}`],
    ['a string time', `?scenario=ramped&a=${b64url('[["5","k","get rs"]]')}`],
    [
      'an overlong command',
      `?scenario=ramped&a=${b64url(JSON.stringify([[1, 'k', 'x'.repeat(501)]]))}`,
    ],
    ['an unknown traffic field', `?scenario=ramped&a=${b64url('[[1,"t",{"rps":5,"evil":1}]]')}`],
    ['a huge rps', `?scenario=ramped&a=${b64url('[[1,"t",{"rps":1e9}]]')}`],
    ['fractional clients', `?scenario=ramped&a=${b64url('[[1,"t",{"clients":1.5}]]')}`],
    ['a null traffic patch', `?scenario=ramped&a=${b64url('[[1,"t",null]]')}`],
    ['a negative start time', `?scenario=ramped&a=${b64url('[[1,"s",-1]]')}`],
    ['a __proto__ field', `?scenario=ramped&a=${b64url('[[1,"t",{"__proto__":{"x":1}}]]')}`],
  ])('drops the actions on %s, with a message naming the "a" parameter', async (_what, q) => {
    const d = await bad(q);
    expect(d.scenario).toBe('ramped');
    expect(d.actions).toEqual([]);
    expect(d.problems[0]).toMatch(/^error: the link's "a" parameter is not valid: .+/);
  });

  it('refuses more than 200 actions', async () => {
    const many = Array.from({ length: LINK_LIMITS.maxActions + 1 }, (_, i) => [i, 'k', 'get rs']);
    const d = await bad(`?a=${b64url(JSON.stringify(many))}`);
    expect(d.problems[0]).toContain('at most 200');
  });

  it.each([
    ['t', 'abc'],
    ['t', '-3'],
    ['t', '1e400'],
    ['t', 'Infinity'],
    ['t', '99999999'],
    ['speed', '0'],
    ['speed', '1000'],
    ['speed', 'NaN'],
    ['speed', ''],
    ['scenario', '../../etc/passwd'],
    ['scenario', '<script>'],
    ['scenario', 'x'.repeat(80)],
  ])('ignores %s=%s with a message', async (name, value) => {
    const d = await bad(`?${name}=${encodeURIComponent(value)}`);
    expect(d.problems[0]).toContain(`"${name}" parameter is not valid`);
    expect(d[name as 'scenario' | 't' | 'speed']).toBeNull();
  });

  it('reports every broken parameter and keeps the good ones', async () => {
    const d = await decodeLink('?scenario=canary&speed=fast&t=12&a=!!');
    expect(d.scenario).toBe('canary');
    expect(d.t).toBe(12);
    expect(d.speed).toBeNull();
    expect(d.problems).toHaveLength(2);
  });

  it('never throws on a very long parameter', async () => {
    const d = await decodeLink(`?a=${'A'.repeat(LINK_LIMITS.maxEncoded + 1)}`);
    expect(d.problems[0]).toContain('too long');
  });
});
