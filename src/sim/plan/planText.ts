/**
 * The manifests an edit would `kubectl apply`: every document of the text (a whole scenario file
 * or bare manifests), List items unpacked, the Scenario document left out (it is the lab's, not
 * the cluster's). Kinds the simulator does not model are skipped (the importer lists them as
 * ignored); a kind it knows in a version the API server does not serve is kubectl's RESTMapper
 * error. Validation is the API server's, on apply (api/apply.ts).
 */
import type { KubeObject } from '../api/objects';
import { manifestsOf as appliedManifests } from '../kubectl/applyText';

export type PlanText = { ok: true; manifests: KubeObject[] } | { ok: false; error: string };

/**
 * The same reading the editor's Apply does (kubectl/applyText.ts: the importer's limits, kinds
 * and checks), so the plan is of exactly the manifests Apply would send.
 */
export function manifestsOf(text: string): PlanText {
  const m = appliedManifests(text, 'preview.yaml');
  return 'errors' in m
    ? { ok: false, error: m.errors.join('\n') }
    : { ok: true, manifests: m.manifests };
}
