/**
 * Strategic merge patch as the API server applies it to the served built-in kinds: lists merged
 * on their patchMergeKey, and the directives kubectl sends.
 */
import { describe, expect, it } from 'vitest';
import { strategicMerge, PatchError } from '../../../src/sim/apiserver/strategicMerge';

const deployment = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'Deployment',
  spec: { ...extra, template: { spec: { containers } } },
});

const containersOf = (d: unknown) =>
  (d as { spec: { template: { spec: { containers: unknown[] } } } }).spec.template.spec.containers;

describe('strategicMerge', () => {
  const live = deployment([
    {
      name: 'web',
      image: 'a',
      ports: [{ containerPort: 80 }, { containerPort: 81 }],
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      args: ['x', 'y'],
    },
    { name: 'side', image: 's' },
  ]);

  it('merges containers by name, ports by containerPort, env by name; other lists are replaced', () => {
    const out = strategicMerge('Deployment', live, {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                ports: [{ containerPort: 81, name: 'alt' }],
                env: [{ name: 'B', value: '3' }],
                args: ['z'],
              },
            ],
          },
        },
      },
    });
    expect(containersOf(out)).toEqual([
      {
        name: 'web',
        image: 'a',
        ports: [{ containerPort: 80 }, { containerPort: 81, name: 'alt' }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '3' },
        ],
        args: ['z'],
      },
      { name: 'side', image: 's' },
    ]);
  });

  it('$setElementOrder orders the merged list; $patch: delete removes an item', () => {
    const out = strategicMerge('Deployment', live, {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'new' }, { name: 'side' }],
            containers: [
              { name: 'new', image: 'n' },
              { name: 'web', $patch: 'delete' },
            ],
          },
        },
      },
    });
    expect(containersOf(out)).toEqual([
      { name: 'new', image: 'n' },
      { name: 'side', image: 's' },
    ]);
  });

  it('$retainKeys drops the keys not listed (a strategy switched to Recreate)', () => {
    const d = deployment([], {
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    });
    const out = strategicMerge('Deployment', d, {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    }) as { spec: { strategy: unknown } };
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('$patch: replace replaces a map; null deletes a key; finalizers merge as a set', () => {
    const obj = {
      metadata: { labels: { a: '1', b: '2' }, finalizers: ['x'] },
      spec: { selector: { matchLabels: { app: 'web' } } },
    };
    const out = strategicMerge('Deployment', obj, {
      metadata: { labels: { a: null, c: '3' }, finalizers: ['y', 'x'] },
      spec: { selector: { $patch: 'replace', matchLabels: { app: 'api' } } },
    });
    expect(out).toEqual({
      metadata: { labels: { b: '2', c: '3' }, finalizers: ['x', 'y'] },
      spec: { selector: { matchLabels: { app: 'api' } } },
    });
    const removed = strategicMerge('Deployment', obj, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] },
    }) as { metadata: { finalizers: string[] } };
    expect(removed.metadata.finalizers).toEqual([]);
  });

  it('Service ports merge on port; a list item without its merge key is refused as the server does', () => {
    const svc = { kind: 'Service', spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    const out = strategicMerge('Service', svc, {
      spec: { ports: [{ port: 443, targetPort: 8443 }] },
    });
    expect(out).toEqual({
      kind: 'Service',
      spec: {
        ports: [
          { port: 80, targetPort: 8080 },
          { port: 443, targetPort: 8443 },
        ],
      },
    });
    expect(() =>
      strategicMerge('Deployment', live, {
        spec: { template: { spec: { containers: [{ image: 'x' }] } } },
      }),
    ).toThrow(new PatchError('map: map[image:x] does not contain declared merge key: name'));
  });
});
