/**
 * Every package that src/ imports is declared in package.json, and so are the @types packages
 * that type it: a package that only arrives as another one's dependency (d3-scale under d3) can
 * change version or vanish with that other package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageImports } from '../../support/importGraph';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Manifest;

/** `@types/d3-scale` for `d3-scale`, `@types/babel__core` for `@babel/core`. */
const typesOf = (name: string) => `@types/${name.replace(/^@(.*)\//, '$1__')}`;

/** "file: package" for each import of a package the manifest does not declare. */
function undeclared(
  imports: Map<string, string[]>,
  m: Manifest,
  installed: (pkg: string) => boolean,
): string[] {
  const runtime = new Set(Object.keys(m.dependencies ?? {}));
  const all = new Set([...runtime, ...Object.keys(m.devDependencies ?? {})]);
  const missing: string[] = [];
  for (const [file, names] of imports) {
    for (const name of names) {
      if (!runtime.has(name)) missing.push(`${file}: ${name}`);
      const types = typesOf(name);
      if (installed(types) && !all.has(types)) missing.push(`${file}: ${types}`);
    }
  }
  return missing;
}

const installed = (pkg: string) => existsSync(`${root}node_modules/${pkg}/package.json`);

describe('Packages imported by src', () => {
  it('are all declared as dependencies, with their @types as dev dependencies', () => {
    expect(undeclared(packageImports(root, `${root}src`), manifest, installed)).toEqual([]);
  });

  it('are reported when only a dependency of a dependency', () => {
    const planted = new Map([['src/ui/planted.ts', ['d3-scale', '@scope/pkg', 'react']]]);
    const m: Manifest = { dependencies: { d3: '^7.9.2', react: '^19' } };
    expect(undeclared(planted, m, (pkg) => pkg === '@types/d3-scale')).toEqual([
      'src/ui/planted.ts: d3-scale',
      'src/ui/planted.ts: @types/d3-scale',
      'src/ui/planted.ts: @scope/pkg',
    ]);
  });
});
