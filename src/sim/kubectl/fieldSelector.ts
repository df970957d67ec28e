/**
 * `--field-selector` as the API server applies it to a list: `field=value`, `field==value` and
 * `field!=value` terms joined by commas (fields.ParseSelector), over the few fields each kind
 * registers (metadata.name and metadata.namespace for every kind, plus each strategy's
 * GetAttrs/ToSelectableFields: pod.go, event strategy, replicaset, service). Any other field is
 * the server's BadRequest.
 */
import type { KubeObject } from '../api/objects';
import { apiVersionOf, KINDS, type ResourceKind } from '../api/kinds';

type Getter = (o: Record<string, unknown>) => unknown;

const at =
  (...path: string[]): Getter =>
  (o) =>
    path.reduce<unknown>(
      (v, p) =>
        v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined,
      o,
    );

const COMMON: Record<string, Getter> = {
  'metadata.name': at('metadata', 'name'),
  'metadata.namespace': at('metadata', 'namespace'),
};

const BY_KIND: Partial<Record<ResourceKind, Record<string, Getter>>> = {
  Pod: {
    'spec.nodeName': at('spec', 'nodeName'),
    'spec.restartPolicy': at('spec', 'restartPolicy'),
    'spec.schedulerName': at('spec', 'schedulerName'),
    'spec.serviceAccountName': at('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(at('spec', 'hostNetwork')(o) === true),
    'status.phase': at('status', 'phase'),
    'status.podIP': at('status', 'podIP'),
    'status.nominatedNodeName': at('status', 'nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': at('involvedObject', 'kind'),
    'involvedObject.namespace': at('involvedObject', 'namespace'),
    'involvedObject.name': at('involvedObject', 'name'),
    'involvedObject.uid': at('involvedObject', 'uid'),
    'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source', 'component'),
    type: at('type'),
  },
  ReplicaSet: { 'status.replicas': (o) => String(at('status', 'replicas')(o) ?? 0) },
  ReplicationController: { 'status.replicas': (o) => String(at('status', 'replicas')(o) ?? 0) },
  Service: { 'spec.clusterIP': at('spec', 'clusterIP'), 'spec.type': at('spec', 'type') },
};

interface Term {
  field: string;
  value: string;
  equal: boolean;
}

function parse(selector: string): Term[] | { error: string } {
  const terms: Term[] = [];
  for (const part of selector.split(',')) {
    if (part.trim() === '') continue;
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) return { error: `invalid selector: '${selector}'; can't understand '${part}'` };
    terms.push({ field: (m[1] ?? '').trim(), value: (m[3] ?? '').trim(), equal: m[2] !== '!=' });
  }
  return terms;
}

/** The objects of `kind` the selector matches, or the API server's error as kubectl prints it. */
export function filterByFields<T extends KubeObject>(
  kind: ResourceKind,
  objects: readonly T[],
  selector: string,
  labelSelector: string,
): { matched: T[] } | { error: string } {
  const facts = KINDS[kind];
  const gvr = `${facts.group ? apiVersionOf(kind) : `/${apiVersionOf(kind)}`}, Resource=${facts.plural}`;
  const refuse = (why: string): { error: string } => ({
    error: `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${selector}": ${why}`,
  });
  const terms = parse(selector);
  if ('error' in terms) return refuse(terms.error);
  const fields = { ...COMMON, ...BY_KIND[kind] };
  const unknown = terms.find((t) => !Object.hasOwn(fields, t.field));
  if (unknown) return refuse(`field label not supported: ${unknown.field}`);
  const matched = objects.filter((o) =>
    terms.every((t) => {
      const v = fields[t.field]?.(o as unknown as Record<string, unknown>);
      const s = v === undefined || v === null ? '' : String(v);
      return (s === t.value) === t.equal;
    }),
  );
  return { matched };
}
