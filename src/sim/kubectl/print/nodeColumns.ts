/**
 * The columns `kubectl get nodes` prints: kubernetes pkg/printers/internalversion/printers.go
 * nodeColumnDefinitions and printNode (NAME STATUS ROLES AGE VERSION; `-o wide` adds
 * INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME), with findNodeRoles,
 * getNodeInternalIP and getNodeExternalIP.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Columns } from './columns';
import { since } from './humanDuration';

/** printers.go labelNodeRolePrefix and nodeLabelRole. */
const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
function nodeRoles(n: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  // sets.String.List sorts by Go string order (bytes), not locale.
  const sorted = [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.length ? sorted.join(',') : '<none>';
}

/** printNode's STATUS: Ready or NotReady (only NodeReady counts), Unknown, then SchedulingDisabled. */
function nodeStatus(n: Node): string {
  const status: string[] = [];
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (n.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** getNodeInternalIP / getNodeExternalIP: the first address of the type, else `<none>`. */
function address(n: Node, type: string): string {
  return n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export const nodeColumns: Columns<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  cells: (n: Node, now) => [
    n.metadata?.name ?? '',
    nodeStatus(n),
    nodeRoles(n),
    since(n.metadata?.creationTimestamp, now),
    n.status?.nodeInfo?.kubeletVersion ?? '',
  ],
  wideCells: (n: Node) => {
    const info = n.status?.nodeInfo;
    return [
      address(n, 'InternalIP'),
      address(n, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
