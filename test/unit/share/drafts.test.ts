/** The editor's drafts: every change kept in order, the last one read back (memory storage). */
import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from '../../../src/store/drafts';

describe('When the editor saves a draft on every change', () => {
  it('reads back the last change, even an invalid one, never an earlier one', async () => {
    const edits = ['a', 'ap', 'apiVersion: [', 'apiVersion: [apps'];
    // Not awaited one by one: keystrokes do not wait for the storage.
    const writes = edits.map((t) => saveDraft('my:x', t));
    expect(await loadDraft('my:x')).toBe('apiVersion: [apps');
    await Promise.all(writes);
    expect(await loadDraft('other')).toBeNull();
    await clearDraft('my:x');
    expect(await loadDraft('my:x')).toBeNull();
  });
});
