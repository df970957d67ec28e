/**
 * How a frame sends one list of views: nothing when no item changed, else only the items that
 * are new or changed, plus every key in order when items came, went or moved. The builder
 * remembers what it sent (SentList) to decide; the store rebuilds the list from its own copy,
 * keeping the unchanged items (and an unchanged list) as the same objects.
 */
import type { ListChange } from './frame';
import { sameView } from './sameView';

/** What a frame cursor remembers of one list: the views last sent, by key, in order. */
export interface SentList<T> {
  keys: readonly string[];
  byKey: ReadonlyMap<string, T>;
}

export const NOTHING_SENT: SentList<never> = { keys: [], byKey: new Map<string, never>() };

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The change from what was sent to `items`, and what is sent once it goes out. */
export function listChange<T>(
  sent: SentList<T>,
  items: readonly T[],
  key: (item: T) => string,
): { change: ListChange<T>; sent: SentList<T> } {
  const keys = items.map(key);
  const changed: [string, T][] = [];
  items.forEach((item, i) => {
    const k = keys[i]!;
    const before = sent.byKey.get(k);
    if (before === undefined || !sameView(before, item)) changed.push([k, item]);
  });
  const moved = !sameKeys(sent.keys, keys);
  if (!changed.length && !moved) return { change: null, sent };
  const byKey = new Map<string, T>();
  items.forEach((item, i) => byKey.set(keys[i]!, item));
  return { change: { changed, keys: moved ? keys : null }, sent: { keys, byKey } };
}
