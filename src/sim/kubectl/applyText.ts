/**
 * `kubectl apply -f FILE` of a text the person wrote (the editor's Apply): every manifest in
 * it, in file order, each printed as kubectl prints it (`deployment.apps/web configured`,
 * `service/web unchanged`, `… created`). The text is checked first as a scenario file is, and
 * an invalid text applies nothing: the editor shows the problems and the cluster is untouched
 * (kubectl itself stops at a file it cannot decode before sending anything).
 *
 * The `Scenario` document (traffic, steps, image behaviour) is not a cluster object: Apply
 * skips it; "Run from start" is how its changes take effect.
 */
import type { KubeObject } from '../api/objects';
import { applyManifest } from '../api/apply';
import { parseScenario } from '../scenario/parse';
import type { KubectlHost, KubectlResult } from './host';

/**
 * The manifests of a text (with or without its Scenario document: manifests alone get a
 * generated one, parse.ts), or every problem in it.
 */
export function manifestsOf(
  text: string,
  fileName: string,
): { manifests: KubeObject[] } | { errors: string[] } {
  const parsed = parseScenario(text, fileName);
  return parsed.ok ? { manifests: parsed.scenario.manifests } : { errors: parsed.errors };
}

/** Applies a text's manifests now, as `kubectl apply -f fileName` would. */
export function applyText(host: KubectlHost, text: string, fileName: string): KubectlResult {
  const m = manifestsOf(text, fileName);
  if ('errors' in m) {
    const output = m.errors.map((e) => (e.endsWith('\n') ? e : `${e}\n`)).join('');
    return { output, exitCode: 1 };
  }
  if (!m.manifests.length) {
    // apply.go: no objects visited.
    return { output: 'error: no objects passed to apply\n', exitCode: 1 };
  }
  let output = '';
  let exitCode = 0;
  for (const manifest of m.manifests) {
    const r = applyManifest(host.ctx, manifest);
    output += r.output;
    if (r.exitCode) exitCode = r.exitCode;
  }
  return { output, exitCode };
}
