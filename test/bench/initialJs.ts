/**
 * The JavaScript a first visit must download before the app runs: the entry chunk named in
 * dist/index.html, the chunks it preloads, and, transitively, every chunk they import statically.
 * Dynamic imports and worker chunks load later and are left out. Sizes are gzip level 9.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

// `import{a as b}from"./x.js"` and `import"./y.js"` (minified), never `import(`.
const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const SCRIPT = /<script[^>]*type="module"[^>]*src="([^"]+)"/g;
const PRELOAD = /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g;

export function initialJs(dist: string): ChunkSize[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(SCRIPT), ...html.matchAll(PRELOAD)].map((m) =>
    (m[1] ?? '').replace(/^\//, ''),
  );
  const seen = new Set<string>();
  const out: ChunkSize[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (!file || seen.has(file) || /^https?:/.test(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file));
    out.push({ file, raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('.')) queue.push(posix.join(posix.dirname(file), spec));
      else if (spec.startsWith('/')) queue.push(spec.slice(1));
    }
  }
  return out;
}
