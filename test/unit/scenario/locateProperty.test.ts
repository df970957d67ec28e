/**
 * Property: whatever the layout (indentation, sequence style, flow or block maps, other
 * documents around it), a Deployment with one invalid field gets a problem whose line holds
 * that field's key, and whose message names the field's path.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, isCollection, visit } from 'yaml';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { locateProblems } from '../../../src/sim/scenario/locate';

const SCENARIO = {
  apiVersion: 'rolloutlab.dev/v1alpha1',
  kind: 'Scenario',
  metadata: { name: 't' },
  spec: { duration: '60s' },
};
const SERVICE = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
};

/** One way to break a Deployment: the path the server names, and the edit. */
interface Breakage {
  path: (containers: number) => string;
  /** The bad value as the file shows it. */
  value: string;
  apply: (d: Deployment, container: number) => void;
}
interface Container {
  name: string;
  image: string;
  ports?: { containerPort: number }[];
}
interface Deployment {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown> & { template: { spec: { containers: Container[] } } };
}

const BREAKAGES: Breakage[] = [
  { path: () => 'spec.replicas', value: '-3', apply: (d) => void (d.spec.replicas = -3) },
  {
    path: () => 'spec.minReadySeconds',
    value: '-1',
    apply: (d) => void (d.spec.minReadySeconds = -1),
  },
  {
    path: () => 'spec.revisionHistoryLimit',
    value: '-5',
    apply: (d) => void (d.spec.revisionHistoryLimit = -5),
  },
  {
    path: () => 'spec.strategy.rollingUpdate.maxUnavailable',
    value: '0',
    apply: (d) => void (d.spec.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
  },
  {
    path: (c) => `spec.template.spec.containers[${c}].ports[0].containerPort`,
    value: '70000',
    apply: (d, c) => {
      const container = d.spec.template.spec.containers[c];
      if (container) container.ports = [{ containerPort: 70000 }];
    },
  },
];

const layout = fc.record({
  indent: fc.integer({ min: 2, max: 4 }),
  indentSeq: fc.boolean(),
  /** Which collections (in visit order) are written in flow style. */
  flow: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  containers: fc.integer({ min: 1, max: 3 }),
  broken: fc.integer({ min: 0, max: BREAKAGES.length - 1 }),
  brokenContainer: fc.nat(),
  replicas: fc.integer({ min: 0, max: 9 }),
  /** Where the Deployment goes among the Service and the Scenario. */
  position: fc.integer({ min: 0, max: 2 }),
  comments: fc.boolean(),
});

function deployment(containers: number, replicas: number): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: Array.from({ length: containers }, (_, i) => ({
            name: `c${i}`,
            image: `app:v${i}`,
            ports: [{ containerPort: 8080 + i }],
          })),
        },
      },
    },
  } as Deployment;
}

function write(
  value: unknown,
  l: { indent: number; indentSeq: boolean; flow: boolean[] },
  comments: boolean,
): string {
  const doc = new Document(value);
  let i = 0;
  visit(doc, {
    Node(_, node) {
      if (isCollection(node) && node !== doc.contents)
        node.flow = l.flow[i++ % l.flow.length] ?? false;
      if (comments && i % 3 === 0 && 'commentBefore' in node) node.commentBefore = ' a note';
    },
  });
  return doc.toString({ indent: l.indent, indentSeq: l.indentSeq });
}

describe('A Deployment with one invalid field, in any layout', () => {
  // A hundred parses and layouts: seconds on a busy machine.
  it("gets a problem on a line that holds the field's key", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(layout, (l) => {
        const breakage = BREAKAGES[l.broken] as Breakage;
        const container = l.brokenContainer % l.containers;
        const d = deployment(l.containers, l.replicas);
        breakage.apply(d, container);
        const docs: unknown[] = [SERVICE, SCENARIO];
        docs.splice(l.position, 0, d);
        const text = docs.map((v) => write(v, l, l.comments)).join('---\n');

        const r = parseScenario(text, 'lab.yaml');
        expect(r.ok).toBe(false);
        const path = breakage.path(container);
        const found = locateProblems(text, r.ok ? [] : r.errors).filter((p) =>
          p.message.includes(`${path}: `),
        );
        expect(found).toHaveLength(1);
        const key =
          path
            .split('.')
            .pop()
            ?.replace(/\[\d+\]$/, '') ?? '';
        const line = text.split('\n')[(found[0]?.line ?? 0) - 1] ?? '';
        expect(line, `${path} in\n${text}`).toMatch(new RegExp(`\\b${key}: ${breakage.value}\\b`));
      }),
      { numRuns: 100 },
    );
  });
});
