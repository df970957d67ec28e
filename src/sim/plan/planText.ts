/**
 * The manifests an edit would `kubectl apply`: every document of the text (a whole scenario file
 * or bare manifests), List items unpacked, the Scenario document left out (it is the lab's, not
 * the cluster's). Kinds the simulator does not model are skipped (the importer lists them as
 * ignored); a kind it knows in a version the API server does not serve is kubectl's RESTMapper
 * error. Validation is the API server's, on apply (api/apply.ts).
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../api/objects';
import { acceptsManifest, kindFacts } from '../api/kinds';
import { isRec } from '../scenario/specReader';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from '../scenario/resolveScenario';

export type PlanText = { ok: true; manifests: KubeObject[] } | { ok: false; error: string };

export function manifestsOf(text: string): PlanText {
  const manifests: KubeObject[] = [];
  /** Collects one document's manifests; returns kubectl's error for it, or null. */
  const visit = (v: unknown): string | null => {
    if (v === null || v === undefined) return null; // an empty document (a stray ---)
    if (!isRec(v) || typeof v.kind !== 'string' || typeof v.apiVersion !== 'string') {
      // kubectl's client-side check (k8s.io/kubectl/pkg/validation getObjectKind).
      return 'error validating data: apiVersion or kind not set';
    }
    const { apiVersion, kind } = v;
    if (apiVersion === 'v1' && kind === 'List') {
      for (const item of Array.isArray(v.items) ? v.items : []) {
        const e = visit(item);
        if (e !== null) return e;
      }
      return null;
    }
    if (apiVersion === SCENARIO_API_VERSION && kind === SCENARIO_KIND) return null;
    if (acceptsManifest(apiVersion, kind)) manifests.push(v as unknown as KubeObject);
    else if (kindFacts(kind)?.fromManifests)
      return `no matches for kind "${kind}" in version "${apiVersion}"`;
    return null;
  };
  for (const doc of parseAllDocuments(text, { merge: true })) {
    const first = doc.errors[0];
    if (first) {
      const line = first.linePos?.[0].line ?? 1;
      // The yaml library appends " at line L, column C:" and an excerpt; kubectl puts the line first.
      const message = first.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
      return { ok: false, error: `error converting YAML to JSON: yaml: line ${line}: ${message}` };
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      return { ok: false, error: `error converting YAML to JSON: yaml: ${String(e)}` };
    }
    const error = visit(value);
    if (error !== null) return { ok: false, error };
  }
  return { ok: true, manifests };
}
