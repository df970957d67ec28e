/**
 * Names that are also Object.prototype's (`constructor`, `toString`, `__proto__`) are plain
 * names to Kubernetes: a container or an image may be called `constructor`. Looked up in a
 * plain JS object they would find the prototype's function instead; these tests hold the
 * simulator to treating them as names.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/sim';
import { catalogText } from '../../support/catalog';

function load(text: string): Session {
  const s = Session.load(text, 'x.yaml');
  if (!(s instanceof Session)) throw new Error(s.errors.join('\n'));
  return s;
}

describe('prototype names in manifests', () => {
  it('an image called "constructor" starts as the scenario defaults say', () => {
    const s = load(catalogText('ramped').replace('image: nginx:1.26', 'image: constructor'));
    s.advanceTo(20_000);
    const out = s.exec('kubectl get deployment web').output;
    expect(out.split('\n')[1]).toMatch(/^web\s+3\/3\s/);
  });

  it('a container called "constructor" keeps its image when another container is set', () => {
    const text = catalogText('ramped').replace(
      '        - name: web\n          image: nginx:1.26',
      '        - name: web\n          image: nginx:1.26\n        - name: constructor\n          image: busybox:1.36',
    );
    const s = load(text);
    const r = s.exec('kubectl set image deployment/web web=nginx:1.27');
    expect(r.exitCode).toBe(0);
    const yaml = s.exec('kubectl get deployment web -o yaml').output;
    expect([...yaml.matchAll(/image: (\S+)/g)].map((m) => m[1])).toEqual([
      'nginx:1.27',
      'busybox:1.36',
    ]);
  });
});
