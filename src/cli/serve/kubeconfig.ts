/**
 * The kubeconfig `sim serve` writes for itself (never ~/.kube/config): one cluster, user and
 * context, all named `rollout-lab`, pointing at the plain-HTTP server on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { homedir } from 'node:os';

export const CONTEXT_NAME = 'rollout-lab';

export function kubeconfigText(port: number): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: http://127.0.0.1:${port}
  name: ${CONTEXT_NAME}
contexts:
- context:
    cluster: ${CONTEXT_NAME}
    namespace: default
    user: ${CONTEXT_NAME}
  name: ${CONTEXT_NAME}
current-context: ${CONTEXT_NAME}
preferences: {}
users:
- name: ${CONTEXT_NAME}
  user: {}
`;
}

/**
 * Writes it; refuses the person's own ~/.kube/config (`home` is a parameter so tests never
 * name the real one). Returns the absolute path.
 */
export function writeKubeconfig(path: string, port: number, home = homedir()): string {
  const abs = resolve(path);
  if (abs === resolve(home, '.kube', 'config'))
    throw new Error(`refusing to write over ${abs}: pass --kubeconfig with another path`);
  writeFileSync(abs, kubeconfigText(port));
  return abs;
}
