/**
 * The first page: pick a catalog scenario, run it headless in the page, and read what the
 * simulated controllers did — the event log and the runner's summary.
 */
import { useEffect, useState } from 'react';
import type { RunResult } from '../sim/runResult';
import { runScenario } from '../sim/run';
import { EventTable } from './log/EventTable';
import './App.css';

interface CatalogEntry {
  id: string;
  title: string;
  description: string;
}

type Loaded =
  { entry: CatalogEntry; result: RunResult } | { entry: CatalogEntry; errors: string[] };

function initialId(): string {
  return new URLSearchParams(window.location.search).get('scenario') ?? 'ramped';
}

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return r;
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Shown on the page and logged, so a browser test sees the cause, not just a timeout. */
function report(show: (message: string) => void, message: string) {
  console.error(message);
  show(message);
}

export function App() {
  const [catalog, setCatalog] = useState<CatalogEntry[]>([]);
  const [id, setId] = useState(initialId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchOk('/scenarios/index.json')
      .then((r) => r.json() as Promise<CatalogEntry[]>)
      .then((entries) => live && setCatalog(entries))
      .catch(
        (e: unknown) =>
          live && report(setProblem, `The scenario catalog could not be loaded: ${why(e)}`),
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const entry = catalog.find((c) => c.id === id);
    if (!entry) {
      if (catalog.length) setProblem(`No catalog scenario is called "${id}".`);
      return;
    }
    // A later choice wins: results of an abandoned load are dropped.
    let live = true;
    setProblem(null);
    fetchOk(`/scenarios/${id}.yaml`)
      .then((r) => r.text())
      .then((text) => {
        if (!live) return;
        const out = runScenario(text, `${id}.yaml`);
        setLoaded(out.ok ? { entry, result: out.result } : { entry, errors: out.errors });
      })
      .catch(
        (e: unknown) =>
          live && report(setProblem, `The scenario "${id}" could not be run: ${why(e)}`),
      );
    return () => {
      live = false;
    };
  }, [catalog, id]);

  const choose = (next: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set('scenario', next);
    window.history.replaceState(null, '', url);
    setId(next);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>Rollout Lab</h1>
        <label>
          Scenario{' '}
          <select value={id} onChange={(e) => choose(e.target.value)}>
            {catalog.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {problem && <p role="alert">{problem}</p>}
        {loaded && (
          <>
            <section className="intro">
              <h2>{loaded.entry.title}</h2>
              <p>{loaded.entry.description}</p>
            </section>
            {'errors' in loaded ? (
              <pre role="alert">{loaded.errors.join('\n')}</pre>
            ) : (
              <Summary result={loaded.result} />
            )}
            {'result' in loaded && <EventTable events={loaded.result.events} />}
          </>
        )}
      </main>
    </div>
  );
}

function Summary({ result }: { result: RunResult }) {
  const s = result.summary;
  const items: [string, string][] = [
    ['Rollout', s.rolloutSeconds === null ? 'not complete' : `${s.rolloutSeconds.toFixed(1)} s`],
    ['Downtime', `${s.downtimeSeconds.toFixed(1)} s`],
    ['Requests', String(s.requests)],
    ['Errors', String(s.errors)],
    ['Peak pods', String(s.peakPods)],
  ];
  return (
    <dl className="summary" aria-label="Summary">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
