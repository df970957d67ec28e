/**
 * kube-proxy's choice of backend for a new connection (§14.2–14.3): ready endpoints, else
 * serving-and-terminating ones, else none. iptables picks uniformly at random, IPVS round
 * robin; sessionAffinity ClientIP sticks a client to its last backend for the timeout.
 */
import type { EndpointSlice, Service } from '../api/objects';
import type { Rng } from '../core/rng';
import type { ProxyMode } from '../scenario/scenario';
import { SERVICE_NAME_LABEL } from '../controllers/endpointSlice';

export interface Backend {
  pod: string;
  ip: string;
}

export interface ServiceBackends {
  ready: Backend[];
  fallback: Backend[];
  affinityMs: number | null;
}

export interface ProxyState {
  rr: [string, number][];
  affinity: [string, [number, { pod: string; until: number }][]][];
}

export class KubeProxy {
  private cache = new Map<string, ServiceBackends>();
  private rr = new Map<string, number>();
  private affinity = new Map<string, Map<number, { pod: string; until: number }>>();

  constructor(
    private readonly mode: ProxyMode,
    private readonly slices: () => EndpointSlice[],
    private readonly service: (name: string) => Service | undefined,
  ) {}

  /** Called on any EndpointSlice or Service change. */
  invalidate(service: string): void {
    this.cache.delete(service);
  }

  backends(service: string): ServiceBackends {
    let b = this.cache.get(service);
    if (b) return b;
    const ready: Backend[] = [];
    const fallback: Backend[] = [];
    for (const s of this.slices()) {
      if (s.metadata?.labels?.[SERVICE_NAME_LABEL] !== service) continue;
      for (const e of s.endpoints ?? []) {
        const be = { pod: e.targetRef?.name ?? '', ip: e.addresses[0] ?? '' };
        if (e.conditions?.ready) ready.push(be);
        else if (e.conditions?.serving && e.conditions.terminating) fallback.push(be);
      }
    }
    const svc = this.service(service);
    const affinityMs =
      svc?.spec?.sessionAffinity === 'ClientIP'
        ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000
        : null;
    b = { ready, fallback, affinityMs };
    this.cache.set(service, b);
    return b;
  }

  /** The endpoints traffic may use right now (ready, else serving-terminating). */
  usable(service: string): Backend[] {
    const b = this.backends(service);
    return b.ready.length ? b.ready : b.fallback;
  }

  /** Backend for one new connection from `client` at `now`; null when none is usable. */
  pick(service: string, client: number, now: number, rng: Rng): Backend | null {
    const b = this.backends(service);
    const list = b.ready.length ? b.ready : b.fallback;
    if (list.length === 0) return null;
    if (b.affinityMs !== null) {
      let m = this.affinity.get(service);
      if (!m) this.affinity.set(service, (m = new Map()));
      const stuck = m.get(client);
      if (stuck && stuck.until > now) {
        const be = list.find((x) => x.pod === stuck.pod);
        if (be) {
          stuck.until = now + b.affinityMs;
          return be;
        }
      }
      const be = this.choose(service, list, rng);
      m.set(client, { pod: be.pod, until: now + b.affinityMs });
      return be;
    }
    return this.choose(service, list, rng);
  }

  /**
   * `n` new connections spread over the usable endpoints without affinity, in O(min(n, E)):
   * multinomial for iptables, even shares for IPVS round robin.
   */
  spread(service: string, n: number, rng: Rng): Map<Backend, number> {
    const list = this.usable(service);
    const out = new Map<Backend, number>();
    const e = list.length;
    if (e === 0 || n === 0) return out;
    if (this.mode === 'ipvs') {
      let cursor = this.rr.get(service) ?? 0;
      const base = Math.floor(n / e);
      const extra = n % e;
      for (let i = 0; i < e; i++) {
        const be = list[(cursor + i) % e] as Backend;
        const c = base + (i < extra ? 1 : 0);
        if (c) out.set(be, c);
      }
      cursor = (cursor + n) % e;
      this.rr.set(service, cursor);
      return out;
    }
    // Picking one by one is cheaper than a binomial per endpoint until n is well above e.
    if (n < 4 * e) {
      for (let i = 0; i < n; i++) {
        const be = list[rng.int(e)] as Backend;
        out.set(be, (out.get(be) ?? 0) + 1);
      }
      return out;
    }
    let remaining = n;
    for (let i = 0; i < e && remaining > 0; i++) {
      const c = i === e - 1 ? remaining : rng.binomial(remaining, 1 / (e - i));
      if (c) out.set(list[i] as Backend, c);
      remaining -= c;
    }
    return out;
  }

  hasAffinity(service: string): boolean {
    return this.backends(service).affinityMs !== null;
  }

  snapshot(): ProxyState {
    return {
      rr: [...this.rr],
      affinity: [...this.affinity].map(([s, m]) => [s, [...m].map(([c, v]) => [c, { ...v }])]),
    };
  }

  restore(s: ProxyState): void {
    this.cache.clear();
    this.rr = new Map(s.rr);
    this.affinity = new Map(
      s.affinity.map(([k, entries]) => [k, new Map(entries.map(([c, v]) => [c, { ...v }]))]),
    );
  }

  private choose(service: string, list: Backend[], rng: Rng): Backend {
    if (this.mode === 'ipvs') {
      const cursor = this.rr.get(service) ?? 0;
      this.rr.set(service, (cursor + 1) % list.length);
      return list[cursor % list.length] as Backend;
    }
    return list[rng.int(list.length)] as Backend;
  }
}
