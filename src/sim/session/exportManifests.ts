/**
 * "Export manifests": the file's Kubernetes manifests as the person edited them, ready for
 * `kubectl apply -f` on a real cluster: the Scenario document goes (it is the simulator's, and
 * a cluster would answer `no matches for kind "Scenario"`), and so do `rolloutlab.dev/*`
 * annotations (an empty `annotations` map with them).
 *
 * Why the file's manifests and not the cluster's current objects: the simulated objects carry
 * what the API server and the controllers wrote (status, uid, resourceVersion, generation,
 * pod-template-hash ReplicaSets and pods) and a mid-session state of the scenario's own steps;
 * `kubectl apply -f` wants what a person declares, and the file is that, comments included.
 * What the person did in the session is in "Export scenario" as timed steps.
 */
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import { documentsOf, fileNameFor, joinDocuments, type ExportedText } from './exportScenario';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from '../scenario/resolveScenario';

const OURS = 'rolloutlab.dev/';

function isScenario(node: YAMLMap): boolean {
  return node.get('apiVersion') === SCENARIO_API_VERSION && node.get('kind') === SCENARIO_KIND;
}

/** Drops our annotations from one object (and from a List's items). */
function clean(node: unknown, dropped: { n: number }): void {
  if (!isMap(node)) return;
  const items = node.get('items');
  if (isSeq(items)) {
    items.items = items.items.filter((i) => !(isMap(i) && isScenario(i)));
    for (const i of items.items) clean(i, dropped);
  }
  const meta = node.get('metadata');
  if (!isMap(meta)) return;
  const annotations = meta.get('annotations');
  if (!isMap(annotations)) return;
  const before = annotations.items.length;
  annotations.items = annotations.items.filter((p) => !String(p.key).startsWith(OURS));
  dropped.n += before - annotations.items.length;
  if (annotations.items.length === 0) meta.delete('annotations');
}

export function exportManifests(text: string, name: string): ExportedText {
  const docs: Document[] = [];
  let scenarios = 0;
  const dropped = { n: 0 };
  for (const d of documentsOf(text)) {
    if (!isMap(d.contents)) continue;
    if (isScenario(d.contents)) {
      scenarios++;
      continue;
    }
    clean(d.contents, dropped);
    docs.push(d);
  }
  const notes: string[] = [];
  if (scenarios)
    notes.push("The Scenario document is left out: it is the simulator's, not the cluster's.");
  if (dropped.n) notes.push(`${dropped.n} rolloutlab.dev annotation(s) left out.`);
  return { text: joinDocuments(docs), fileName: fileNameFor(name, '-manifests'), notes };
}
