/**
 * The browser's storage for savedScenarios.ts: one IndexedDB database ("rollout-lab") with an
 * object store per kind of record. The database version covers the stores' layout (upgrade
 * below); the records' own `formatVersion` covers their fields (savedScenarios.ts migrates on
 * read). Where IndexedDB is missing (jsdom, a locked-down browser) the page still works, with
 * nothing kept past the tab: a Map.
 */
import { openDB, type IDBPDatabase } from 'idb';
import {
  createSavedScenarios,
  memoryStorage,
  type KeyValueStorage,
  type SavedScenarios,
  type StoreName,
} from './savedScenarios';

export const DB_NAME = 'rollout-lab';
const DB_VERSION = 1;

function indexedDbStorage(): KeyValueStorage {
  let db: Promise<IDBPDatabase> | null = null;
  const open = () =>
    (db ??= openDB(DB_NAME, DB_VERSION, {
      upgrade(d, oldVersion) {
        // Version 1: the two stores, keyed outside the record (ids and draft keys).
        if (oldVersion < 1) {
          d.createObjectStore('scenarios');
          d.createObjectStore('drafts');
        }
      },
    }));
  return {
    async get(s: StoreName, k) {
      return (await open()).get(s, k);
    },
    async getAll(s) {
      return (await open()).getAll(s);
    },
    async put(s, k, v) {
      await (await open()).put(s, v, k);
    },
    async delete(s, k) {
      await (await open()).delete(s, k);
    },
  };
}

let shared: SavedScenarios | null = null;

/** The page's saved scenarios and drafts (one per page, opened on first use). */
export function savedScenarios(): SavedScenarios {
  shared ??= createSavedScenarios(
    typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage(),
  );
  return shared;
}
