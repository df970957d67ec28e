/**
 * Pods by controlling owner uid, kept current from watch notifications — the informer index
 * controllers use instead of scanning every pod on every sync.
 */
import type { ObjectStore, WatchEvent } from './objectStore';
import type { Pod } from './types';

export function controllerRef(pod: { metadata?: { ownerReferences?: { controller?: boolean; uid: string; kind: string; name: string }[] } }) {
  return pod.metadata?.ownerReferences?.find((r) => r.controller);
}

export class PodIndex {
  private byOwner = new Map<string, Set<string>>();

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

  rebuild(): void {
    this.byOwner.clear();
    for (const p of this.store.list<Pod>('Pod')) this.add(p);
  }

  private onChange(e: WatchEvent): void {
    if (e.kind !== 'Pod') return;
    if (e.old) this.remove(e.old as Pod);
    if (e.type !== 'DELETED') this.add(e.obj as Pod);
  }

  private add(p: Pod): void {
    const uid = controllerRef(p)?.uid;
    if (!uid) return;
    let s = this.byOwner.get(uid);
    if (!s) this.byOwner.set(uid, (s = new Set()));
    s.add(p.metadata?.name ?? '');
  }

  private remove(p: Pod): void {
    const uid = controllerRef(p)?.uid;
    if (uid) this.byOwner.get(uid)?.delete(p.metadata?.name ?? '');
  }
}
