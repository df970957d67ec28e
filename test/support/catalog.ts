/**
 * The scenario catalog (public/scenarios) as tests read it. Paths start at the project root, not
 * at import.meta.url, which Vite rewrites under jsdom, so component tests can use this too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.cwd(), 'public', 'scenarios');

/** A file of the catalog folder, by name ('index.json', 'ramped.yaml'). */
export function catalogPath(file: string): string {
  return join(dir, file);
}

/** A catalog scenario's YAML, by id ('ramped') or file name ('ramped.yaml'). */
export function catalogText(idOrFile: string): string {
  const file = idOrFile.endsWith('.yaml') ? idOrFile : `${idOrFile}.yaml`;
  return readFileSync(catalogPath(file), 'utf8');
}

/** The catalog's scenario files ('ramped.yaml', …), sorted. */
export function catalogFiles(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}
