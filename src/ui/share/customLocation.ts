/**
 * Where a custom scenario lives in the address: its text in the fragment (`#s=…`, shareLink.ts)
 * while that fits a link, else `#my=ID` (this browser's saved copy; such an address opens only
 * here). Reading an address saves a linked scenario to "My scenarios", so a reload, or the list,
 * finds it again.
 */
import { savedScenarios } from '../../store/savedScenariosDb';
import type { ScenarioSource } from '../../store/savedScenarios';
import {
  hasScenarioFragment,
  readScenarioFragment,
  scenarioFragment,
  SHARE_LINK_MAX_CHARS,
} from '../../store/shareLink';

/** Custom scenarios' ids in the store: never a catalog id (those have no colon). */
export const CUSTOM_PREFIX = 'my:';

export function customId(savedId: string): string {
  return `${CUSTOM_PREFIX}${savedId}`;
}

export function isCustomId(id: string | null): boolean {
  return id !== null && id.startsWith(CUSTOM_PREFIX);
}

export interface CustomScenario {
  savedId: string;
  text: string;
  name: string;
  source: ScenarioSource;
}

export type CustomLocation =
  | { kind: 'none' }
  | { kind: 'open'; scenario: CustomScenario }
  | { kind: 'broken'; message: string };

const SAVED = /(?:^#|&)my=([A-Za-z0-9-]{1,64})(?:&|$)/;

/** The custom scenario an address names, if any; never throws. */
export async function readCustomLocation(hash: string): Promise<CustomLocation> {
  if (hasScenarioFragment(hash)) {
    const r = await readScenarioFragment(hash);
    if (r.kind !== 'scenario') return r.kind === 'broken' ? r : { kind: 'none' };
    try {
      const s = await savedScenarios().save({
        name: 'Shared scenario',
        text: r.text,
        source: 'link',
      });
      return {
        kind: 'open',
        scenario: { savedId: s.id, text: s.text, name: s.name, source: s.source },
      };
    } catch {
      // Not kept (storage full, too big): it still opens, under a fresh id.
      return {
        kind: 'open',
        scenario: {
          savedId: crypto.randomUUID(),
          text: r.text,
          name: 'Shared scenario',
          source: 'link',
        },
      };
    }
  }
  const m = SAVED.exec(hash);
  if (!m) return { kind: 'none' };
  const s = await savedScenarios()
    .get(m[1]!)
    .catch(() => null);
  if (!s)
    return {
      kind: 'broken',
      message:
        'error: this address names a scenario saved in another browser, or one since deleted: it is not in "My scenarios" here. Ask for a share link or the file.',
    };
  return {
    kind: 'open',
    scenario: { savedId: s.id, text: s.text, name: s.name, source: s.source },
  };
}

/** The fragment for a custom scenario's address: its text while it fits a link, else its id. */
export async function customFragment(s: CustomScenario): Promise<string> {
  const f = await scenarioFragment(s.text);
  return f.length + 200 <= SHARE_LINK_MAX_CHARS ? f : `#my=${s.savedId}`;
}
