/**
 * The simulated API server's storage: typed objects by kind and name (one namespace), with
 * resourceVersion, generation and watch notifications. Stored objects are never mutated in
 * place: writers pass a new object, so watchers can compare the old and the new one.
 */
import type { Kind, KubeObject } from './objects';
import { NAMESPACE } from './objects';
import { kindFacts } from './kinds';
import { deepEqual } from '../core/clone';
import { toTimestamp } from '../core/time';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** The API server writes the fields kubernetes-types marks read-only. */
type ServerMeta = { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] };

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchType;
  kind: Kind;
  obj: KubeObject;
  old: KubeObject | undefined;
}

export type Watcher = (e: WatchEvent) => void;

export interface StoreState {
  objects: [Kind, [string, KubeObject][]][];
  rv: number;
  uid: number;
}

export class ObjectStore {
  private objects = new Map<Kind, Map<string, KubeObject>>();
  private rv = 0;
  private uid = 0;
  private watchers: Watcher[] = [];

  constructor(private readonly now: () => number) {}

  watch(w: Watcher): void {
    this.watchers.push(w);
  }

  /**
   * The newest resourceVersion (what a list reports): every create, update and delete takes the
   * next one, so a DELETED watch event's is the one after the last before it (sim serve).
   */
  get resourceVersion(): number {
    return this.rv;
  }

  get<T extends KubeObject>(kind: Kind, name: string): T | undefined {
    return this.objects.get(kind)?.get(name) as T | undefined;
  }

  /** Objects of a kind in creation order. */
  list<T extends KubeObject>(kind: Kind): T[] {
    const m = this.objects.get(kind);
    return m ? ([...m.values()] as T[]) : [];
  }

  count(kind: Kind): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  /** Creates `obj` (caller gives up ownership): uid, resourceVersion, timestamps, generation. */
  create<T extends KubeObject>(obj: T): T {
    const kind = obj.kind as Kind;
    const name = obj.metadata?.name ?? '';
    let m = this.objects.get(kind);
    if (!m) {
      m = new Map();
      this.objects.set(kind, m);
    }
    if (m.has(name)) throw new Error(`${kind} "${name}" already exists`);
    const meta: ServerMeta = (obj.metadata ??= {});
    // A cluster-scoped kind (Node, GatewayClass) has no namespace, as the API server stores it.
    if (kindFacts(kind)?.namespaced !== false) meta.namespace ??= NAMESPACE;
    meta.uid = this.nextUid();
    meta.resourceVersion = String(++this.rv);
    meta.creationTimestamp = toTimestamp(this.now());
    if (kindFacts(kind)?.generation) meta.generation = 1;
    m.set(name, obj);
    this.notify({ type: 'ADDED', kind, obj, old: undefined });
    return obj;
  }

  /**
   * Replaces the stored object with `obj` (a new object, not the stored one mutated). Bumps
   * generation when the spec changed, as the API server does for workload kinds.
   */
  update<T extends KubeObject>(obj: T): T {
    const kind = obj.kind as Kind;
    const name = obj.metadata?.name ?? '';
    const m = this.objects.get(kind);
    const old = m?.get(name);
    if (!m || !old) throw new Error(`${kind} "${name}" not found`);
    if (old === obj) throw new Error(`update of ${kind} "${name}" with the stored object itself`);
    // Writers often spread the old object ({ ...rs, status }); the metadata must not stay shared,
    // or bumping resourceVersion would change the old object too.
    const meta: ServerMeta = (obj.metadata = { ...obj.metadata });
    meta.resourceVersion = String(++this.rv);
    if (kindFacts(kind)?.generation) {
      const oldSpec = (old as { spec?: unknown }).spec;
      const newSpec = (obj as { spec?: unknown }).spec;
      const gen = old.metadata?.generation ?? 1;
      meta.generation = deepEqual(oldSpec, newSpec) ? gen : gen + 1;
    }
    m.set(name, obj);
    this.notify({ type: 'MODIFIED', kind, obj, old });
    return obj;
  }

  delete(kind: Kind, name: string): KubeObject | undefined {
    const m = this.objects.get(kind);
    const old = m?.get(name);
    if (!m || !old) return undefined;
    m.delete(name);
    this.rv++;
    this.notify({ type: 'DELETED', kind, obj: old, old });
    return old;
  }

  snapshot(): StoreState {
    return {
      objects: [...this.objects].map(([k, m]) => [k, [...m]]),
      rv: this.rv,
      uid: this.uid,
    };
  }

  restore(s: StoreState): void {
    this.objects = new Map(s.objects.map(([k, entries]) => [k, new Map(entries)]));
    this.rv = s.rv;
    this.uid = s.uid;
  }

  private nextUid(): string {
    // Deterministic, UUID-shaped: a scrambled counter.
    const n = ++this.uid;
    let h = Math.imul(n ^ 0x5bd1e995, 0x01000193) >>> 0;
    const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
    const a = hex(h);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    const b = hex(h);
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    const c = hex(h);
    const d = hex(n);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  private notify(e: WatchEvent): void {
    for (const w of this.watchers) w(e);
  }
}
