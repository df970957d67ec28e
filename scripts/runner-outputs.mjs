// Writes the runner's output for every catalog scenario, several seeds, both formats and two
// sample intervals into a folder, one file per run, so a change that must not alter behaviour
// (a restructuring) can be checked byte for byte:
//   node scripts/runner-outputs.mjs /tmp/before   # on the old commit
//   node scripts/runner-outputs.mjs /tmp/after    # on the new one
//   diff -r /tmp/before /tmp/after                # must print nothing
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/runner-outputs.mjs OUTDIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const catalog = join(root, 'public', 'scenarios');
const files = readdirSync(catalog).filter((f) => f.endsWith('.yaml'));
// The scenario's own seed first, then three others; text at 1 s, JSON at 1 s and 500 ms.
const seeds = [null, 1, 2, 7];
const shapes = [
  { format: 'json', sample: '1s' },
  { format: 'json', sample: '500ms' },
  { format: 'text', sample: '1s' },
];
const jobs = [];
for (const f of files)
  for (const seed of seeds)
    for (const { format, sample } of shapes) jobs.push({ f, seed, format, sample });

const sim = join(root, 'scripts', 'sim.mjs');
// Build the bundled CLI once before running in parallel.
await run('node', [sim, join(catalog, files[0]), '--duration', '1s'], { cwd: root });

let next = 0;
async function worker() {
  while (next < jobs.length) {
    const { f, seed, format, sample } = jobs[next++];
    const args = [sim, join(catalog, f), '--format', format, '--sample', sample];
    if (seed !== null) args.push('--seed', String(seed));
    const { stdout } = await run('node', args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    const name = `${f.replace(/\.yaml$/, '')}.seed-${seed ?? 'default'}.${sample}.${format}`;
    writeFileSync(join(out, name), stdout);
  }
}
await Promise.all([worker(), worker()]);
console.log(`${jobs.length} runs written to ${out}`);
