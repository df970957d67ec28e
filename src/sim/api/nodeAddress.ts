/**
 * A node's InternalIP, one rule for the Node object (engine/nodes.ts) and the pods' hostIP
 * (kubelet/lifecycle.ts): node-N is 172.18.0.(N+1), as kind's Docker network numbers its nodes.
 */
export function nodeInternalIP(node: string): string {
  const idx = Number(/(\d+)$/.exec(node)?.[1] ?? 1);
  return `172.18.0.${idx + 1}`;
}
