/**
 * The socket layer in-process (src/cli/serve/httpServer.ts): a watch stays open while the
 * client reads, and is removed once the client goes, so a long-running server does not leak.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ApiHttpServer } from '../../../src/cli/serve/httpServer';
import { serveAt, WALL } from './serveFixture';

const state = serveAt('ramped', 10_000);
const http = new ApiHttpServer(state, () => WALL);
const port = await http.listen(0);
const base = `http://127.0.0.1:${port}`;

afterAll(() => http.stop());

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('the HTTP server', () => {
  it('streams a watch while the client reads and removes it when the client goes', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/v1/namespaces/default/pods?watch=true`, {
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(
      first
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).type),
    ).toEqual(['ADDED', 'ADDED', 'ADDED']);
    expect(http.openWatches).toBe(1);
    // New pods reach the open watch as the session advances.
    state.session.advanceTo(17_000);
    http.pushWatches();
    const next = new TextDecoder().decode((await reader.read()).value);
    expect(next).toContain('"type":"ADDED"');
    abort.abort();
    await until(() => http.openWatches === 0);
    expect(http.openWatches).toBe(0);
  });

  it('ends a watch after timeoutSeconds', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=1`);
    const text = await res.text();
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThan(0);
    expect(http.openWatches).toBe(0);
  });

  it('refuses a body over the API server 3 MiB limit with 413', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/pods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(3 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: limit is 3145728',
    });
  });

  it('serves the scale subresource as autoscaling/v1 Scale', async () => {
    const scale = await (
      await fetch(`${base}/apis/apps/v1/namespaces/default/deployments/web/scale`)
    ).json();
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3 },
      status: { selector: 'app=web' },
    });
  });
});
