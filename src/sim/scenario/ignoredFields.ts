/**
 * The fields of a manifest that the simulator does not model, found by walking it against
 * modelledFields.ts: each is listed (IgnoredItem) so that nothing is dropped silently, and the
 * run goes on.
 */
import { NAMESPACE } from '../api/objects';
import type { FieldTree } from './modelledFields';
import { MODELLED_FIELDS } from './modelledFields';
import type { IgnoredItem } from './scenario';
import type { Rec } from './specReader';
import { isRec } from './specReader';

/** Why some well-known fields change nothing, for the learner reading the list. */
const WHY: Readonly<Record<string, string>> = {
  volumes: 'no storage is simulated',
  volumeMounts: 'no storage is simulated',
  affinity: 'the scheduler places pods by resource fit and spreading only',
  nodeSelector: 'all simulated nodes are alike',
  tolerations: 'simulated nodes have no taints',
  topologySpreadConstraints: 'the scheduler spreads with its default constraints only',
  env: 'the simulated app takes its behaviour from the Scenario, by image',
  envFrom: 'the simulated app takes its behaviour from the Scenario, by image',
  command: 'the simulated app takes its behaviour from the Scenario, by image',
  args: 'the simulated app takes its behaviour from the Scenario, by image',
  initContainers: 'init containers are not run',
  lifecycle: 'no hooks are run; shutdown takes the Scenario shutdownTime',
  imagePullPolicy: 'every pod pulls its image (pullTime in the Scenario)',
  behavior: 'the autoscaler uses the default behavior',
};

const isBlank = (v: unknown): boolean =>
  v === null || (Array.isArray(v) ? v.length === 0 : isRec(v) && Object.keys(v).length === 0);

/** A field path segment: `.name`, or `[i]` for an array item. */
function join(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/**
 * Walks `value` against `tree`: every key the tree does not name is an IgnoredItem at its
 * path (`prefix` is the document's own path, `items[2]` in a List). A kind with no tree (one
 * another module added to the simulator) yields nothing: it is not this module's to judge.
 */
export function ignoredFields(obj: Rec, doc: number, prefix: string): IgnoredItem[] {
  const kind = String(obj.kind);
  const tree = Object.hasOwn(MODELLED_FIELDS, kind) ? MODELLED_FIELDS[kind] : undefined;
  if (!tree) return [];
  const name = isRec(obj.metadata) ? String(obj.metadata.name ?? '') : '';
  const out: IgnoredItem[] = [];
  const add = (path: string, field: string) => {
    const why = WHY[field] ?? 'not simulated';
    out.push({ doc, path, what: `${kind}/${name} ${path}: ${why}` });
  };
  const walk = (value: unknown, t: FieldTree, path: string): void => {
    if (t === true) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, t, `${path}[${i}]`));
      return;
    }
    if (!isRec(value)) return; // a mistyped value is validation's to report
    for (const [field, v] of Object.entries(value)) {
      const sub = Object.hasOwn(t, field) ? t[field] : undefined;
      if (sub === undefined) {
        if (!isBlank(v)) add(join(path, field), field); // `securityContext: {}` asks for nothing
      } else walk(v, sub, join(path, field));
    }
  };
  walk(obj, tree, prefix);
  const meta = obj.metadata;
  if (isRec(meta) && typeof meta.namespace === 'string' && meta.namespace !== NAMESPACE) {
    out.push({
      doc,
      path: join(prefix, 'metadata.namespace'),
      what: `${kind}/${name} metadata.namespace: one namespace is simulated; all objects share it`,
    });
  }
  return out;
}
