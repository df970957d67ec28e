/**
 * Legible on a projector: at 1280×720 every catalog scenario shows no text under 12 px (SVG text
 * measured at its scale on screen), its whole stage without scrolling, and keeps the playback bar
 * on screen when the page scrolls; at 150 % zoom nothing runs off the side; request dots never
 * cover a card's text; a keyboard user's focus ring is never clipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { inject } from 'vitest';
import { launch, open, OUT_DIR } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const catalog = JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { id: string }[];
const SHOTS = new Set(['ramped', 'blue-green', 'canary-istio-weights', 'big-fleet', 'ab-cookie']);
const MIN_PX = 12;

/** Opens a scenario at simulated second `t` (20 s in: most are mid-rollout, with pods on the new ReplicaSet). */
async function openScenario(page: Page, id: string, t = 20): Promise<void> {
  await page.goto(`${inject('baseUrl')}/?scenario=${id}&t=${t}`);
  await stageDrawn(page);
}

async function stageDrawn(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Cluster' }).getByRole('list').first().waitFor();
  // Fonts and the overlays settle in the frame after the first paint.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Every rendered text node whose size on screen is under `min` px, as "size px: text". */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const found = new Set<string>();
    // A visually hidden box (1 px, clipped) is for screen readers, not for the eye.
    const hidden = new Map<Element, boolean>();
    const srOnly = (el: Element | null): boolean => {
      if (!el) return false;
      let v = hidden.get(el);
      if (v === undefined) {
        const r = el.getBoundingClientRect();
        v =
          (r.width <= 1 && r.height <= 1 && getComputedStyle(el).overflow !== 'visible') ||
          srOnly(el.parentElement);
        hidden.set(el, v);
      }
      return v;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || el.closest('option, script, style')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || srOnly(el)) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      // SVG text scales with its viewBox: what the eye sees is font-size × the screen scale.
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) px *= Math.hypot(m.a, m.b);
      }
      if (px < min - 0.01) found.add(`${px.toFixed(1)} px: ${text.slice(0, 40)}`);
    }
    // A closed select shows its option in the select's own font.
    for (const s of document.querySelectorAll('select')) {
      const px = parseFloat(getComputedStyle(s).fontSize);
      if (px < min - 0.01)
        found.add(`${px.toFixed(1)} px: <select ${s.getAttribute('aria-label') ?? ''}>`);
    }
    return [...found];
  }, MIN_PX);
}

/** What of the stage is off screen or hidden inside it: the region and each pod list. */
function stageOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const stage = document.querySelector('[role="region"][aria-label="Cluster"]');
    if (!stage) return ['no Cluster region'];
    const s = stage.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    if (window.scrollY !== 0) out.push(`page scrolled to ${window.scrollY}`);
    if (s.top < 0 || s.left < 0 || s.bottom > vh + 0.5 || s.right > vw + 0.5) {
      out.push(
        `Cluster ${Math.round(s.left)},${Math.round(s.top)}–${Math.round(s.right)},${Math.round(s.bottom)} outside ${vw}×${vh}`,
      );
    }
    // The second Deployment's pods too: every pod list lies inside the region as drawn.
    for (const list of stage.querySelectorAll('[role="list"]')) {
      const r = list.getBoundingClientRect();
      if (
        r.top < s.top - 0.5 ||
        r.bottom > s.bottom + 0.5 ||
        r.left < s.left ||
        r.right > s.right + 0.5
      ) {
        out.push(
          `pods "${list.getAttribute('aria-label') ?? ''}" at ${Math.round(r.top)}–${Math.round(r.bottom)} outside the stage`,
        );
      }
    }
    return out;
  });
}

describe('At 1280×720, as on a projector', () => {
  it('every catalog scenario: text ≥ 12 px, the whole stage on screen, Play still there after scrolling', async () => {
    const { page, problems, screenshot } = await open(browser, '/', { width: 1280, height: 720 });
    const failures: string[] = [];
    for (const { id } of catalog) {
      await openScenario(page, id);
      for (const t of await smallText(page)) failures.push(`${id}: text ${t}`);
      for (const o of await stageOutside(page)) failures.push(`${id}: ${o}`);
      if (SHOTS.has(id)) await screenshot(`projector-${id}`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const scrolled = await page.evaluate(() => window.scrollY);
      const play = await page.getByRole('button', { name: 'Play' }).boundingBox();
      if (scrolled === 0) failures.push(`${id}: the page does not scroll, so (c) checks nothing`);
      if (!play || play.y < 0 || play.y + play.height > 720) {
        failures.push(
          `${id}: Play is off screen after scrolling ${scrolled} px (${JSON.stringify(play)})`,
        );
      }
    }
    expect(failures).toEqual([]);
    // Requests cut short by the next navigation are not errors; anything else is.
    expect(problems.filter((p) => !p.startsWith('requestfailed'))).toEqual([]);
    // Twenty seeks of 20 simulated seconds: about 40 s on an idle machine, more on a busy one.
  }, 120_000);

  it('request dots pass behind the cards: the web-v2 card reads the same with and without them', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=canary-istio-weights&t=100', {
      width: 1280,
      height: 720,
    });
    await stageDrawn(page);
    const card = page.getByRole('region', { name: 'Cluster' }).getByRole('group', {
      name: 'Deployment web-v2',
    });
    const canvas = page.locator('canvas.stage-canvas');
    // The card's text, where a learner reads: the heading with its status, the ReplicaSet head.
    const texts = card.locator('.group-head, .rs-head');
    let dotsOnCard = 0;
    for (let i = 0; i < 3; i++) {
      // Play (all requests go to v2 now), then pause: the layout holds still while the dots
      // already sent finish their trip, so the two pictures differ only by the canvas.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(600);
      await page.getByRole('button', { name: 'Pause' }).click();
      const box = await card.boundingBox();
      if (!box) throw new Error('no web-v2 card');
      const boxes = await texts.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          // The heading and the status line under it, as one box.
          const next = e.nextElementSibling;
          const bottom = next?.classList.contains('rollout-line')
            ? next.getBoundingClientRect().bottom
            : r.bottom;
          return { x: r.x, y: r.y, width: r.width, height: bottom - r.y };
        }),
      );
      // Let what the last frames changed settle first (a status line's colour transition, a
      // tile fading): with the canvas hidden, the text must read the same twice in a row.
      const textOnly = async () => {
        await canvas.evaluate((c: HTMLElement) => (c.style.visibility = 'hidden'));
        const shots = await Promise.all(boxes.map((clip) => page.screenshot({ clip })));
        await canvas.evaluate((c: HTMLElement) => (c.style.visibility = ''));
        return Buffer.concat(shots);
      };
      await expect
        .poll(async () => (await textOnly()).equals(await textOnly()), { timeout: 5_000 })
        .toBe(true);
      const withDots = await page.screenshot({ clip: box });
      const textWithDots = await Promise.all(boxes.map((clip) => page.screenshot({ clip })));
      await canvas.evaluate((c: HTMLElement) => (c.style.visibility = 'hidden'));
      const without = await page.screenshot({ clip: box });
      const textWithout = await Promise.all(boxes.map((clip) => page.screenshot({ clip })));
      await canvas.evaluate((c: HTMLElement) => (c.style.visibility = ''));
      if (!withDots.equals(without)) dotsOnCard++;
      textWithDots.forEach((png, k) => {
        if (!png.equals(textWithout[k] ?? Buffer.alloc(0))) {
          writeFileSync(`${OUT_DIR}/projector-covered-${i}-${k}.png`, png);
        }
        expect(png.equals(textWithout[k] ?? Buffer.alloc(0)), `text box ${k}, sample ${i}`).toBe(
          true,
        );
      });
    }
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(600);
    await screenshot('projector-dots-canary-istio-weights');
    // The check must have had something to see: dots crossed the card while it looked.
    expect(dotsOnCard).toBeGreaterThan(0);
  });

  it('a keyboard user sees every focus ring whole: nothing clips it', async () => {
    const { page, screenshot } = await open(browser, '/?scenario=ramped&t=20', {
      width: 1280,
      height: 720,
    });
    const clipped: string[] = [];
    const seen = new Set<string>();
    // ramped for the sliders and #/% toggles, the mesh for the Deployment tabs and the route,
    // Argo for the Rollout's action buttons.
    for (const id of ['ramped', 'canary-istio-weights', 'argo-canary-demo']) {
      if (id !== 'ramped') await openScenario(page, id);
      else await stageDrawn(page);
      await tabThrough(page, id, seen, clipped, screenshot);
    }
    expect(seen.size).toBeGreaterThan(30);
    expect([...seen].some((n) => n.includes('as a percentage'))).toBe(true);
    // Pod tiles too: their rings sit inside the stage's scrolling group column.
    expect([...seen].some((n) => n.includes('Running'))).toBe(true);
    expect([...seen].some((n) => n.includes('Promote'))).toBe(true);
    expect(clipped).toEqual([]);
  });
});

/** Presses Tab through the page once, checking each focused control's ring. */
async function tabThrough(
  page: Page,
  id: string,
  seen: Set<string>,
  clipped: string[],
  screenshot: (name: string) => Promise<string>,
): Promise<void> {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const label =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '';
      const name = `${el.tagName.toLowerCase()} "${label.trim().slice(0, 30)}"`;
      const cs = getComputedStyle(el);
      if (cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 2) {
        return { name, problem: `ring ${cs.outlineStyle} ${cs.outlineWidth}` };
      }
      const grow = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth);
      const b = el.getBoundingClientRect();
      const ring = { l: b.left - grow, t: b.top - grow, r: b.right + grow, b: b.bottom + grow };
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        const l = box.left + parseFloat(s.borderLeftWidth);
        const t = box.top + parseFloat(s.borderTopWidth);
        const inside =
          ring.l >= l - 0.5 &&
          ring.t >= t - 0.5 &&
          ring.r <= l + a.clientWidth + 0.5 &&
          ring.b <= t + a.clientHeight + 0.5;
        if (!inside)
          return { name, problem: `clipped by ${a.tagName.toLowerCase()}.${a.className}` };
      }
      // Under the sticky playback bar counts as hidden too.
      const bar = document.querySelector('.controlbar')?.getBoundingClientRect();
      if (bar && !el.closest('.controlbar') && ring.t < bar.bottom && ring.b > bar.top) {
        return { name, problem: 'under the playback bar' };
      }
      return { name, problem: '' };
    });
    if (!r) continue;
    const key = `${id}: ${r.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.problem) clipped.push(`${key}: ${r.problem}`);
    if (r.name.includes('maxSurge as a percentage')) {
      await screenshot(`projector-focus-unit-toggle-${id}`);
    }
  }
}

describe('At 150 % zoom (853×480 at device scale 1.5)', () => {
  it('nothing runs off the side or is cut off inside the stage', async () => {
    const context = await browser.newContext({
      viewport: { width: 853, height: 480 },
      deviceScaleFactor: 1.5,
    });
    try {
      const page = await context.newPage();
      const failures: string[] = [];
      for (const id of ['canary-istio-weights', 'blue-green', 'big-fleet', 'argo-blue-green']) {
        await openScenario(page, id);
        const r = await page.evaluate(() => {
          const out: string[] = [];
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth)
            out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
          const stage = document.querySelector('[role="region"][aria-label="Cluster"]');
          const s = stage?.getBoundingClientRect();
          if (!stage || !s) return ['no stage'];
          for (const el of stage.querySelectorAll('*')) {
            if (el.closest('canvas, svg')) continue;
            const b = el.getBoundingClientRect();
            if (b.width === 0 || b.right <= s.right + 0.5) continue;
            out.push(
              `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ends at ${Math.round(b.right)} > ${Math.round(s.right)}`,
            );
            if (out.length > 5) break;
          }
          return out;
        });
        for (const f of r) failures.push(`${id}: ${f}`);
        await page.screenshot({ path: `${OUT_DIR}/projector-zoom150-${id}.png` });
      }
      expect(failures).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
