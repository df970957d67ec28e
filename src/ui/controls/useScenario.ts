/**
 * Which scenario is on screen: the link's (?scenario=…, with its time, speed and actions), else
 * the first of the catalog, until the person picks another. Loads its YAML into the store. A
 * broken link never stops the page: it falls back to the plain scenario and says why.
 */
import { useEffect, useMemo, useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { decodeLink, type DecodedLink } from '../../store/url';
import type { UserAction } from '../../sim/session/userAction';
import { fetchText, useCatalog, why, type CatalogEntry } from './useCatalog';

const PREFERRED = 'ramped';

interface Choice {
  id: string;
  restore?: { actions: UserAction[]; t: number; speed?: number };
}

export interface ScenarioChoice {
  entries: CatalogEntry[];
  id: string | null;
  choose(id: string): void;
  /** Messages for the person: a broken link, a catalog that could not be read. */
  notices: string[];
  dismiss(notice: string): void;
}

function fromLink(
  link: DecodedLink,
  entries: CatalogEntry[],
): { choice: Choice | null; problem: string | null } {
  const fallback = entries.find((e) => e.id === PREFERRED) ?? entries[0];
  const known = link.scenario !== null && entries.some((e) => e.id === link.scenario);
  if (link.scenario !== null && !known) {
    return {
      choice: fallback ? { id: fallback.id } : null,
      problem: `error: the link's "scenario" parameter is not valid: no catalog scenario is called "${link.scenario}"${fallback ? `; showing "${fallback.title}" instead` : ''}`,
    };
  }
  if (!known || !link.scenario)
    return { choice: fallback ? { id: fallback.id } : null, problem: null };
  const wantsRestore = link.actions.length > 0 || (link.t ?? 0) > 0 || link.speed !== null;
  if (!wantsRestore) return { choice: { id: link.scenario }, problem: null };
  const restore: NonNullable<Choice['restore']> = {
    actions: link.actions,
    t: (link.t ?? 0) * 1000,
  };
  if (link.speed !== null) restore.speed = link.speed;
  return { choice: { id: link.scenario, restore }, problem: null };
}

export function useScenario(): ScenarioChoice {
  const store = useSimStore();
  const [link] = useState(() => decodeLink(window.location.search));
  const catalog = useCatalog();
  const [picked, setPicked] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const entries = useMemo(() => (catalog.state === 'ready' ? catalog.entries : []), [catalog]);
  const initial = useMemo(
    () => (catalog.state === 'ready' ? fromLink(link, entries) : { choice: null, problem: null }),
    [catalog.state, link, entries],
  );
  const choice: Choice | null = picked !== null ? { id: picked } : initial.choice;

  const key = choice ? `${choice.id}${choice.restore ? '+link' : ''}` : null;
  useEffect(() => {
    if (!choice) return;
    // A later choice wins: an abandoned fetch never loads.
    let live = true;
    fetchText(`/scenarios/${encodeURIComponent(choice.id)}.yaml`)
      .then((text) => {
        if (!live) return;
        setLoadProblem(null);
        return store.getState().load(choice.id, text, choice.restore);
      })
      .catch((e: unknown) => {
        if (live) setLoadProblem(`The scenario "${choice.id}" could not be loaded: ${why(e)}`);
      });
    return () => {
      live = false;
    };
    // `key` identifies the choice; the object itself is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, store]);

  const notices = [
    ...link.problems,
    ...(initial.problem ? [initial.problem] : []),
    ...(catalog.state === 'error' ? [catalog.message] : []),
    ...(loadProblem ? [loadProblem] : []),
  ].filter((n) => !dismissed.includes(n));

  return {
    entries,
    id: choice?.id ?? null,
    choose: setPicked,
    notices,
    dismiss: (n) => setDismissed((d) => [...d, n]),
  };
}
