import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../support/importGraph';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('import cycles', () => {
  it('src has none: every module can be read and tested without the ones that use it', () => {
    expect(importCycles(importGraph(root, `${root}src`))).toEqual([]);
  });

  it('finds a cycle through three modules and a module importing itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});
