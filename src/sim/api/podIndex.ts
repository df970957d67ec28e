/**
 * Pod indexes kept current from watch notifications — what informers' indexers give the real
 * controllers: pods by controlling owner, unscheduled pods, and per-node resource usage for the
 * scheduler, so no controller scans every pod on every sync.
 */
import type { ObjectStore, WatchEvent } from './objectStore';
import type { Pod } from './objects';
import { parseCpu, parseMemory } from '../core/quantity';

type OwnerRefs = {
  metadata?: {
    ownerReferences?: readonly { controller?: boolean; uid: string; kind: string; name: string }[];
  };
};

export function controllerRef(obj: OwnerRefs) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller);
}

export interface NodeUsage {
  cpu: number;
  memory: number;
  pods: number;
  /** Pods per controlling owner uid, for spreading. */
  byOwner: Map<string, number>;
}

/** Sum of container requests (limits stand in for missing requests, as the API defaults them). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += parseCpu(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu ?? 0) ?? 0;
    memory += parseMemory(c.resources?.requests?.memory ?? c.resources?.limits?.memory ?? 0) ?? 0;
  }
  return { cpu, memory };
}

function counted(p: Pod): boolean {
  const phase = p.status?.phase;
  return !!p.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

export class PodIndex {
  private byOwner = new Map<string, Set<string>>();
  private unscheduledNames = new Set<string>();
  private usage = new Map<string, NodeUsage>();

  constructor(private readonly store: ObjectStore) {
    store.watch((e) => this.onChange(e));
  }

  /** Pods (terminating ones included) whose controller has uid `uid`. */
  owned(uid: string | undefined): Pod[] {
    if (!uid) return [];
    const names = this.byOwner.get(uid);
    if (!names) return [];
    const out: Pod[] = [];
    for (const n of names) {
      const p = this.store.get<Pod>('Pod', n);
      if (p) out.push(p);
    }
    return out;
  }

  /** Names of pods not bound to a node yet. */
  unscheduled(): string[] {
    return [...this.unscheduledNames];
  }

  /** Requests of the non-terminal pods bound to `node`. */
  nodeUsage(node: string): NodeUsage {
    return this.usage.get(node) ?? { cpu: 0, memory: 0, pods: 0, byOwner: new Map() };
  }

  rebuild(): void {
    this.byOwner.clear();
    this.unscheduledNames.clear();
    this.usage.clear();
    for (const p of this.store.list<Pod>('Pod')) this.add(p);
  }

  private onChange(e: WatchEvent): void {
    if (e.kind !== 'Pod') return;
    if (e.old) this.remove(e.old as Pod);
    if (e.type !== 'DELETED') this.add(e.obj as Pod);
  }

  private add(p: Pod): void {
    const name = p.metadata?.name ?? '';
    const uid = controllerRef(p)?.uid;
    if (uid) {
      let s = this.byOwner.get(uid);
      if (!s) this.byOwner.set(uid, (s = new Set()));
      s.add(name);
    }
    if (!p.spec?.nodeName) this.unscheduledNames.add(name);
    if (counted(p)) this.account(p, 1);
  }

  private remove(p: Pod): void {
    const name = p.metadata?.name ?? '';
    const uid = controllerRef(p)?.uid;
    if (uid) this.byOwner.get(uid)?.delete(name);
    this.unscheduledNames.delete(name);
    if (counted(p)) this.account(p, -1);
  }

  private account(p: Pod, sign: 1 | -1): void {
    const node = p.spec?.nodeName ?? '';
    let u = this.usage.get(node);
    if (!u) this.usage.set(node, (u = { cpu: 0, memory: 0, pods: 0, byOwner: new Map() }));
    const r = podRequests(p);
    u.cpu += sign * r.cpu;
    u.memory += sign * r.memory;
    u.pods += sign;
    const owner = controllerRef(p)?.uid;
    if (owner) u.byOwner.set(owner, (u.byOwner.get(owner) ?? 0) + sign);
  }
}
