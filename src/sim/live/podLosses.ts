/**
 * Pods that went while their ReplicaSet still wanted them: deleted by a person (`kubectl
 * delete pod`), evicted, or lost with a node. The ReplicaSet controller only deletes pods after
 * its `spec.replicas` went below the pods it has (pkg/controller/replicaset: manageReplicas), so
 * a pod that goes while the count still holds was taken by something else. The replay cannot do
 * the same (its pods have other names, and nodes are not recorded): these become notes.
 */
import { isRec } from '../scenario/specReader';
import type { ObservedChange, ObservedObject } from './observation';
import type { PodTrouble } from './recordedImages';

const ownerOf = (pod: ObservedObject): string | undefined => {
  const refs = pod.metadata.ownerReferences;
  const ref = Array.isArray(refs) ? refs.find(isRec) : undefined;
  return ref && ref.kind === 'ReplicaSet' ? String(ref.name) : undefined;
};

const imageOf = (pod: ObservedObject): string => {
  const spec = isRec(pod.spec) ? pod.spec : {};
  const c = Array.isArray(spec.containers) && isRec(spec.containers[0]) ? spec.containers[0] : {};
  return typeof c.image === 'string' ? c.image : '';
};

const replicasOf = (rs: ObservedObject): number => {
  const spec = isRec(rs.spec) ? rs.spec : {};
  return typeof spec.replicas === 'number' ? spec.replicas : 1;
};

export function podLosses(
  initial: readonly ObservedObject[],
  changes: readonly ObservedChange[],
): PodTrouble[] {
  const wanted = new Map<string, number>();
  /** Pods not terminating, by name, with their ReplicaSet. */
  const active = new Map<string, string>();
  const see = (o: ObservedObject) => {
    if (o.kind === 'ReplicaSet') wanted.set(o.metadata.name, replicasOf(o));
    const rs = o.kind === 'Pod' ? ownerOf(o) : undefined;
    if (rs !== undefined && o.metadata.deletionTimestamp === undefined)
      active.set(o.metadata.name, rs);
  };
  for (const o of initial) see(o);
  const out: (PodTrouble & { rs: string })[] = [];
  for (const ch of changes) {
    const o = ch.object;
    if (o.kind !== 'Pod') {
      if (ch.type === 'DELETED' && o.kind === 'ReplicaSet') wanted.delete(o.metadata.name);
      else if (o.kind === 'ReplicaSet') scaledDown(out, o, wanted, ch.atMs);
      see(o);
      continue;
    }
    const rs = active.get(o.metadata.name);
    const going = ch.type === 'DELETED' || o.metadata.deletionTimestamp !== undefined;
    if (!going || rs === undefined) {
      see(o);
      continue;
    }
    const have = [...active.values()].filter((r) => r === rs).length;
    active.delete(o.metadata.name);
    if (!wanted.has(rs) || have > (wanted.get(rs) ?? 0)) continue; // its controller scaled down
    const status = isRec(o.status) ? o.status : {};
    const evicted = status.reason === 'Evicted' ? ' (Evicted)' : '';
    out.push({
      rs,
      pod: o.metadata.name,
      image: imageOf(o),
      atMs: Math.round(ch.atMs),
      what: `it was deleted${evicted} while ReplicaSet ${rs} still wanted it (by a person, an eviction or a lost node)`,
    });
  }
  return out.map(({ rs: _rs, ...t }) => t);
}

/**
 * Watches of different kinds are separate streams, so a real cluster may deliver a pod's
 * deletion a moment before the ReplicaSet change that caused it: a scale-down within this long
 * after explains that many earlier losses of its pods.
 */
const ORDER_SLACK_MS = 1000;

function scaledDown(
  out: (PodTrouble & { rs: string })[],
  rs: ObservedObject,
  wanted: ReadonlyMap<string, number>,
  at: number,
): void {
  let fewer = (wanted.get(rs.metadata.name) ?? 0) - replicasOf(rs);
  for (let i = out.length - 1; i >= 0 && fewer > 0; i--) {
    const t = out[i]!;
    if (t.rs !== rs.metadata.name || t.atMs < at - ORDER_SLACK_MS) continue;
    out.splice(i, 1);
    fewer--;
  }
}
