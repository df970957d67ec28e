/**
 * Request rates for the stage, measured on fixed windows of simulated time. The session closes
 * a window at every chart step (CHART_STEP_MS); every rate the UI shows is a sum over the
 * latest closed windows divided by the time they cover. So the rates at t are the same however
 * time got to t (Play at any speed, Step, a seek), which counts per frame never are.
 */
import type { Pod } from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type { TrafficCounters } from '../traffic/metrics';
import { controllerRef } from '../api/podIndex';
import { measureRoutes, type RuleCounts, type VirtualServiceView } from './routeView';
import { sameView } from './sameView';

/** Simulated ms the clients' and the workloads' rates cover (the arrows' labels). */
export const RATE_WINDOW_MS = 2_000;
/** Simulated ms the route box's measured split covers at most. */
export const ROUTE_WINDOW_MS = 10_000;

export interface RatesView {
  /** Simulated ms at which the newest window closed (0 before the first). */
  t: number;
  /** Simulated ms that `rps` and `byOwner` cover: RATE_WINDOW_MS once that much has passed. */
  ms: number;
  /** Client requests per second. */
  rps: number;
  /**
   * Requests per second that reached the pods of each owner: a ReplicaSet's or
   * ReplicationController's name, '' for pods without one.
   */
  byOwner: Record<string, number>;
  /** The VirtualService the clients' requests go through, measured; null without one. */
  route: RouteRates | null;
  /** Mirrored copies since the start, as of the latest close; null (or absent) while none was made. */
  mirror?: MirrorTotals | null;
}

/** What the mirror targets did with the copies since the start (clients never see these). */
export interface MirrorTotals {
  copies: number;
  /** Copies a pod answered (ok or app-error), by its image. */
  byImage: Record<string, number>;
  /** Copies that failed at the mirror target, by kind. */
  errors: { 'no-endpoints': number; refused: number; 'app-error': number };
}

export interface RouteRates {
  name: string;
  /**
   * Simulated ms measured: since its routes (or which clients take them) last changed, so new
   * weights are measured from then on, not mixed with the old ones; at most ROUTE_WINDOW_MS.
   */
  ms: number;
  /** Per http rule, per second: requests taken, per destination, mirrored copies. */
  rules: RuleCounts[];
}

interface Window {
  requests: number;
  byOwner: Record<string, number>;
}

/** What the rates depend on, kept in checkpoints so a seek back measures as playing did. */
export interface RateState {
  t: number;
  windows: Window[];
  /** The active VirtualService's name and what its counts depend on, at the latest close. */
  route: { name: string; config: unknown } | null;
  routeWindows: RuleCounts[][];
  /** Each pod's owner at the latest close: a pod gone since still counts for its owner. */
  owners: Record<string, string>;
  mirror: MirrorTotals | null;
}

function emptyState(): RateState {
  return { t: 0, windows: [], route: null, routeWindows: [], owners: {}, mirror: null };
}

function copyState(s: RateState): RateState {
  return {
    t: s.t,
    windows: s.windows.map((w) => ({ requests: w.requests, byOwner: { ...w.byOwner } })),
    route: s.route,
    routeWindows: s.routeWindows.map((rules) =>
      rules.map((r) => ({ ...r, destinations: [...r.destinations] })),
    ),
    owners: { ...s.owners },
    mirror: s.mirror && {
      copies: s.mirror.copies,
      byImage: { ...s.mirror.byImage },
      errors: { ...s.mirror.errors },
    },
  };
}

/** What a route's measured split depends on: matches, who takes them, destinations, mirrors. */
function routeConfig(vs: VirtualServiceView): unknown {
  return vs.http.map((r) => [
    r.match,
    r.segments,
    r.destinations.map((d) => [d.service, d.subset, d.weight]),
    r.mirror && [r.mirror.service, r.mirror.subset, r.mirror.percent],
  ]);
}

/** Three decimals keep frames small and rates stable. */
const round = (n: number): number => Math.round(n * 1000) / 1000;

export class RateWindows {
  private readonly stepMs: number;
  private state = emptyState();
  private latest: RatesView;

  /** `stepMs`: the simulated ms between two closes. */
  constructor(stepMs: number) {
    this.stepMs = stepMs;
    this.latest = this.build();
  }

  /** Closes the window ending now; `before` holds the counters at the previous close. */
  close(cluster: ClusterReader, before: Readonly<TrafficCounters>): void {
    const s = this.state;
    const c = cluster.traffic.counters;
    const byPod: Record<string, number> = {};
    for (const [pod, n] of Object.entries(c.byPod)) {
      const d = n - (before.byPod[pod] ?? 0);
      if (d > 0) byPod[pod] = d;
    }
    const owners: Record<string, string> = {};
    for (const p of cluster.list<Pod>('Pod'))
      owners[p.metadata?.name ?? ''] = controllerRef(p)?.name ?? '';
    const byOwner: Record<string, number> = {};
    for (const [pod, n] of Object.entries(byPod)) {
      const owner = owners[pod] ?? s.owners[pod] ?? '';
      byOwner[owner] = (byOwner[owner] ?? 0) + n;
    }
    const keep = Math.max(1, Math.round(RATE_WINDOW_MS / this.stepMs));
    s.windows = [...s.windows, { requests: c.requests - before.requests, byOwner }].slice(-keep);
    s.owners = owners;
    s.t = cluster.now;
    s.mirror =
      c.mirrored > 0
        ? {
            copies: c.mirrored,
            byImage: { ...c.mirroredByImage },
            errors: {
              'no-endpoints': c.mirroredNoEndpoints,
              refused: c.mirroredRefused,
              'app-error': c.mirroredAppError,
            },
          }
        : null;

    const spec = cluster.traffic.current;
    const measured = measureRoutes(
      cluster,
      spec?.target || null,
      spec?.segments ?? [],
      byPod,
      c.mirrored - before.mirrored,
    );
    if (!measured) {
      s.route = null;
      s.routeWindows = [];
    } else {
      const route = { name: measured.view.name, config: routeConfig(measured.view) };
      const same = s.route?.name === route.name && sameView(s.route.config, route.config);
      // A window in which the routes changed mixes old and new: measuring starts after it.
      if (!same) s.routeWindows = [];
      else {
        const most = Math.max(1, Math.round(ROUTE_WINDOW_MS / this.stepMs));
        s.routeWindows = [...s.routeWindows, measured.counts.rules].slice(-most);
      }
      s.route = route;
    }
    this.latest = this.build();
  }

  /** The rates as of the latest close: the same object until the next one. */
  view(): RatesView {
    return this.latest;
  }

  snapshot(): RateState {
    return copyState(this.state);
  }

  restore(s: RateState): void {
    this.state = copyState(s);
    this.latest = this.build();
  }

  private build(): RatesView {
    const s = this.state;
    const ms = s.windows.length * this.stepMs;
    const perSecond = (n: number) => (ms > 0 ? round((n * 1000) / ms) : 0);
    const byOwner: Record<string, number> = {};
    for (const w of s.windows)
      for (const [owner, n] of Object.entries(w.byOwner))
        byOwner[owner] = (byOwner[owner] ?? 0) + n;
    for (const owner of Object.keys(byOwner)) byOwner[owner] = perSecond(byOwner[owner]!);
    return {
      t: s.t,
      ms,
      rps: perSecond(s.windows.reduce((a, w) => a + w.requests, 0)),
      byOwner,
      route: s.route && this.routeRates(s.route.name, s.routeWindows),
      mirror: s.mirror,
    };
  }

  private routeRates(name: string, windows: RuleCounts[][]): RouteRates {
    const ms = windows.length * this.stepMs;
    const perSecond = (n: number) => (ms > 0 ? round((n * 1000) / ms) : 0);
    const sum = (pick: (rules: RuleCounts[]) => number) =>
      perSecond(windows.reduce((a, rules) => a + pick(rules), 0));
    const rules = (windows[0] ?? []).map((r, i) => ({
      requests: sum((w) => w[i]?.requests ?? 0),
      destinations: r.destinations.map((_, j) => sum((w) => w[i]?.destinations[j] ?? 0)),
      mirrored: sum((w) => w[i]?.mirrored ?? 0),
    }));
    return { name, ms, rules };
  }
}
