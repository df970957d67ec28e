/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation as kubectl apply writes it
 * (k8s.io/kubectl pkg/util/apply.go GetModifiedConfiguration): the manifest as kubectl holds it
 * — its namespace filled in from the context for a namespaced kind, its annotations without
 * this one (an empty map, `"annotations":{}`, when it had no others) — encoded as JSON from an
 * unstructured map (keys sorted, as Go's encoder writes maps) with the encoder's newline.
 */
import type { KubeObject } from './objects';
import { KINDS } from './kinds';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (typeof v !== 'object' || v === null) return v;
  const m = v as Record<string, unknown>;
  // Go sorts map keys byte-wise; keys here are ASCII field names and label keys.
  return Object.fromEntries(
    Object.keys(m)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => [k, sortedKeys(m[k])]),
  );
}

export function lastAppliedConfiguration(manifest: KubeObject, namespace = 'default'): string {
  const copy = JSON.parse(JSON.stringify(manifest)) as Record<string, unknown>;
  const meta = (copy.metadata ?? {}) as Record<string, unknown>;
  const annotations = { ...((meta.annotations ?? {}) as Record<string, string>) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  const facts = (KINDS as Record<string, { namespaced: boolean } | undefined>)[manifest.kind ?? ''];
  if (facts?.namespaced && meta.namespace === undefined) meta.namespace = namespace;
  copy.metadata = meta;
  return `${JSON.stringify(sortedKeys(copy))}\n`;
}
