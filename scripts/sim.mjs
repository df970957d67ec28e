// Runs the headless runner (src/cli/sim.ts). Node 20 cannot strip TypeScript types, and a TS
// loader costs ~0.6 s per start; other tools call the runner many times in a row, so the CLI
// is bundled once with esbuild (~50 ms) and rebuilt only when a source file is newer.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'rollout-lab', 'sim.mjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function builtAt() {
  try {
    return statSync(out).mtimeMs;
  } catch {
    return 0;
  }
}

if (builtAt() < Math.max(newest(join(root, 'src', 'sim')), newest(join(root, 'src', 'cli')))) {
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'cli', 'sim.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies (yaml) load from node_modules as they are.
    packages: 'external',
    logLevel: 'error',
  });
}
await import(pathToFileURL(out).href);
