/**
 * The build works under any path prefix (issue 12 item 3): `kubectl proxy --www=dist
 * --www-prefix=/lab/` serves it at /lab/, where absolute `/assets/…` or `/scenarios/…` would
 * 404. A plain static server here serves dist/ under /lab/ only — nothing at / — and the page
 * must load its scripts, worker, catalog and a scenario from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/browser';
import { OUT_DIR } from './harness';

/** expect.poll waits 1 s by default: a page on a busy 2-core machine needs longer. */
const WAIT = { timeout: 15_000 };

const PREFIX = '/lab/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.yaml': 'text/yaml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

let server: Server;
let base = '';
let browser: Browser;
/** Every path the page asked for outside the prefix. */
const outside: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      outside.push(path);
      res.writeHead(404).end('404 page not found\n');
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    readFile(join('dist', rel)).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'text/plain' }).end(body),
      () => res.writeHead(404).end('404 page not found\n'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('The app served under /lab/', () => {
  it('loads the catalog and opens a scenario, asking for nothing outside the prefix', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => failed.push(`pageerror: ${e.message}`));
    await page.goto(`${base}${PREFIX}?scenario=recreate`);
    const cluster = page.getByRole('region', { name: 'Cluster' });
    await expect
      .poll(() => cluster.getByRole('list').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // The catalog came from /lab/scenarios/index.json: the picker lists its scenarios.
    await expect
      .poll(() => page.getByLabel('Scenario').locator('option').count(), WAIT)
      .toBeGreaterThan(3);
    await page.screenshot({ path: `${OUT_DIR}/prefix-lab.png` });
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });
});
