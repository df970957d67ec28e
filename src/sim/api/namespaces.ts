/**
 * The cluster's namespaces. The simulator keeps every object in `default`; a real cluster also
 * has the three kube-apiserver creates at start (pkg/controlplane/controller/systemnamespaces:
 * kube-system, kube-public, kube-node-lease), so `kubectl get ns` lists those four, Active since
 * the cluster started (simulated 0). They are fixed: served read-only, never stored, so they
 * take no resourceVersion or uid from the store's sequence.
 */
import type { Namespace } from 'kubernetes-types/core/v1';
import { md5Hex } from '../core/md5';
import { toTimestamp } from '../core/time';

export const NAMESPACE_NAMES = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
] as const;

function uid(name: string): string {
  const h = md5Hex(`namespace ${name}`);
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20, 32)].join(
    '-',
  );
}

/** The four namespaces, in name order (the API server's list order), as served. */
export function namespaceObjects(): Namespace[] {
  return NAMESPACE_NAMES.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      creationTimestamp: toTimestamp(0),
      // The NamespaceDefaultLabelName the API server sets on every namespace (1.22+).
      labels: { 'kubernetes.io/metadata.name': name },
      name,
      resourceVersion: '1',
      uid: uid(name),
    },
    // The namespace lifecycle's finalizer (pkg/apis/core FinalizerKubernetes).
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}
