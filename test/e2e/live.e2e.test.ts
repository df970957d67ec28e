/**
 * Live mode as documented (issue 12 item 3): `sim serve` plays ramped at 1× from 10 s before its
 * rollout, real `kubectl proxy --www=dist --www-prefix=/lab/ --api-prefix=/k8s/` serves the
 * built app and the API from one origin, and Chromium opens /lab/?live=/k8s. The stage must show
 * the ReplicaSets and pods real kubectl reads from the same server at the same moment — during
 * the rollout and after it — the banner names the server, the dots are off with the reason, and
 * nothing is written while the page is read-only (the proxy's log of every request it passed,
 * and the cluster's Deployment unchanged after a console command that would scale it); with
 * writing turned on, the replicas slider scales the Deployment on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { kubectlDir, startServe, type ServeProcess } from '../support/serveProcess';
import { launch, OUT_DIR } from './harness';

/** expect.poll waits 1 s by default: a page on a busy 2-core machine needs longer. */
const WAIT = { timeout: 15_000 };

let serve: ServeProcess;
let proxy: ChildProcess;
let proxyLog = '';
let base = '';
let bin = '';
let browser: Browser;

beforeAll(async () => {
  // Fails with a clear message when real kubectl 1.32 is missing (never a skip).
  bin = kubectlDir();
  // The browser first: the page should open well before the rollout starts.
  browser = await launch();
  serve = await startServe('public/scenarios/ramped.yaml', { speed: 1, start: '5s' });
  proxy = spawn(
    'kubectl',
    [
      'proxy',
      '--www=dist',
      '--www-prefix=/lab/',
      '--api-prefix=/k8s/',
      '--port=0',
      // -v=6 logs every request the proxy passes ("Filter accepting GET /… 127.0.0.1").
      '-v=6',
    ],
    {
      env: { ...process.env, KUBECONFIG: serve.kubeconfig, PATH: `${bin}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  proxy.stderr?.on('data', (d: Buffer) => (proxyLog += d.toString()));
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    proxy.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Starting to serve on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    proxy.once('exit', (code) => fail(new Error(`kubectl proxy exited (${code}): ${proxyLog}`)));
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await browser?.close();
  proxy?.kill();
  await serve?.stop();
  if (bin) rmSync(bin, { recursive: true, force: true });
});

/** Each ReplicaSet on the stage with its pods, sorted: `web-6cfc788796:3`. */
async function stageReplicaSets(page: Page): Promise<string[]> {
  const lists = page.getByRole('region', { name: 'Cluster' }).getByRole('listbox');
  const rows = await lists.evaluateAll((els) =>
    els.map(
      (l) =>
        `${(l.getAttribute('aria-label') ?? '').replace(/^ReplicaSet /, '')}:${l.querySelectorAll('[role=option]').length}`,
    ),
  );
  return rows.sort();
}

/** The same read by real kubectl from the same server: ReplicaSets and the pods each owns. */
async function kubectlReplicaSets(): Promise<string[]> {
  const [rs, pods] = await Promise.all([
    serve.kubectl('get rs -o json'),
    serve.kubectl('get pods -o json'),
  ]);
  type Item = { metadata: { name: string; ownerReferences?: { name: string }[] } };
  const owners = (JSON.parse(pods.stdout) as { items: Item[] }).items.map(
    (p) => p.metadata.ownerReferences?.[0]?.name ?? '',
  );
  return (JSON.parse(rs.stdout) as { items: Item[] }).items
    .map((r) => `${r.metadata.name}:${owners.filter((o) => o === r.metadata.name).length}`)
    .sort();
}

/** Reads the stage and kubectl until they agree at one moment; returns what both showed. */
async function sameAsKubectl(page: Page, when: (rows: string[]) => boolean): Promise<string[]> {
  let agreed: string[] = [];
  await expect
    .poll(
      async () => {
        const before = await kubectlReplicaSets();
        const stage = await stageReplicaSets(page);
        const after = await kubectlReplicaSets();
        // The cluster did not move while the stage was read: compare at that moment.
        const same =
          JSON.stringify(before) === JSON.stringify(after) &&
          JSON.stringify(stage) === JSON.stringify(before);
        if (same && when(stage)) agreed = stage;
        return same && when(stage);
      },
      { timeout: 25_000, interval: 150 },
    )
    .toBe(true);
  return agreed;
}

describe('Live mode through kubectl proxy in front of sim serve', () => {
  it('draws the ReplicaSets and pods kubectl sees, during and after the rollout, writing nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const methods: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => methods.push(r.method()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/lab/?live=/k8s`);

    await expect
      .poll(() => page.getByRole('heading', { name: `Live: ${base}/k8s` }).count(), WAIT)
      .toBe(1);
    await expect
      .poll(() => page.getByRole('status').first().textContent(), WAIT)
      .toMatch(/Read-only/);
    expect(await page.getByRole('combobox', { name: 'Namespace' }).inputValue()).toBe('default');
    // Before the rollout (t = 15 s): one ReplicaSet with the three pods, as kubectl reads it.
    const before = await sameAsKubectl(page, (rows) => rows.length === 1);
    expect(before).toEqual([expect.stringMatching(/^web-\w+:3$/)]);

    // During the rollout: two ReplicaSets, both with pods, as kubectl reads them.
    const during = await sameAsKubectl(
      page,
      (rows) => rows.length === 2 && rows.every((r) => !r.endsWith(':0')),
    );
    await page.screenshot({ path: `${OUT_DIR}/live-during.png` });
    expect(during).toHaveLength(2);

    // A console command that would scale the Deployment is refused on the page.
    await page.getByRole('tab', { name: 'Console' }).click();
    const input = page.getByRole('textbox', { name: 'kubectl', exact: true });
    await input.fill('scale deployment/web --replicas=5');
    await input.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'kubectl console' }).innerText(), WAIT)
      .toMatch(/live mode is read-only/);

    // After the rollout: the old ReplicaSet scaled to 0, the new one with all three pods.
    const after = await sameAsKubectl(
      page,
      (rows) =>
        rows.length === 2 &&
        rows.filter((r) => r.endsWith(':3')).length === 1 &&
        rows.some((r) => r.endsWith(':0')),
    );
    expect(after.sort()).not.toEqual(during.sort());
    await expect
      .poll(() => page.getByText('Request dots are off').count(), WAIT)
      .toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Events' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Events' }).textContent(), WAIT)
      .toMatch(/Scaled down replica set web-\w+ from 1 to 0/);
    await page.screenshot({ path: `${OUT_DIR}/live-after.png` });

    // The banner's Record button turns what was watched into a scenario (item 4).
    await page.getByRole('button', { name: 'Save recording as scenario' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Recorded scenario' }).textContent(), WAIT)
      .toMatch(/Downloaded \S+\.yaml/);
    await page.screenshot({ path: `${OUT_DIR}/live-recorded.png` });

    // Nothing was written: the page sent GETs only, the proxy passed GETs only, and the
    // Deployment still has the three replicas the scenario gave it.
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.filter((m) => m !== 'GET')).toEqual([]);
    const passed = [...proxyLog.matchAll(/Filter accepting (\w+) (\S+)/g)].map((m) => m[1]);
    expect(passed.length).toBeGreaterThan(5);
    expect(passed.filter((m) => m !== 'GET')).toEqual([]);
    const d = await serve.kubectl('get deployment web -o jsonpath={.spec.replicas}');
    expect(d.stdout).toBe('3');

    // Writing turned on: the replicas slider is `kubectl scale`, sent as kubectl sends it (a
    // merge patch on the scale subresource), shown in the console with kubectl's answer.
    await page.getByRole('switch', { name: 'Allow writes to the cluster' }).check();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), WAIT)
      .toMatch(/Writing/);
    const replicas = page.getByRole('slider', { name: 'replicas' });
    await expect.poll(() => replicas.isEnabled(), WAIT).toBe(true);
    await replicas.focus();
    await replicas.press('ArrowRight');
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'kubectl console' }).innerText(), WAIT)
      .toMatch(/scale deployment\/web --replicas=4\s+[\d:.]+\s+deployment\.apps\/web scaled/);
    await expect
      .poll(
        async () => (await serve.kubectl('get deployment web -o jsonpath={.spec.replicas}')).stdout,
        WAIT,
      )
      .toBe('4');
    expect(methods.filter((m) => m !== 'GET')).toEqual(['PATCH']);
    await sameAsKubectl(page, (rows) => rows.some((r) => r.endsWith(':4')));
    await page.screenshot({ path: `${OUT_DIR}/live-writing.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
