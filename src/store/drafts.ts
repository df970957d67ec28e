/**
 * The editor's drafts: the text as the person left it, valid or not, under a key (the open
 * scenario's id), so a reload never loses an edit. Writes go out in the order they were made
 * (a slow earlier write never lands after a later one).
 */
import { savedScenarios } from './savedScenariosDb';

let queue: Promise<unknown> = Promise.resolve();

/** Keeps `text` as the draft for `key`; resolves once it is stored. */
export function saveDraft(key: string, text: string): Promise<void> {
  const write = queue.then(() => savedScenarios().saveDraft(key, text));
  queue = write.catch(() => undefined);
  return write;
}

/** The draft for `key`, or null (none, or storage unavailable). */
export async function loadDraft(key: string): Promise<string | null> {
  await queue;
  return savedScenarios()
    .loadDraft(key)
    .catch(() => null);
}

/** Forgets the draft for `key` (the edit was run or discarded). */
export function clearDraft(key: string): Promise<void> {
  const write = queue.then(() => savedScenarios().clearDraft(key));
  queue = write.catch(() => undefined);
  return write;
}
