/**
 * Which scenario is on screen: the link's (?scenario=…, with its time, speed and actions), else
 * the first of the catalog, until the person picks another. Loads its YAML into the store. A
 * broken link never stops the page: it falls back to the plain scenario and says why. A link
 * whose actions change the cluster waits for the person to say whether to replay them.
 *
 * Each pick is a history entry of its own (pushState), so Back and Forward move between the
 * scenarios the person opened; going back loads that entry's link (its edits were the person's
 * own, written there by useUrlSync, so they replay without asking).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { decodeLink, entryScenario, entryState, type DecodedLink } from '../../store/url';
import { changesCluster } from '../../store/linkActions';
import type { UserAction } from '../../sim/session/userAction';
import { fetchText, useCatalog, why, type CatalogEntry } from './useCatalog';

const PREFERRED = 'ramped';

type Restore = { actions: UserAction[]; t: number; speed?: number };

interface Choice {
  id: string;
  restore?: Restore;
  /** Each choice loads, even the same scenario again (Back to an earlier state of it). */
  n: number;
}

/** A link's actions that change the cluster, waiting for the person's answer. */
export interface PendingReplay {
  scenario: string;
  title: string;
  actions: UserAction[];
  replay(): void;
  skip(): void;
}

export interface ScenarioChoice {
  entries: CatalogEntry[];
  id: string | null;
  choose(id: string): void;
  /** Messages for the person: a broken link, a catalog that could not be read. */
  notices: string[];
  dismiss(notice: string): void;
  /** Set while the person is asked whether to replay a link's actions. */
  pending: PendingReplay | null;
}

function fromLink(
  link: DecodedLink,
  entries: CatalogEntry[],
): { choice: Omit<Choice, 'n'> | null; problem: string | null } {
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
  const restore: Restore = { actions: link.actions, t: (link.t ?? 0) * 1000 };
  if (link.speed !== null) restore.speed = link.speed;
  return { choice: { id: link.scenario, restore }, problem: null };
}

export function useScenario(): ScenarioChoice {
  const store = useSimStore();
  const catalog = useCatalog();
  const entries = useMemo(() => (catalog.state === 'ready' ? catalog.entries : []), [catalog]);
  const [link, setLink] = useState<DecodedLink | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [asking, setAsking] = useState<{ id: string; restore: Restore } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const count = useRef(0);
  const next = () => ++count.current;

  // The page's own link, read once (reading a compressed link is asynchronous).
  useEffect(() => {
    let live = true;
    void decodeLink(window.location.search).then((l) => {
      if (live) setLink(l);
    });
    return () => {
      live = false;
    };
  }, []);

  // Once the link and the catalog are read: open it, or ask first.
  useEffect(() => {
    if (!link || catalog.state !== 'ready' || choice || asking) return;
    const { choice: c, problem } = fromLink(link, entries);
    setProblems([...link.problems, ...(problem ? [problem] : [])]);
    if (!c) return;
    // This entry is the scenario's from now on (useUrlSync writes only into its own entries).
    window.history.replaceState(entryState(c.id), '', window.location.href);
    if (c.restore?.actions.some(changesCluster)) setAsking({ id: c.id, restore: c.restore });
    else setChoice({ ...c, n: next() });
    // Runs once, when both are there; later choices come from the person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link, catalog.state, entries]);

  // Back and Forward: the entry's scenario, as its link says.
  useEffect(() => {
    if (catalog.state !== 'ready') return;
    let latest = 0;
    const onPop = (e: PopStateEvent) => {
      const mine = ++latest;
      void decodeLink(window.location.search).then((l) => {
        if (mine !== latest) return;
        const { choice: c, problem } = fromLink(l, entries);
        setProblems([...l.problems, ...(problem ? [problem] : [])]);
        setAsking(null);
        if (!c) return;
        if (entryScenario(e.state) === null)
          window.history.replaceState(entryState(c.id), '', window.location.href);
        setChoice({ ...c, n: next() });
      });
    };
    window.addEventListener('popstate', onPop);
    return () => {
      latest = -1;
      window.removeEventListener('popstate', onPop);
    };
  }, [catalog.state, entries]);

  const key = choice ? `${choice.id}#${choice.n}` : null;
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

  const choose = useCallback(
    (id: string) => {
      if (id === choice?.id && !asking) return;
      // A new entry: Back returns to the scenario (and state) the person leaves.
      window.history.pushState(entryState(id), '', `${window.location.pathname}?scenario=${id}`);
      setAsking(null);
      setProblems([]);
      setChoice({ id, n: next() });
    },
    [choice?.id, asking],
  );

  const notices = [
    ...problems,
    ...(catalog.state === 'error' ? [catalog.message] : []),
    ...(loadProblem ? [loadProblem] : []),
  ].filter((n) => !dismissed.includes(n));

  const pending: PendingReplay | null = asking
    ? {
        scenario: asking.id,
        title: entries.find((e) => e.id === asking.id)?.title ?? asking.id,
        actions: asking.restore.actions,
        replay: () => {
          setAsking(null);
          setChoice({ id: asking.id, restore: asking.restore, n: next() });
        },
        skip: () => {
          setAsking(null);
          // The link's time and speed still apply; its actions do not.
          setChoice({ id: asking.id, restore: { ...asking.restore, actions: [] }, n: next() });
        },
      }
    : null;

  return {
    entries,
    id: choice?.id ?? asking?.id ?? null,
    choose,
    notices,
    dismiss: (n) => setDismissed((d) => [...d, n]),
    pending,
  };
}
