/**
 * The kubectl lines live mode sends once writing is on — the ones the app's own controls make
 * (store/edits.ts) — as the requests real kubectl 1.32 sends for them (`kubectl -v=8`): scale a
 * merge patch on the scale subresource, patch and set image strategic-merge patches; anything
 * else is refused, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { liveCommand, splitWords } from '../../../src/sim/live/liveCommand';

const DEPLOY = '/apis/apps/v1/namespaces/shop/deployments/web';

describe('Live writes', () => {
  it('are the requests kubectl sends for the controls’ commands', () => {
    expect(liveCommand('scale deployment/web --replicas=4', 'shop')).toEqual({
      ok: true,
      write: {
        method: 'PATCH',
        path: `${DEPLOY}/scale`,
        contentType: 'application/merge-patch+json',
        body: '{"spec":{"replicas":4}}',
        done: 'deployment.apps/web scaled',
      },
    });
    const patch = liveCommand(
      `kubectl patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":2}}}}'`,
      'shop',
    );
    expect(patch).toMatchObject({
      ok: true,
      write: {
        path: DEPLOY,
        contentType: 'application/strategic-merge-patch+json',
        body: '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":2}}}}',
        done: 'deployment.apps/web patched',
      },
    });
    expect(
      liveCommand(`patch deploy web --type merge -p '{"spec":{"paused":true}}'`, 'shop'),
    ).toMatchObject({ ok: true, write: { contentType: 'application/merge-patch+json' } });
    expect(liveCommand('set image deployment/web web=nginx:1.28', 'shop')).toMatchObject({
      ok: true,
      write: {
        path: DEPLOY,
        body: '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}',
        done: 'deployment.apps/web image updated',
      },
    });
  });

  it('refuses what it does not send, and a patch that is not JSON, in words', () => {
    for (const line of [
      'get pods',
      'delete deployment web',
      'scale deployment/web',
      'rollout undo deployment/web',
    ])
      expect(liveCommand(line, 'default')).toMatchObject({
        ok: false,
        message: expect.stringMatching(/use your own kubectl/),
      });
    expect(liveCommand(`patch deployment web -p '{nope'`, 'default')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^error: unable to parse "\{nope"/),
    });
  });

  it('splits a line as a shell does', () => {
    expect(splitWords(`patch deployment web --patch='{"a": 1}' -p "x y"`)).toEqual([
      'patch',
      'deployment',
      'web',
      '--patch={"a": 1}',
      '-p',
      'x y',
    ]);
  });
});
