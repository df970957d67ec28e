/**
 * The traffic generator: Poisson arrivals from `clients` client IPs to `traffic.target`,
 * routed by kube-proxy. Between two simulation events the cluster does not change, so each
 * stretch [from, to) is generated in one go: request by request at low counts (exact arrival
 * times, sampled for the stage), per endpoint in bulk at high counts (same expected outcomes),
 * so 10 000 rps costs little more than 100 rps.
 */
import type { Rng } from '../core/rng';
import type { TrafficSpec } from '../scenario/types';
import type { KubeProxy, Backend } from '../network/kubeProxy';
import type { Outcome, TrafficCounters } from './metrics';
import { addOutcome, emptyCounters } from './metrics';

/** Traffic is generated in pieces no longer than this (and cut at its multiples). */
export const TICK_MS = 100;

/** Above this many requests in one stretch, requests are counted per endpoint, not one by one. */
const INDIVIDUAL_LIMIT = 48;
const RECENT_LIMIT = 256;

/** How a pod serves: from when it accepts connections in the stretch, and its app behaviour. */
export interface PodServe {
  /** The pod accepts connections from this instant on (within the stretch); null = not at all. */
  acceptFrom: number | null;
  image: string;
  errorRate: number;
}

export interface RequestSample {
  t: number;
  client: number;
  segment: number;
  pod: string | null;
  outcome: Outcome;
}

export interface TrafficWorld {
  proxy: KubeProxy;
  /** The Service that serves `target` (a Service name today; a mesh host later). */
  serviceFor(target: string): string | null;
  serve(pod: string): PodServe | undefined;
}

export class TrafficGenerator {
  counters: TrafficCounters = emptyCounters();
  recent: RequestSample[] = [];
  private lastT = 0;
  private hadEndpoints = false;
  private segmentOf: number[] = [];

  constructor(
    private spec: TrafficSpec | null,
    private readonly rng: Rng,
  ) {
    this.layoutClients();
  }

  get current(): TrafficSpec | null {
    return this.spec;
  }

  /** A `traffic` step or the request-rate slider: fields change from now on. */
  update(patch: Partial<TrafficSpec>): void {
    const base: TrafficSpec = this.spec ?? { target: '', rps: 0, clients: 100, segments: [] };
    this.spec = { ...base, ...patch };
    this.layoutClients();
  }

  /** Simulated ms up to which requests have been generated. */
  get flushedTo(): number {
    return this.lastT;
  }

  /**
   * Generates the requests of [lastT, to) against the cluster as it is now, in pieces cut at
   * every TICK_MS boundary: the cuts (and so the random draws) depend only on simulated time and
   * the simulation's own events, never on how a caller steps through time.
   */
  flush(to: number, world: TrafficWorld): void {
    while (this.lastT < to) {
      const next = Math.min(to, (Math.floor(this.lastT / TICK_MS) + 1) * TICK_MS);
      this.flushPiece(next, world);
    }
  }

  private flushPiece(to: number, world: TrafficWorld): void {
    const from = this.lastT;
    this.lastT = to;
    const spec = this.spec;
    if (!spec || !spec.target) return;
    const service = world.serviceFor(spec.target);
    const usable = service ? world.proxy.usable(service) : [];
    if (service && world.proxy.backends(service).ready.length > 0) this.hadEndpoints = true;
    else if (this.hadEndpoints) this.counters.downtimeMs += to - from;
    // Clients start once the target has first served: a scenario's boot is not a rollout's
    // downtime, and its errors would drown the rollout's in every summary.
    if (spec.rps <= 0 || !this.hadEndpoints) return;
    const n = this.rng.poisson((spec.rps * (to - from)) / 1000);
    if (n === 0) return;
    if (!service || usable.length === 0) {
      addOutcome(this.counters, 'no-endpoints', n);
      this.sample(from, to, Math.min(n, 4), null, 'no-endpoints');
      return;
    }
    if (n <= INDIVIDUAL_LIMIT || world.proxy.hasAffinity(service)) {
      if (n <= INDIVIDUAL_LIMIT) return this.oneByOne(from, to, n, service, world);
      return this.byClient(from, to, n, service, world);
    }
    for (const [be, c] of world.proxy.spread(service, n, this.rng))
      this.serveBulk(from, to, be, c, world);
  }

  private oneByOne(
    from: number,
    to: number,
    n: number,
    service: string,
    world: TrafficWorld,
  ): void {
    const clients = this.spec?.clients ?? 1;
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(from + this.rng.next() * (to - from));
    times.sort((a, b) => a - b);
    for (const t of times) {
      const client = this.rng.int(clients);
      const be = world.proxy.pick(service, client, t, this.rng);
      let outcome: Outcome = 'no-endpoints';
      let image: string | undefined;
      if (be) {
        const s = world.serve(be.pod);
        if (!s || s.acceptFrom === null || t < s.acceptFrom) outcome = 'refused';
        else outcome = this.rng.chance(s.errorRate) ? 'app-error' : 'ok';
        image = s?.image;
      }
      addOutcome(this.counters, outcome, 1, image, be?.pod);
      this.push({
        t,
        client,
        segment: this.segmentOf[client] ?? -1,
        pod: be?.pod ?? null,
        outcome,
      });
    }
  }

  /** Session affinity at high rates: requests split over clients, each client keeps its backend. */
  private byClient(
    from: number,
    to: number,
    n: number,
    service: string,
    world: TrafficWorld,
  ): void {
    const clients = this.spec?.clients ?? 1;
    const perBackend = new Map<Backend, number>();
    let remaining = n;
    for (let c = 0; c < clients && remaining > 0; c++) {
      const k = c === clients - 1 ? remaining : this.rng.binomial(remaining, 1 / (clients - c));
      remaining -= k;
      if (!k) continue;
      const be = world.proxy.pick(service, c, from, this.rng);
      if (be) perBackend.set(be, (perBackend.get(be) ?? 0) + k);
    }
    for (const [be, c] of perBackend) this.serveBulk(from, to, be, c, world);
  }

  private serveBulk(
    from: number,
    to: number,
    be: Backend,
    count: number,
    world: TrafficWorld,
  ): void {
    const s = world.serve(be.pod);
    let refused = count;
    if (s && s.acceptFrom !== null && s.acceptFrom < to) {
      const acceptShare = s.acceptFrom <= from ? 1 : (to - s.acceptFrom) / (to - from);
      refused = count - this.rng.binomial(count, acceptShare);
    }
    const served = count - refused;
    const errors = s ? this.rng.binomial(served, s.errorRate) : 0;
    addOutcome(this.counters, 'refused', refused, s?.image, be.pod);
    addOutcome(this.counters, 'app-error', errors, s?.image, be.pod);
    addOutcome(this.counters, 'ok', served - errors, s?.image, be.pod);
    // One representative request per endpoint and stretch keeps the stage's sample bounded.
    const outcome: Outcome =
      served === 0 ? 'refused' : this.rng.chance(errors / served) ? 'app-error' : 'ok';
    const client = this.rng.int(this.spec?.clients ?? 1);
    const t = from + this.rng.next() * (to - from);
    this.push({ t, client, segment: this.segmentOf[client] ?? -1, pod: be.pod, outcome });
  }

  private sample(from: number, to: number, k: number, pod: string | null, outcome: Outcome): void {
    for (let i = 0; i < k; i++) {
      const client = this.rng.int(this.spec?.clients ?? 1);
      this.push({
        t: from + this.rng.next() * (to - from),
        client,
        segment: this.segmentOf[client] ?? -1,
        pod,
        outcome,
      });
    }
  }

  private push(r: RequestSample): void {
    this.recent.push(r);
    if (this.recent.length > RECENT_LIMIT * 2) this.recent = this.recent.slice(-RECENT_LIMIT);
  }

  /** Clients are split over segments in the exact proportions (rounded), in segment order. */
  private layoutClients(): void {
    const clients = this.spec?.clients ?? 0;
    this.segmentOf = new Array<number>(clients).fill(-1);
    let start = 0;
    let acc = 0;
    (this.spec?.segments ?? []).forEach((seg, i) => {
      acc += seg.share;
      const end = Math.min(clients, Math.round(acc * clients));
      for (let c = start; c < end; c++) this.segmentOf[c] = i;
      start = end;
    });
  }

  snapshot() {
    return {
      spec: this.spec,
      counters: {
        ...this.counters,
        byImage: { ...this.counters.byImage },
        byPod: { ...this.counters.byPod },
      },
      lastT: this.lastT,
      hadEndpoints: this.hadEndpoints,
    };
  }

  restore(s: ReturnType<TrafficGenerator['snapshot']>): void {
    this.spec = s.spec;
    this.counters = {
      ...s.counters,
      byImage: { ...s.counters.byImage },
      byPod: { ...s.counters.byPod },
    };
    this.lastT = s.lastT;
    this.hadEndpoints = s.hadEndpoints;
    this.recent = [];
    this.layoutClients();
  }
}
