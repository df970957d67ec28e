/** My scenarios and drafts over the storage interface (IndexedDB itself: share.e2e). */
import { describe, expect, it } from 'vitest';
import {
  createSavedScenarios,
  FORMAT_VERSION,
  MAX_SAVED_CHARS,
  memoryStorage,
  TooBigToKeep,
} from '../../../src/store/savedScenarios';

function setup() {
  const storage = memoryStorage();
  let clock = 1_000;
  let ids = 0;
  const saved = createSavedScenarios(
    storage,
    () => ++clock,
    () => `id${++ids}`,
  );
  return { storage, saved };
}

describe('When scenarios are saved', () => {
  it('lists them newest first, and the same text saved again is one entry', async () => {
    const { saved } = setup();
    await saved.save({ name: 'A', text: 'a: 1', source: 'editor' });
    await saved.save({ name: 'B', text: 'b: 1', source: 'import' });
    await saved.save({ name: 'A again', text: 'a: 1', source: 'link' });
    const list = await saved.list();
    expect(list.map((s) => [s.name, s.source])).toEqual([
      ['A again', 'editor'],
      ['B', 'import'],
    ]);
    expect(list[0]!.createdAt).toBeLessThan(list[0]!.updatedAt);
  });

  it('makes one entry of the same text saved twice at once (a link read twice)', async () => {
    const { saved } = setup();
    await Promise.all([
      saved.save({ name: 'Shared scenario', text: 'a: 1', source: 'link' }),
      saved.save({ name: 'Shared scenario', text: 'a: 1', source: 'link' }),
    ]);
    expect(await saved.list()).toHaveLength(1);
  });

  it('updates the entry being edited by its id, and deletes', async () => {
    const { saved } = setup();
    const a = await saved.save({ name: 'A', text: 'a: 1', source: 'editor' });
    await saved.save({ name: 'A', text: 'a: 2', source: 'editor' }, a.id);
    expect((await saved.get(a.id))?.text).toBe('a: 2');
    expect(await saved.list()).toHaveLength(1);
    await saved.remove(a.id);
    expect(await saved.list()).toEqual([]);
  });

  it('refuses a text too big to keep, with a sentence', async () => {
    const { saved } = setup();
    await expect(
      saved.save({ name: 'huge', text: 'x'.repeat(MAX_SAVED_CHARS + 1), source: 'import' }),
    ).rejects.toBeInstanceOf(TooBigToKeep);
  });
});

describe('When a record was saved in an older format', () => {
  it('reads a version-1 record as the current format and writes it back migrated', async () => {
    const { storage, saved } = setup();
    await storage.put('scenarios', 'old', {
      formatVersion: 1,
      id: 'old',
      title: 'From last year',
      yaml: 'kind: Deployment',
      savedAt: 42,
    });
    expect(await saved.list()).toEqual([
      {
        formatVersion: FORMAT_VERSION,
        id: 'old',
        name: 'From last year',
        text: 'kind: Deployment',
        source: 'editor',
        createdAt: 42,
        updatedAt: 42,
      },
    ]);
    expect(await storage.get('scenarios', 'old')).toMatchObject({ formatVersion: FORMAT_VERSION });
  });

  it('skips records it cannot read (a newer app’s, a broken one) instead of failing', async () => {
    const { storage, saved } = setup();
    await storage.put('scenarios', 'new', { formatVersion: 99, id: 'new' });
    await storage.put('scenarios', 'junk', 'not a record');
    await saved.save({ name: 'ok', text: 'x', source: 'editor' });
    expect((await saved.list()).map((s) => s.name)).toEqual(['ok']);
  });
});

describe('When the editor keeps a draft', () => {
  it('gives back the last text, even an invalid one, and reads old drafts', async () => {
    const { storage, saved } = setup();
    await saved.saveDraft('my:1', 'spec:\n  replicas: [');
    await saved.saveDraft('my:1', 'spec:\n  replicas: [1');
    expect(await saved.loadDraft('my:1')).toBe('spec:\n  replicas: [1');
    expect(await saved.loadDraft('other')).toBeNull();
    await storage.put('drafts', 'v1', { key: 'v1', text: 'old draft' });
    expect(await saved.loadDraft('v1')).toBe('old draft');
    await saved.clearDraft('my:1');
    expect(await saved.loadDraft('my:1')).toBeNull();
  });
});
