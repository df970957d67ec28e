/**
 * The person's own scenarios and editor drafts, kept in the browser ("My scenarios"; a reload
 * never loses an edit). Written over a small key-value interface: IndexedDB in the app
 * (savedScenariosDb.ts), a Map in unit tests (Node has no IndexedDB).
 *
 * Records carry a `formatVersion`. Reading migrates an older record to the current format (and
 * writes it back), so a format change never strands what someone saved: add the next version's
 * step to `migrate` and raise FORMAT_VERSION. Anything unreadable (a record from a newer app, a
 * broken one) is skipped, never thrown at the page.
 */

/** Version 1 (the first release) kept `{ title, yaml, savedAt }`; version 2 is below. */
export const FORMAT_VERSION = 2;

/** How large a text is kept (characters): a little over the biggest file the import takes. */
export const MAX_SAVED_CHARS = 5_000_000;

export type ScenarioSource = 'editor' | 'import' | 'link';

export interface SavedScenario {
  formatVersion: typeof FORMAT_VERSION;
  id: string;
  /** What the list shows: the Scenario's title annotation, else its name, else the file name. */
  name: string;
  text: string;
  /** How it came: run from the editor, imported from a file, opened from a share link. */
  source: ScenarioSource;
  /** Wall-clock ms (Date.now) of the first save and of the latest. */
  createdAt: number;
  updatedAt: number;
}

export interface Draft {
  formatVersion: typeof FORMAT_VERSION;
  key: string;
  text: string;
  updatedAt: number;
}

export type StoreName = 'scenarios' | 'drafts';

/** The little the stores need from a database. */
export interface KeyValueStorage {
  get(store: StoreName, key: string): Promise<unknown>;
  getAll(store: StoreName): Promise<unknown[]>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
}

/** A Map per store, with structured clones like IndexedDB's (tests, and a fallback). */
export function memoryStorage(): KeyValueStorage {
  const stores = new Map<StoreName, Map<string, unknown>>();
  const of = (s: StoreName) => {
    let m = stores.get(s);
    if (!m) stores.set(s, (m = new Map()));
    return m;
  };
  return {
    async get(s, k) {
      const v = of(s).get(k);
      return v === undefined ? undefined : structuredClone(v);
    },
    async getAll(s) {
      return [...of(s).values()].map((v) => structuredClone(v));
    },
    async put(s, k, v) {
      of(s).set(k, structuredClone(v));
    },
    async delete(s, k) {
      of(s).delete(k);
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A stored scenario in the current format, or null when it cannot be read. */
export function migrateScenario(raw: unknown): SavedScenario | null {
  if (!isRecord(raw) || !str(raw.id)) return null;
  if (raw.formatVersion === 1) {
    // Version 1: { formatVersion: 1, id, title, yaml, savedAt } — no source, one time.
    if (!str(raw.title) || !str(raw.yaml) || !num(raw.savedAt)) return null;
    return {
      formatVersion: FORMAT_VERSION,
      id: raw.id,
      name: raw.title,
      text: raw.yaml,
      source: 'editor',
      createdAt: raw.savedAt,
      updatedAt: raw.savedAt,
    };
  }
  if (raw.formatVersion !== FORMAT_VERSION) return null;
  const { name, text, source, createdAt, updatedAt } = raw;
  if (!str(name) || !str(text) || !num(createdAt) || !num(updatedAt)) return null;
  if (source !== 'editor' && source !== 'import' && source !== 'link') return null;
  return { formatVersion: FORMAT_VERSION, id: raw.id, name, text, source, createdAt, updatedAt };
}

function migrateDraft(raw: unknown): Draft | null {
  if (!isRecord(raw) || !str(raw.key) || !str(raw.text)) return null;
  // Version 1 drafts were { key, text } with no time.
  if (raw.formatVersion === 1 || raw.formatVersion === undefined)
    return { formatVersion: FORMAT_VERSION, key: raw.key, text: raw.text, updatedAt: 0 };
  if (raw.formatVersion !== FORMAT_VERSION || !num(raw.updatedAt)) return null;
  return { formatVersion: FORMAT_VERSION, key: raw.key, text: raw.text, updatedAt: raw.updatedAt };
}

export class TooBigToKeep extends Error {}

export interface SavedScenarios {
  /** Newest first; records that could not be read are left out. */
  list(): Promise<SavedScenario[]>;
  get(id: string): Promise<SavedScenario | null>;
  /**
   * Keeps a scenario. The same text saved again updates that entry (opening the same link
   * twice makes one entry); `id` updates a given entry (the scenario being edited).
   */
  save(
    s: { name: string; text: string; source: ScenarioSource },
    id?: string,
  ): Promise<SavedScenario>;
  remove(id: string): Promise<void>;
  saveDraft(key: string, text: string): Promise<void>;
  loadDraft(key: string): Promise<string | null>;
  clearDraft(key: string): Promise<void>;
}

export function createSavedScenarios(
  storage: KeyValueStorage,
  now: () => number = () => Date.now(),
  newId: () => string = () => crypto.randomUUID(),
): SavedScenarios {
  const read = async (raw: unknown): Promise<SavedScenario | null> => {
    const s = migrateScenario(raw);
    // Written back in the current format, so the migration runs once per record.
    if (s && isRecord(raw) && raw.formatVersion !== FORMAT_VERSION)
      await storage.put('scenarios', s.id, s);
    return s;
  };
  const check = (text: string) => {
    if (text.length > MAX_SAVED_CHARS)
      throw new TooBigToKeep(
        `This scenario is ${text.length} characters long; the browser keeps at most ${MAX_SAVED_CHARS}.`,
      );
  };
  const saveNow = async (
    { name, text, source }: { name: string; text: string; source: ScenarioSource },
    id?: string,
  ): Promise<SavedScenario> => {
    check(text);
    const t = now();
    const existing = id
      ? await api.get(id)
      : ((await api.list()).find((s) => s.text === text) ?? null);
    const record: SavedScenario = {
      formatVersion: FORMAT_VERSION,
      id: existing?.id ?? id ?? newId(),
      name: name.trim().slice(0, 200) || 'Untitled scenario',
      text,
      source: existing?.source ?? source,
      createdAt: existing?.createdAt ?? t,
      updatedAt: t,
    };
    await storage.put('scenarios', record.id, record);
    return record;
  };
  // Saves one after another: two saves of the same text (a link read twice) make one entry.
  let saving: Promise<unknown> = Promise.resolve();
  const api: SavedScenarios = {
    async list() {
      const all = await Promise.all((await storage.getAll('scenarios')).map(read));
      return all
        .filter((s): s is SavedScenario => s !== null)
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async get(id) {
      return read(await storage.get('scenarios', id));
    },
    save(input, id) {
      const run = saving.then(() => saveNow(input, id));
      saving = run.catch(() => undefined);
      return run;
    },
    async remove(id) {
      await storage.delete('scenarios', id);
    },
    async saveDraft(key, text) {
      check(text);
      const d: Draft = { formatVersion: FORMAT_VERSION, key, text, updatedAt: now() };
      await storage.put('drafts', key, d);
    },
    async loadDraft(key) {
      return migrateDraft(await storage.get('drafts', key))?.text ?? null;
    },
    async clearDraft(key) {
      await storage.delete('drafts', key);
    },
  };
  return api;
}
