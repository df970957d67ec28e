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
import {
  customFragment,
  customId,
  readCustomLocation,
  type CustomLocation,
  type CustomScenario,
} from '../share/customLocation';
import { savedScenarios } from '../../store/savedScenariosDb';
import type { SavedScenario, ScenarioSource } from '../../store/savedScenarios';

const PREFERRED = 'ramped';

type Restore = { actions: UserAction[]; t: number; speed?: number };

interface Choice {
  id: string;
  restore?: Restore;
  /** A scenario of the person's own (not the catalog's): its text comes with it. */
  custom?: CustomScenario;
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
  /**
   * Opens a scenario of the person's own ("Run from start" in the editor, an imported file),
   * from t = 0, and keeps it in "My scenarios" (`savedId`: the entry it updates).
   */
  openCustom(text: string, name: string, savedId?: string, source?: ScenarioSource): Promise<void>;
  /** The open custom scenario (what a share link and the exports carry), or null. */
  custom: CustomScenario | null;
  /** The person's saved scenarios, newest first. */
  saved: SavedScenario[];
  openSaved(savedId: string): void;
  removeSaved(savedId: string): Promise<void>;
  /** Where the editor's draft of what is open is kept (drafts.ts). */
  draftKey: string | null;
  /** The text of the scenario on screen as it was loaded (the editor starts from it). */
  text: string | null;
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

type AskingChoice = Omit<Choice, 'n'> & { restore: Restore };

/** The file name messages give a custom scenario ("error parsing my-app.yaml"). */
function fileNameOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/\.ya?ml$/, '')
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${base.slice(0, 60) || 'scenario'}.yaml`;
}

/** A custom scenario with the state a link gives it (time, speed, actions). */
function customChoice(custom: CustomScenario, link: DecodedLink): Omit<Choice, 'n'> {
  const c: Omit<Choice, 'n'> = { id: customId(custom.savedId), custom };
  if (link.actions.length > 0 || (link.t ?? 0) > 0 || link.speed !== null) {
    c.restore = { actions: link.actions, t: (link.t ?? 0) * 1000 };
    if (link.speed !== null) c.restore.speed = link.speed;
  }
  return c;
}

/** A fresh address for a choice (no state yet): `?scenario=ID`, or a custom one's fragment. */
async function addressOf(c: Pick<Choice, 'id' | 'custom'>): Promise<string> {
  const path = window.location.pathname;
  return c.custom ? `${path}${await customFragment(c.custom)}` : `${path}?scenario=${c.id}`;
}

export function useScenario(): ScenarioChoice {
  const store = useSimStore();
  const catalog = useCatalog();
  const entries = useMemo(() => (catalog.state === 'ready' ? catalog.entries : []), [catalog]);
  const [link, setLink] = useState<DecodedLink | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [asking, setAsking] = useState<AskingChoice | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const count = useRef(0);
  const next = () => ++count.current;

  const [loaded, setLoaded] = useState<{ key: string; text: string } | null>(null);
  const [initialCustom, setInitialCustom] = useState<CustomLocation | null>(null);
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const refreshSaved = useCallback(() => {
    void savedScenarios()
      .list()
      .then(setSaved, () => setSaved([]));
  }, []);
  useEffect(refreshSaved, [refreshSaved]);

  // The page's own link, read once (reading a compressed link is asynchronous), and the
  // custom scenario its fragment carries, if any.
  useEffect(() => {
    let live = true;
    void Promise.all([
      decodeLink(window.location.search),
      readCustomLocation(window.location.hash),
    ]).then(([l, c]) => {
      if (!live) return;
      setInitialCustom(c);
      setLink(l);
      if (c.kind === 'open') refreshSaved();
    });
    return () => {
      live = false;
    };
  }, [refreshSaved]);

  // Once the link and the catalog are read: open it, or ask first.
  useEffect(() => {
    if (!link || catalog.state !== 'ready' || choice || asking) return;
    if (initialCustom?.kind === 'open') {
      const c = customChoice(initialCustom.scenario, link);
      setProblems(link.problems);
      window.history.replaceState(entryState(c.id), '', window.location.href);
      if (c.restore?.actions.some(changesCluster)) setAsking(c as AskingChoice);
      else setChoice({ ...c, n: next() });
      return;
    }
    const broken = initialCustom?.kind === 'broken' ? [initialCustom.message] : [];
    const { choice: c, problem } = fromLink(link, entries);
    setProblems([...broken, ...link.problems, ...(problem ? [problem] : [])]);
    if (!c) return;
    // This entry is the scenario's from now on (useUrlSync writes only into its own entries).
    window.history.replaceState(entryState(c.id), '', window.location.href);
    if (c.restore?.actions.some(changesCluster)) setAsking({ id: c.id, restore: c.restore });
    else setChoice({ ...c, n: next() });
    // Runs once, when both are there; later choices come from the person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link, initialCustom, catalog.state, entries]);

  // Back and Forward: the entry's scenario, as its link says.
  useEffect(() => {
    if (catalog.state !== 'ready') return;
    let latest = 0;
    const onPop = (e: PopStateEvent) => {
      const mine = ++latest;
      void Promise.all([
        decodeLink(window.location.search),
        readCustomLocation(window.location.hash),
      ]).then(([l, custom]) => {
        if (mine !== latest) return;
        if (custom.kind === 'broken') {
          // A broken link pasted over the page: say so, and keep what is open (and its address).
          setProblems([custom.message]);
          const here = current.current;
          if (here) {
            // Only the fragment changed: the query still holds what is on screen.
            const { pathname, search } = window.location;
            void (here.custom ? customFragment(here.custom) : Promise.resolve('')).then((hash) =>
              window.history.replaceState(entryState(here.id), '', `${pathname}${search}${hash}`),
            );
          }
          return;
        }
        if (custom.kind === 'open') {
          refreshSaved();
          const c = customChoice(custom.scenario, l);
          setProblems(l.problems);
          setAsking(null);
          window.history.replaceState(entryState(c.id), '', window.location.href);
          if (entryScenario(e.state) === null && c.restore?.actions.some(changesCluster))
            setAsking(c as AskingChoice);
          else setChoice({ ...c, n: next() });
          return;
        }
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
  }, [catalog.state, entries, refreshSaved]);

  const key = choice ? `${choice.id}#${choice.n}` : null;
  useEffect(() => {
    if (!choice) return;
    // A later choice wins: an abandoned fetch never loads.
    let live = true;
    const custom = choice.custom;
    const text = custom
      ? Promise.resolve(custom.text)
      : fetchText(`scenarios/${encodeURIComponent(choice.id)}.yaml`);
    text
      .then(async (text) => {
        if (!live) return;
        setLoadProblem(null);
        setLoaded({ key: `${choice.id}#${choice.n}`, text });
        await store
          .getState()
          .load(choice.id, text, choice.restore, custom ? fileNameOf(custom.name) : undefined);
        if (live && custom) named(custom, store.getState().info?.title);
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

  /** A saved scenario's list name follows its title once it loads (a link's starts generic). */
  const named = (custom: CustomScenario, title: string | undefined) => {
    if (!title || title === custom.name) return;
    setChoice((c) =>
      c?.custom?.savedId === custom.savedId ? { ...c, custom: { ...c.custom, name: title } } : c,
    );
    void savedScenarios()
      .save({ name: title, text: custom.text, source: custom.source }, custom.savedId)
      .then(refreshSaved, () => undefined);
  };

  const current = useRef<Choice | null>(null);
  current.current = choice;

  const openScenario = useCallback(async (custom: CustomScenario) => {
    const id = customId(custom.savedId);
    const address = await addressOf({ id, custom });
    window.history.pushState(entryState(id), '', address);
    setAsking(null);
    setProblems([]);
    setChoice({ id, custom, n: next() });
  }, []);

  const openCustom = useCallback(
    async (text: string, name: string, savedId?: string, source: ScenarioSource = 'editor') => {
      let custom: CustomScenario;
      try {
        const s = await savedScenarios().save({ name, text, source }, savedId);
        custom = { savedId: s.id, text: s.text, name: s.name, source: s.source };
      } catch (e) {
        // Not kept (too big, storage refused): it still runs, and the person is told.
        setProblems([`The scenario runs but is not kept in this browser: ${why(e)}`]);
        custom = { savedId: savedId ?? crypto.randomUUID(), text, name, source };
      }
      refreshSaved();
      await openScenario(custom);
    },
    [openScenario, refreshSaved],
  );

  const openSaved = useCallback(
    (savedId: string) => {
      const s = saved.find((x) => x.id === savedId);
      if (s) void openScenario({ savedId: s.id, text: s.text, name: s.name, source: s.source });
    },
    [saved, openScenario],
  );

  const removeSaved = useCallback(
    async (savedId: string) => {
      await savedScenarios().remove(savedId);
      await savedScenarios().clearDraft(customId(savedId));
      refreshSaved();
    },
    [refreshSaved],
  );

  const notices = [
    ...problems,
    ...(catalog.state === 'error' ? [catalog.message] : []),
    ...(loadProblem ? [loadProblem] : []),
  ].filter((n) => !dismissed.includes(n));

  const pending: PendingReplay | null = asking
    ? {
        scenario: asking.id,
        title: asking.custom?.name ?? entries.find((e) => e.id === asking.id)?.title ?? asking.id,
        actions: asking.restore.actions,
        replay: () => {
          setAsking(null);
          setChoice({ ...asking, n: next() });
        },
        skip: () => {
          setAsking(null);
          // The link's time and speed still apply; its actions do not.
          setChoice({ ...asking, restore: { ...asking.restore, actions: [] }, n: next() });
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
    openCustom,
    custom: choice?.custom ?? asking?.custom ?? null,
    saved,
    openSaved,
    removeSaved,
    draftKey: choice?.id ?? null,
    text: loaded && loaded.key === key ? loaded.text : null,
  };
}
