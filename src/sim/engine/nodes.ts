/**
 * The cluster's nodes, created once when the engine starts: the simulation has no node
 * lifecycle, so they are plain Ready Node objects sized by the scenario's `cluster` section.
 */
import type { Node } from '../api/objects';
import type { ObjectStore } from '../api/objectStore';
import type { ClusterSpec } from '../scenario/scenario';
import { nodeInternalIP } from '../api/nodeAddress';
import { md5Hex } from '../core/md5';
import { toTimestamp } from '../core/time';

/**
 * What a kubelet reports about its machine (NodeSystemInfo), as a kind node of Kubernetes 1.32
 * reports it: `kubectl get nodes` prints the kubelet version, `-o wide` the OS image, kernel and
 * container runtime.
 */
const NODE_INFO = {
  architecture: 'amd64',
  containerRuntimeVersion: 'containerd://1.7.24',
  kernelVersion: '6.8.0-1017-gcp',
  // Deprecated (KEP-4004): a 1.32 kubelet leaves it empty, and the field has no omitempty.
  kubeProxyVersion: '',
  kubeletVersion: 'v1.32.0',
  operatingSystem: 'linux',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
} as const;

/** A UUID-shaped id from 32 hex digits (8-4-4-4-12). */
function uuid(hex: string): string {
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}

/**
 * The kubelet's node conditions (pkg/kubelet/nodestatus/setters.go: MemoryPressureCondition,
 * DiskPressureCondition, PIDPressureCondition, ReadyCondition), all healthy since the node
 * joined. The simulation has no heartbeats: both times are the start, when the nodes are made
 * (the engine's constructor, simulated 0).
 */
function conditions() {
  const at = toTimestamp(0);
  const c = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: at,
    lastTransitionTime: at,
    reason,
    message,
  });
  return [
    c(
      'MemoryPressure',
      'False',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
    ),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** Creates node-1 … node-N, each Ready with the scenario's allocatable CPU and memory. */
export function createNodes(store: ObjectStore, cluster: ClusterSpec): void {
  const { nodes, nodeCpu, nodeMemory } = cluster;
  for (let i = 1; i <= nodes; i++) {
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `node-${i}`,
        labels: {
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': `node-${i}`,
          'kubernetes.io/os': 'linux',
        },
      },
      status: {
        // The kubelet's setNodeAddress order: InternalIP, then Hostname.
        addresses: [
          { type: 'InternalIP', address: nodeInternalIP(`node-${i}`) },
          { type: 'Hostname', address: `node-${i}` },
        ],
        allocatable: { cpu: `${nodeCpu}m`, memory: String(nodeMemory), pods: '110' },
        capacity: { cpu: `${nodeCpu}m`, memory: String(nodeMemory), pods: '110' },
        conditions: conditions(),
        // Stable ids, derived from the name, as a machine's would be across restarts.
        nodeInfo: {
          ...NODE_INFO,
          bootID: uuid(md5Hex(`boot node-${i}`)),
          machineID: md5Hex(`machine node-${i}`),
          systemUUID: uuid(md5Hex(`system node-${i}`)),
        },
      },
    };
    store.create(node);
  }
}
