/**
 * The OpenAPI documents (src/sim/apiserver/openapi/v3.json, 0.6 MB) are for `sim serve` alone:
 * the browser's entry and its worker must not reach them through any chain of imports, or the
 * app's bundle would carry them.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../support/importGraph';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const graph = importGraph(root, join(root, 'src'));

/** Every module `entry` reaches, itself included. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const m = stack.pop() ?? '';
    if (seen.has(m)) continue;
    seen.add(m);
    stack.push(...(graph.get(m) ?? []));
  }
  return seen;
}

describe('the OpenAPI data stays out of the browser bundle', () => {
  // Other API server modules (the writes the console shares) may be reached; these may not.
  it('the serve-side module does import it (so the check below looks at the right module)', () => {
    expect(graph.get('src/sim/apiserver/openapi.ts')).toContain(
      'src/sim/apiserver/openapi/documents.ts',
    );
  });

  it.each(['src/main.tsx', 'src/worker/sim.worker.ts'])(
    '%s never reaches the OpenAPI modules',
    (entry) => {
      const reached = [...reachable(entry)];
      expect(reached.length).toBeGreaterThan(10);
      const openapi = reached.filter(
        (m) => m === 'src/sim/apiserver/openapi.ts' || m.startsWith('src/sim/apiserver/openapi/'),
      );
      expect(openapi).toEqual([]);
    },
  );
});
