/**
 * Builds the next frame from the cluster, read through ClusterReader only, and the cursor that
 * says where the previous one left off: each view list goes out only as far as it changed
 * (listChange.ts), the logs only from where they were, the rates only when a window closed.
 */
import { captionView } from './captionView';
import type { ClusterReader } from '../engine/clusterReader';
import type { FrameUpdate, FrameViews, ListChange } from './frame';
import type { RatesView } from './rateWindows';
import { listChange, NOTHING_SENT, type SentList } from './listChange';
import { routeViews } from './routeView';
import { segmentViews } from './segmentView';
import { rolloutViews } from './rolloutView';
import { autoscalerViews } from './autoscalerView';
import { clientViews } from './clientView';
import { objectTables } from './objectTables';
import { serviceViews, type SelectorState } from './serviceView';
import { deploymentViews, podViews, replicaSetViews } from './workloadViews';

export const MAX_DOTS = 400;
/**
 * The most events one frame carries: the newest ones. The store keeps this many (MAX_EVENTS in
 * src/store/applyFrame.ts), so older ones of a burst (10 000 pods scaled up in one tick log
 * some 30 000) would be copied across the worker boundary only to be dropped.
 */
export const MAX_FRAME_EVENTS = 2000;

/** How each list's items are told apart: the keys of ListChange. */
const KEYS: { [K in keyof FrameViews]: (item: FrameViews[K][number]) => string } = {
  pods: (p) => p.name,
  replicaSets: (rs) => `${rs.kind}/${rs.name}`,
  deployments: (d) => d.name,
  services: (s) => s.name,
  routes: (vs) => vs.name,
  segments: (s) => String(s.index),
  rollouts: (r) => r.name,
  autoscalers: (a) => a.name,
  images: (image) => image,
};

type SentViews = { [K in keyof FrameViews]: SentList<FrameViews[K][number]> };

/** Where the previous frame left off in the cluster's logs, and what it sent. */
export interface FrameCursor {
  seq: number;
  t: number;
  /** Traffic generated up to here (simulated ms). */
  flushed: number;
  events: number;
  commands: number;
  /** Output length and exit code of each command already sent, to send only what grew. */
  commandState: string[];
  /** The views last sent, list by list. */
  sent: SentViews;
  /** The rates last sent (a RateWindows view keeps its identity until a window closes). */
  rates: RatesView | null;
  /** Each Service's selector as last seen, with its previous value and when it changed. */
  selectors: ReadonlyMap<string, SelectorState>;
}

export function initialCursor(cluster: ClusterReader): FrameCursor {
  return {
    seq: 0,
    t: cluster.now,
    flushed: cluster.traffic.flushedTo,
    events: 0,
    commands: 0,
    commandState: [],
    sent: {
      pods: NOTHING_SENT,
      replicaSets: NOTHING_SENT,
      deployments: NOTHING_SENT,
      services: NOTHING_SENT,
      routes: NOTHING_SENT,
      segments: NOTHING_SENT,
      rollouts: NOTHING_SENT,
      autoscalers: NOTHING_SENT,
      images: NOTHING_SENT,
    },
    rates: null,
    selectors: new Map(),
  };
}

/** Images in order of first appearance, the ones seen in earlier frames first. */
function imageList(seen: readonly string[], views: Omit<FrameViews, 'images'>): string[] {
  const images = [...seen];
  const known = new Set(images);
  const note = (img: string) => {
    if (known.has(img)) return;
    known.add(img);
    images.push(img);
  };
  for (const rs of views.replicaSets) rs.images.forEach(note);
  for (const p of views.pods) note(p.image);
  return images;
}

function viewsOf(
  cluster: ClusterReader,
  cursor: FrameCursor,
): { views: FrameViews; selectors: Map<string, SelectorState> } {
  const spec = cluster.traffic.current;
  const target = spec?.target || null;
  const pods = podViews(cluster);
  const routes = routeViews(cluster, target, spec?.segments ?? []);
  const services = serviceViews(cluster, target, routes, pods, cursor.selectors);
  const views = {
    pods,
    replicaSets: replicaSetViews(cluster, pods),
    deployments: deploymentViews(cluster),
    services: services.views,
    routes,
    segments: segmentViews(spec?.segments ?? []),
    rollouts: rolloutViews(cluster),
    autoscalers: autoscalerViews(cluster),
  };
  const images = imageList(cursor.sent.images.keys, views);
  return { views: { ...views, images }, selectors: services.selectors };
}

/** The next frame (on the wire) and its cursor; `rates` are the session's latest. */
export function buildFrame(
  cluster: ClusterReader,
  cursor: FrameCursor,
  rates: RatesView,
): { frame: FrameUpdate; cursor: FrameCursor } {
  const now = cluster.now;
  const { views, selectors } = viewsOf(cluster, cursor);
  const sent = {} as SentViews;
  const changes = {} as { [K in keyof FrameViews]: ListChange<FrameViews[K][number]> };
  for (const k of Object.keys(KEYS) as (keyof FrameViews)[]) {
    const d = listChange<unknown>(cursor.sent[k], views[k], KEYS[k] as (item: unknown) => string);
    // Each list's key function, views and change belong to the same K.
    (sent as Record<string, unknown>)[k] = d.sent;
    (changes as Record<string, unknown>)[k] = d.change;
  }

  const flushed = cluster.traffic.flushedTo;
  const requests = cluster.traffic.recent.filter((r) => r.t >= cursor.flushed && r.t < flushed);
  const commands = cluster.commands;
  const commandState = commands.map((c) => `${c.output.length}|${c.exitCode}`);
  const spec = cluster.traffic.current;
  const frame: FrameUpdate = {
    ...changes,
    t: now,
    seq: cursor.seq + 1,
    since: cursor.t,
    full: cursor.seq === 0,
    traffic: { target: spec?.target ?? null, rps: spec?.rps ?? 0 },
    rates: rates === cursor.rates ? null : rates,
    requests: requests.length > MAX_DOTS ? requests.slice(-MAX_DOTS) : requests,
    events: cluster.eventRecords(Math.max(cursor.events, cluster.eventCount - MAX_FRAME_EVENTS)),
    commands: commands.slice(cursor.commands).map((c) => ({ ...c })),
    commandUpdates: commandState
      .map((state, index) => ({ state, index }))
      .filter(({ state, index }) => index < cursor.commands && state !== cursor.commandState[index])
      .map(({ index }) => ({
        index,
        output: commands[index]?.output ?? '',
        exitCode: commands[index]?.exitCode ?? 0,
      })),
    captionMoment: captionView(cluster),
    clients: clientViews(cluster),
    objects: objectTables(cluster),
  };
  return {
    frame,
    cursor: {
      seq: frame.seq,
      t: now,
      flushed,
      events: cluster.eventCount,
      commands: commands.length,
      commandState,
      sent,
      rates,
      selectors,
    },
  };
}
