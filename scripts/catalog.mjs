// Writes public/scenarios/index.json — id, title and description of every catalog scenario —
// from the Scenario documents themselves. A unit test fails when the index is stale.
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
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(catalog(), null, 2)}\n`);
}
