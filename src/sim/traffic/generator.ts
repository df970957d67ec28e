/**
 * The traffic generator: Poisson arrivals from `clients` client IPs to `traffic.target`,
 * routed by kube-proxy. Between two simulation events the cluster does not change, so each
 * stretch [from, to) is generated in one go: request by request at low counts (exact arrival
 * times, sampled for the stage), per endpoint in bulk at high counts (same expected outcomes),
 * so 10 000 rps costs little more than 100 rps.
 */
import type { Rng } from '../core/rng';
import type { TrafficSpec } from '../scenario/scenario';
import type { KubeProxy, Backend } from '../network/kubeProxy';
import type { Outcome, TrafficCounters } from './metrics';
import {
  addMirroredNoEndpoints,
  addMirroredServed,
  addOutcome,
  addServed,
  copyCounters,
  emptyCounters,
} from './metrics';

/** Traffic is generated in pieces no longer than this (and cut at its multiples). */
export const TICK_MS = 100;

/** Requests of a bulk stretch kept as samples for the stage's dots (the UI shows ≤ 400 at once). */
const BULK_SAMPLES = 6;

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
  /** The client's traffic segment (index into `traffic.segments`); -1 = in no segment. */
  segment: number;
  pod: string | null;
  outcome: Outcome;
  /** A mirrored copy: its outcome happened at the mirror target and no client saw it. */
  mirror?: true;
}

/** Where a request with given headers goes through the mesh: weighted destinations, each with its endpoints. */
export interface MeshDecision {
  destinations: { weight: number; backends: Backend[] }[];
  /** Share (0..1) of requests copied to the mirror; the copies never reach the client. */
  mirror: number;
  /** The mirror destination's endpoints (empty without a mirror, or when it has none). */
  mirrorBackends?: Backend[];
}

export interface MeshView {
  route(headers: Record<string, string>): MeshDecision | null;
  /** Some destination of some route has a ready endpoint. */
  serving: boolean;
}

export interface TrafficWorld {
  proxy: KubeProxy;
  /** The mesh's view of `target` when a VirtualService covers it; null = plain Service routing. */
  mesh(target: string): MeshView | null;
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
  private members = new Map<number, number[]>();

  /**
   * `mirrorRng` draws only what happens to mirrored copies at the mirror target, so counting
   * them leaves every draw of the clients' requests (and so the runner's other numbers) as it was.
   */
  constructor(
    private spec: TrafficSpec | null,
    private readonly rng: Rng,
    private readonly mirrorRng: Rng,
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
    const mesh = world.mesh(spec.target);
    if (mesh) return this.meshPiece(from, to, mesh, world);
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
    const spread = world.proxy.spread(service, n, this.rng);
    for (const [be, c] of spread) this.serveBulk(from, to, be, c, world);
    this.sampleSpread(from, to, spread, world);
  }

  /** A few representative requests of a bulk stretch, for the stage's dots. */
  private sampleSpread(
    from: number,
    to: number,
    spread: Map<Backend, number>,
    world: TrafficWorld,
    segment?: number,
  ): void {
    const entries = [...spread.keys()];
    for (let i = 0; i < Math.min(BULK_SAMPLES, entries.length); i++) {
      const be = entries[this.rng.int(entries.length)] as Backend;
      const s = world.serve(be.pod);
      const outcome: Outcome =
        !s || s.acceptFrom === null || s.acceptFrom >= to
          ? 'refused'
          : this.rng.chance(s.errorRate)
            ? 'app-error'
            : 'ok';
      const client = this.clientIn(segment);
      const t = from + this.rng.next() * (to - from);
      this.push({ t, client, segment: this.segmentOf[client] ?? -1, pod: be.pod, outcome });
    }
  }

  /**
   * Requests through the mesh: split over the client segments (their headers pick the route),
   * then over the route's destinations by weight, then evenly at random over each
   * destination's endpoints (Envoy's default balancing, as seen in aggregate).
   */
  private meshPiece(from: number, to: number, mesh: MeshView, world: TrafficWorld): void {
    const spec = this.spec;
    if (!spec) return;
    if (mesh.serving) this.hadEndpoints = true;
    else if (this.hadEndpoints) this.counters.downtimeMs += to - from;
    if (spec.rps <= 0 || !this.hadEndpoints) return;
    let remaining = this.rng.poisson((spec.rps * (to - from)) / 1000);
    const groups = this.segmentGroups();
    groups.forEach((g, gi) => {
      const n =
        gi === groups.length - 1
          ? remaining
          : this.rng.binomial(
              remaining,
              g.share / groups.slice(gi).reduce((a, x) => a + x.share, 0),
            );
      remaining -= n;
      if (n <= 0) return;
      const decision = mesh.route(g.headers);
      if (!decision) {
        addOutcome(this.counters, 'no-endpoints', n);
        this.sample(from, to, Math.min(n, 2), null, 'no-endpoints', g.segment);
        return;
      }
      const copies = this.rng.binomial(n, decision.mirror);
      this.counters.mirrored += copies;
      if (copies > 0)
        this.mirrorCopies(from, to, copies, decision.mirrorBackends ?? [], world, g.segment);
      let left = n;
      let weightLeft = decision.destinations.reduce((a, d) => a + d.weight, 0);
      for (const d of decision.destinations) {
        const k = weightLeft <= 0 ? 0 : this.rng.binomial(left, d.weight / weightLeft);
        weightLeft -= d.weight;
        left -= k;
        if (k <= 0) continue;
        if (d.backends.length === 0) {
          addOutcome(this.counters, 'no-endpoints', k);
          this.sample(from, to, Math.min(k, 2), null, 'no-endpoints', g.segment);
          continue;
        }
        // Envoy spreads a destination's requests over its endpoints; in aggregate, evenly at random.
        const spread = new Map<Backend, number>();
        for (let i = 0; i < k; i++) {
          const be = d.backends[this.rng.int(d.backends.length)] as Backend;
          spread.set(be, (spread.get(be) ?? 0) + 1);
        }
        for (const [be, c] of spread) this.serveBulk(from, to, be, c, world);
        this.sampleSpread(from, to, spread, world, g.segment);
      }
      if (left > 0) addOutcome(this.counters, 'no-endpoints', left);
    });
  }

  /**
   * What the mirror target does with the copies (Envoy fires and forgets them): spread evenly at
   * random over its endpoints, refused by a pod not yet accepting connections, answered with
   * the pod's error rate — counted in the mirrored counters only, and sampled for the stage.
   */
  private mirrorCopies(
    from: number,
    to: number,
    copies: number,
    backends: Backend[],
    world: TrafficWorld,
    segment: number,
  ): void {
    const rng = this.mirrorRng;
    if (backends.length === 0) {
      addMirroredNoEndpoints(this.counters, copies);
      this.pushMirror(from, to, null, 'no-endpoints', segment);
      return;
    }
    let left = copies;
    for (let i = 0; i < backends.length && left > 0; i++) {
      const be = backends[i] as Backend;
      const k = i === backends.length - 1 ? left : rng.binomial(left, 1 / (backends.length - i));
      left -= k;
      if (k <= 0) continue;
      const s = world.serve(be.pod);
      let refused = k;
      if (s && s.acceptFrom !== null && s.acceptFrom < to) {
        const acceptShare = s.acceptFrom <= from ? 1 : (to - s.acceptFrom) / (to - from);
        refused = k - rng.binomial(k, acceptShare);
      }
      const served = k - refused;
      const errors = s ? rng.binomial(served, s.errorRate) : 0;
      if (s) addMirroredServed(this.counters, s.image, served - errors, errors, refused);
      else this.counters.mirroredRefused += refused;
      // One dot per endpoint and piece, failing as often as its copies did.
      const u = rng.next() * k;
      const outcome: Outcome = u < refused ? 'refused' : u < refused + errors ? 'app-error' : 'ok';
      this.pushMirror(from, to, be.pod, outcome, segment);
    }
  }

  private pushMirror(
    from: number,
    to: number,
    pod: string | null,
    outcome: Outcome,
    segment: number,
  ): void {
    const rng = this.mirrorRng;
    const members = this.members.get(segment) ?? [];
    const client = members.length
      ? (members[rng.int(members.length)] ?? 0)
      : rng.int(this.spec?.clients ?? 1);
    const t = from + rng.next() * (to - from);
    this.push({ t, client, segment: this.segmentOf[client] ?? -1, pod, outcome, mirror: true });
  }

  /** Client segments with their share of clients; clients outside every segment form the last group. */
  private segmentGroups(): { segment: number; share: number; headers: Record<string, string> }[] {
    const clients = this.segmentOf.length || 1;
    const counts = new Map<number, number>();
    for (const s of this.segmentOf) counts.set(s, (counts.get(s) ?? 0) + 1);
    if (this.segmentOf.length === 0) counts.set(-1, 1);
    return [...counts].map(([segment, c]) => ({
      segment,
      share: c / clients,
      headers: segment >= 0 ? (this.spec?.segments[segment]?.headers ?? {}) : {},
    }));
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
    addServed(this.counters, be.pod, s?.image, served - errors, errors, refused);
  }

  /** A random client, from one segment when given (-1 = clients in no segment). */
  private clientIn(segment?: number): number {
    if (segment === undefined) return this.rng.int(this.spec?.clients ?? 1);
    const members = this.members.get(segment) ?? [];
    return members.length
      ? (members[this.rng.int(members.length)] ?? 0)
      : this.rng.int(this.spec?.clients ?? 1);
  }

  private sample(
    from: number,
    to: number,
    k: number,
    pod: string | null,
    outcome: Outcome,
    segment?: number,
  ): void {
    for (let i = 0; i < k; i++) {
      const client = this.clientIn(segment);
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
    this.members = new Map();
    this.segmentOf.forEach((seg, c) => {
      const m = this.members.get(seg);
      if (m) m.push(c);
      else this.members.set(seg, [c]);
    });
  }

  snapshot() {
    return {
      spec: this.spec,
      counters: copyCounters(this.counters),
      recent: this.recent.slice(),
      lastT: this.lastT,
      hadEndpoints: this.hadEndpoints,
      rng: this.rng.state(),
      mirrorRng: this.mirrorRng.state(),
    };
  }

  restore(s: ReturnType<TrafficGenerator['snapshot']>): void {
    this.spec = s.spec;
    this.counters = copyCounters(s.counters);
    this.recent = s.recent.slice();
    this.lastT = s.lastT;
    this.hadEndpoints = s.hadEndpoints;
    this.rng.setState(s.rng);
    this.mirrorRng.setState(s.mirrorRng);
    this.layoutClients();
  }
}
