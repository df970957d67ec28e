/** A custom scenario in a link's fragment: round trip, size limit, and broken links. */
import { describe, expect, it } from 'vitest';
import {
  MAX_INFLATED_BYTES,
  readScenarioFragment,
  scenarioFragment,
  shareLink,
  SHARE_LINK_MAX_CHARS,
} from '../../../src/store/shareLink';
import { catalogFiles, catalogText } from '../../support/catalog';

async function deflated(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const packed = new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
  return '#s=1.' + Buffer.from(packed).toString('base64url');
}

describe('When a scenario travels in a link', () => {
  it.each(catalogFiles())('%s comes back exactly, and fits in a link', async (file) => {
    const text = catalogText(file);
    const link = await shareLink('https://lab.example/', '?t=3', text);
    if (!link.ok) throw new Error(link.message);
    expect(link.url.length).toBeLessThanOrEqual(SHARE_LINK_MAX_CHARS);
    const hash = new URL(link.url).hash;
    expect(await readScenarioFragment(hash)).toEqual({ kind: 'scenario', text });
  });

  it('keeps non-ASCII text (a caption in Japanese, an emoji)', async () => {
    const text = 'metadata:\n  name: ü-テスト 🚀\n';
    expect(await readScenarioFragment(await scenarioFragment(text))).toEqual({
      kind: 'scenario',
      text,
    });
  });

  it('says a scenario is too big for a link past the limit', async () => {
    // Text that does not compress: a pseudo-random description.
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const noise = Array.from(
      crypto.getRandomValues(new Uint8Array(30_000)),
      (b) => alphabet[b % 36],
    ).join('');
    const link = await shareLink('https://lab.example/', '', `# ${noise}\n`);
    expect(link.ok).toBe(false);
    expect(!link.ok && link.message).toMatch(
      /too big for a link: it would be [\d,]+ characters long, and chat apps cut links past 16,000\. Share the file instead\./,
    );
  });
});

describe('When a link is broken', () => {
  const broken = async (hash: string) => {
    const r = await readScenarioFragment(hash);
    expect(r.kind).toBe('broken');
    return r.kind === 'broken' ? r.message : '';
  };

  it('has no scenario when the fragment has none', async () => {
    expect(await readScenarioFragment('')).toEqual({ kind: 'none' });
    expect(await readScenarioFragment('#top')).toEqual({ kind: 'none' });
  });

  it('says a truncated link is cut short, and that nothing was changed', async () => {
    const hash = await scenarioFragment(catalogText('ramped'));
    const message = await broken(hash.slice(0, Math.floor(hash.length * 0.6)));
    expect(message).toMatch(/^error: the link's scenario \(#s=…\) could not be opened: /);
    expect(message).toMatch(/cut short or altered|characters a link of ours never has/);
    expect(message).toMatch(/Nothing you had open was changed\.$/);
  });

  it('says a tampered link is altered', async () => {
    const hash = await scenarioFragment(catalogText('ramped'));
    const i = Math.floor(hash.length / 2);
    const flipped = hash.slice(0, i) + (hash[i] === 'A' ? 'B' : 'A') + hash.slice(i + 1);
    const r = await readScenarioFragment(flipped);
    // A flipped bit may still inflate: then it must still be text, or it is refused.
    if (r.kind === 'scenario') expect(r.text).not.toBe(catalogText('ramped'));
    else expect(r.kind === 'broken' && r.message).toMatch(/could not be opened/);
    expect(await broken('#s=1.$$$<script>')).toMatch(/characters a link of ours never has/);
    expect(await broken('#s=2.abc')).toMatch(/does not start as a link of ours does/);
  });

  it('stops inflating a bomb at the limit, quickly', async () => {
    const bomb = await deflated(new Uint8Array(5 * MAX_INFLATED_BYTES));
    const started = performance.now();
    expect(await broken(bomb)).toMatch(`it unpacks to more than ${MAX_INFLATED_BYTES} bytes`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses bytes that are not UTF-8 text', async () => {
    expect(await broken(await deflated(new Uint8Array([0xff, 0xfe, 0x80])))).toMatch(
      /does not unpack to text/,
    );
  });
});
