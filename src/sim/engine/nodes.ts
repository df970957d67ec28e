/**
 * The cluster's nodes, created once when the engine starts: the simulation has no node
 * lifecycle, so they are plain Ready Node objects sized by the scenario's `cluster` section.
 */
import type { Node } from '../api/objects';
import type { ObjectStore } from '../api/objectStore';
import type { ClusterSpec } from '../scenario/scenario';

/** Creates node-1 … node-N, each Ready with the scenario's allocatable CPU and memory. */
export function createNodes(store: ObjectStore, cluster: ClusterSpec): void {
  const { nodes, nodeCpu, nodeMemory } = cluster;
  for (let i = 1; i <= nodes; i++) {
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}` } },
      status: {
        allocatable: { cpu: `${nodeCpu}m`, memory: String(nodeMemory), pods: '110' },
        capacity: { cpu: `${nodeCpu}m`, memory: String(nodeMemory), pods: '110' },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
      },
    };
    store.create(node);
  }
}
