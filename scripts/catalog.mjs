// Writes public/scenarios/index.json — id, title and description of every catalog scenario —
// from the Scenario documents themselves. Runs before `dev` and `build`; .ci/run fails when the
// committed index is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'scenarios');

export function catalog() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d) => d.toJS());
      const s = docs.find((d) => d && d.kind === 'Scenario');
      const ann = s?.metadata?.annotations ?? {};
      return {
        id: file.replace(/\.yaml$/, ''),
        title: ann['rolloutlab.dev/title'] ?? s?.metadata?.name ?? file,
        description: ann['rolloutlab.dev/description'] ?? '',
      };
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(dir, 'index.json');
  const want = `${JSON.stringify(catalog(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== want) {
      console.error('public/scenarios/index.json is stale: run `npm run catalog` and commit it.');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(file, want);
  }
}
