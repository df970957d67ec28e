/** The catalog of scenarios (public/scenarios/index.json). */
import { useEffect, useState } from 'react';

export interface CatalogEntry {
  id: string;
  title: string;
  description: string;
}

export type Catalog =
  | { state: 'loading' }
  | { state: 'ready'; entries: CatalogEntry[] }
  | { state: 'error'; message: string };

export async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return r.text();
}

export function why(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isEntry(v: unknown): v is CatalogEntry {
  const o = v as Record<string, unknown> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.id === 'string' &&
    typeof o.title === 'string' &&
    typeof o.description === 'string'
  );
}

export function useCatalog(): Catalog {
  const [catalog, setCatalog] = useState<Catalog>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    // Relative to the page: the app may be served under a prefix (/lab/ behind kubectl proxy).
    fetchText('scenarios/index.json')
      .then((text) => {
        const raw: unknown = JSON.parse(text);
        if (!Array.isArray(raw) || !raw.every(isEntry))
          throw new Error('index.json is not a list of scenarios');
        if (live) setCatalog({ state: 'ready', entries: raw });
      })
      .catch((e: unknown) => {
        if (live)
          setCatalog({
            state: 'error',
            message: `The scenario catalog could not be loaded: ${why(e)}`,
          });
      });
    return () => {
      live = false;
    };
  }, []);
  return catalog;
}
