/**
 * What the UI sees of the cluster at one instant: plain, structured-cloneable views built from
 * the API objects, plus what happened since the previous frame (events, commands, sampled
 * requests). Frames carry whole state (pods, ReplicaSets ...) and the log as increments; the
 * store keeps unchanged views by identity.
 */
import type {
  Deployment,
  EndpointSlice,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../api/objects';
import type { Engine } from '../engine/engine';
import type {
  CommandRecord,
  DeploymentSample,
  EventRecord,
  TrafficSample,
} from '../runner/runResult';
import type { RequestSample } from '../traffic/generator';
import { controllerRef } from '../api/podIndex';
import { isAvailable, isReady } from '../api/podState';
import { podStatusColumn } from '../kubectl/print/podStatus';
import { deploymentSample, replicaSetSample } from '../runner/sample';
import { deploymentRolloutStatus } from '../kubectl/rolloutStatus';
import { SERVICE_NAME_LABEL } from '../controllers/endpointSlice';
import { copyCounters, diffSample, type TrafficCounters } from '../traffic/metrics';
import { fromTimestamp } from '../core/time';
import { routeViews, type VirtualServiceView } from './routeView';
import { segmentViews, type SegmentView } from './segmentView';
import { rolloutViews, type RolloutView } from './rolloutView';

export type {
  HttpRouteView,
  MirrorView,
  RouteDestinationView,
  VirtualServiceView,
} from './routeView';
export type { SegmentView } from './segmentView';

export interface PodView {
  name: string;
  uid: string;
  /** Controlling ReplicaSet or ReplicationController name. */
  owner: string | null;
  deployment: string | null;
  image: string;
  /** kubectl's STATUS column. */
  status: string;
  ready: boolean;
  available: boolean;
  terminating: boolean;
  /** The app accepts connections (it may be Ready before it does, without a probe). */
  accepting: boolean;
  node: string | null;
  restarts: number;
  /** Simulated ms. */
  createdAt: number;
}

export interface ReplicaSetView {
  name: string;
  kind: 'ReplicaSet' | 'ReplicationController';
  deployment: string | null;
  revision: number | null;
  images: string[];
  desired: number;
  current: number;
  ready: number;
  available: number;
  createdAt: number;
  /** Pods it controls, oldest first. */
  pods: string[];
}

export interface DeploymentView extends DeploymentSample {
  /** The values as written in the spec (maxSurge "25%"). */
  spec: {
    replicas: number;
    maxSurge: number | string | null;
    maxUnavailable: number | string | null;
    minReadySeconds: number;
    progressDeadlineSeconds: number | null;
  };
  /** Container names of the pod template, in order (what `set image` addresses). */
  containers: string[];
  /** `kubectl rollout status` line (without the trailing newline). */
  rolloutStatus: string;
  /** The controller's latest scaling decision in words, with its time (ms). */
  decision: { t: number; text: string } | null;
  /** What the controller waits for now (set when its latest sync changed nothing). */
  waiting: { t: number; text: string } | null;
}

export interface EndpointView {
  pod: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** How client traffic reaches a Service. */
export type ServiceTraffic =
  /** The traffic target itself (no VirtualService in between). */
  | 'target'
  /** A destination of the VirtualService that covers the target. */
  | 'route'
  /** Only a mirror of that VirtualService: it gets copies whose responses are dropped. */
  | 'mirror'
  /** No client requests (a preview Service, or one nothing sends to). */
  | 'none';

export interface ServiceView {
  name: string;
  selector: Record<string, string>;
  sessionAffinity: string;
  endpoints: EndpointView[];
  traffic: ServiceTraffic;
  /**
   * The selector before its latest change and when the change was seen (simulated ms), so the
   * stage can show a blue/green switch; null until it changes while frames are being built
   * (a seek back starts over).
   */
  previousSelector: Record<string, string> | null;
  selectorChangedAt: number | null;
}

export interface Frame {
  /** Simulated ms. */
  t: number;
  /** Increases with every frame built from one session. */
  seq: number;
  /**
   * On the wire: the pods that are new or changed since the previous frame (all of them on the
   * first frame of a cursor); the store rebuilds the full list in creation order.
   */
  pods: PodView[];
  /** Pods gone since the previous frame. */
  removedPods: string[];
  replicaSets: ReplicaSetView[];
  deployments: DeploymentView[];
  services: ServiceView[];
  /** Images in order of first appearance: colour i belongs to images[i]. */
  images: string[];
  traffic: {
    target: string | null;
    rps: number;
    /** Counts since the previous frame. */
    interval: TrafficSample;
    /** Simulated ms the interval covers. */
    intervalMs: number;
    /** Requests per endpoint since the previous frame. */
    byPod: Record<string, number>;
  };
  /** Sampled requests since the previous frame (at most MAX_DOTS). */
  requests: RequestSample[];
  /**
   * Every VirtualService with its http routes in order; the one covering `traffic.target` is
   * `active` and carries the requests measured per route and destination since the previous
   * frame.
   */
  routes: VirtualServiceView[];
  /** The traffic's client segments; a request's `segment` indexes this list (-1: none). */
  segments: SegmentView[];
  /** Argo Rollouts with their steps, pause, analysis and services (src/sim/view/rolloutView.ts). */
  rollouts: RolloutView[];
  /** New since the previous frame. */
  events: EventRecord[];
  commands: CommandRecord[];
  /** Earlier commands whose output grew since (a watching `rollout status`), by index. */
  commandUpdates: { index: number; output: string; exitCode: number }[];
  /** Caption of the latest scenario step that had one. */
  caption: string | null;
}

export const MAX_DOTS = 400;

/** Where the previous frame left off in the engine's logs and counters. */
export interface FrameCursor {
  seq: number;
  t: number;
  /** Traffic generated up to here (simulated ms). */
  flushed: number;
  events: number;
  commands: number;
  /** Output length and exit code of each command already sent, to send only what grew. */
  commandState: string[];
  counters: TrafficCounters;
  images: string[];
  /** What each pod looked like in the last frame sent (a signature), to send only changes. */
  sent: Map<string, string>;
  /** Each Service's selector as last seen, with its previous value and when it changed. */
  selectors: Map<string, SelectorState>;
}

interface SelectorState {
  key: string;
  selector: Record<string, string>;
  previous: Record<string, string> | null;
  changedAt: number | null;
}

export function initialCursor(engine: Engine): FrameCursor {
  return {
    seq: 0,
    t: engine.now,
    flushed: engine.traffic.flushedTo,
    events: 0,
    commands: 0,
    commandState: [],
    counters: copyCounters(engine.traffic.counters),
    images: [],
    sent: new Map(),
    selectors: new Map(),
  };
}

export function buildFrame(
  engine: Engine,
  cursor: FrameCursor,
): { frame: Frame; cursor: FrameCursor } {
  const now = engine.now;
  const podsRaw = engine.list<Pod>('Pod');
  const pods = podsRaw.map((p) => podView(engine, p, now));
  const rsRaw = [
    ...engine.list<ReplicaSet>('ReplicaSet'),
    ...engine.list<ReplicationController>('ReplicationController'),
  ];
  const podsByOwner = new Map<string, string[]>();
  for (const p of pods)
    if (p.owner) podsByOwner.set(p.owner, [...(podsByOwner.get(p.owner) ?? []), p.name]);
  const replicaSets = rsRaw.map((rs) => {
    const s = replicaSetSample(rs);
    const owner = controllerRef(rs);
    return {
      name: s.name,
      kind: s.kind,
      deployment: owner?.kind === 'Deployment' ? owner.name : null,
      revision: s.revision,
      images: s.images,
      desired: s.desired,
      current: s.current,
      ready: s.ready,
      available: s.available,
      createdAt: fromTimestamp(rs.metadata?.creationTimestamp) ?? 0,
      pods: podsByOwner.get(s.name) ?? [],
    } satisfies ReplicaSetView;
  });
  const deployments = engine.list<Deployment>('Deployment').map((d) => deploymentView(engine, d));
  const rawServices = engine.list<Service>('Service');
  const images = [...cursor.images];
  const seen = new Set(images);
  const note = (img: string) => {
    if (!seen.has(img)) {
      seen.add(img);
      images.push(img);
    }
  };
  for (const rs of replicaSets) rs.images.forEach(note);
  for (const p of pods) note(p.image);
  const counters = copyCounters(engine.traffic.counters);
  const byPod: Record<string, number> = {};
  for (const [pod, n] of Object.entries(counters.byPod)) {
    const d = n - (cursor.counters.byPod[pod] ?? 0);
    if (d > 0) byPod[pod] = d;
  }
  const spec = engine.traffic.current;
  const interval = diffSample(counters, cursor.counters);
  const target = spec?.target || null;
  const routes = routeViews(engine, target, spec?.segments ?? [], byPod, interval.mirrored);
  const selectors = new Map<string, SelectorState>();
  const services = rawServices.map((svc) => {
    const view = serviceView(engine, svc, target, routes);
    const key = JSON.stringify(view.selector);
    const before = cursor.selectors.get(view.name);
    const state: SelectorState =
      !before || before.key === key
        ? (before ?? { key, selector: view.selector, previous: null, changedAt: null })
        : { key, selector: view.selector, previous: before.selector, changedAt: now };
    selectors.set(view.name, state);
    view.previousSelector = state.previous;
    view.selectorChangedAt = state.changedAt;
    return view;
  });
  const flushed = engine.traffic.flushedTo;
  const requests = engine.traffic.recent.filter((r) => r.t >= cursor.flushed && r.t < flushed);
  const commandState = engine.commands.map((c) => `${c.output.length}|${c.exitCode}`);
  const sent = new Map<string, string>();
  const changed: PodView[] = [];
  for (const p of pods) {
    const sig = podSignature(p);
    sent.set(p.name, sig);
    if (cursor.sent.get(p.name) !== sig) changed.push(p);
  }
  const removedPods = [...cursor.sent.keys()].filter((name) => !sent.has(name));
  const frame: Frame = {
    t: now,
    seq: cursor.seq + 1,
    pods: changed,
    removedPods,
    replicaSets,
    deployments,
    services,
    images,
    traffic: {
      target: spec?.target ?? null,
      rps: spec?.rps ?? 0,
      interval,
      intervalMs: now - cursor.t,
      byPod,
    },
    requests: requests.length > MAX_DOTS ? requests.slice(-MAX_DOTS) : requests,
    routes,
    segments: segmentViews(spec?.segments ?? []),
    rollouts: rolloutViews(engine),
    events: engine.eventRecords(cursor.events),
    commands: engine.commands.slice(cursor.commands).map((c) => ({ ...c })),
    commandUpdates: commandState
      .map((state, index) => ({ state, index }))
      .filter(({ state, index }) => index < cursor.commands && state !== cursor.commandState[index])
      .map(({ index }) => ({
        index,
        output: engine.commands[index]?.output ?? '',
        exitCode: engine.commands[index]?.exitCode ?? 0,
      })),
    caption: engine.caption,
  };
  return {
    frame,
    cursor: {
      seq: frame.seq,
      t: now,
      flushed,
      events: engine.events.events.length,
      commands: engine.commands.length,
      commandState,
      counters,
      images,
      sent,
      selectors,
    },
  };
}

function podSignature(p: PodView): string {
  return `${p.uid}|${p.status}|${p.ready}|${p.available}|${p.terminating}|${p.accepting}|${p.node}|${p.restarts}|${p.image}|${p.owner}|${p.deployment}`;
}

function podView(engine: Engine, p: Pod, now: number): PodView {
  const owner = controllerRef(p);
  const rs = owner
    ? engine.store.get<ReplicaSet>(owner.kind as 'ReplicaSet', owner.name)
    : undefined;
  const rt = engine.kubelet.byName(p.metadata?.name ?? '');
  const accepting =
    !!rt &&
    rt.phase === 'running' &&
    !rt.sigterm &&
    rt.listeningAt !== null &&
    now >= rt.listeningAt;
  return {
    name: p.metadata?.name ?? '',
    uid: p.metadata?.uid ?? '',
    owner: owner?.name ?? null,
    deployment: engine.podCounts.deploymentOf(p) ?? null,
    image: p.spec?.containers[0]?.image ?? '',
    status: podStatusColumn(p),
    ready: isReady(p),
    available: isAvailable(p, rs?.spec?.minReadySeconds ?? 0, now),
    terminating: !!p.metadata?.deletionTimestamp,
    accepting,
    node: p.spec?.nodeName ?? null,
    restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
    createdAt: fromTimestamp(p.metadata?.creationTimestamp) ?? 0,
  };
}

function deploymentView(engine: Engine, d: Deployment): DeploymentView {
  const ru = d.spec?.strategy?.rollingUpdate;
  const status = deploymentRolloutStatus(d);
  return {
    ...deploymentSample(d),
    spec: {
      replicas: d.spec?.replicas ?? 1,
      maxSurge: ru?.maxSurge ?? null,
      maxUnavailable: ru?.maxUnavailable ?? null,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      progressDeadlineSeconds: d.spec?.progressDeadlineSeconds ?? null,
    },
    containers: (d.spec?.template?.spec?.containers ?? []).map((c) => c.name),
    rolloutStatus: (status.error ? `error: ${status.error}` : status.message).trimEnd(),
    decision: engine.decisions.get(d.metadata?.name ?? '')?.action ?? null,
    waiting: engine.decisions.get(d.metadata?.name ?? '')?.idle ?? null,
  };
}

function serviceTraffic(
  name: string,
  target: string | null,
  routes: readonly VirtualServiceView[],
): ServiceTraffic {
  const active = routes.find((vs) => vs.active);
  if (!active) return name === target ? 'target' : 'none';
  // Only routes some client takes count: a rule no segment matches sends nothing.
  const taken = active.http.filter((r) => r.share > 0);
  if (taken.some((r) => r.destinations.some((d) => d.service === name && d.weight > 0)))
    return 'route';
  if (taken.some((r) => r.mirror?.service === name && r.mirror.percent > 0)) return 'mirror';
  return 'none';
}

function serviceView(
  engine: Engine,
  svc: Service,
  target: string | null,
  routes: readonly VirtualServiceView[],
): ServiceView {
  const name = svc.metadata?.name ?? '';
  const endpoints: EndpointView[] = [];
  for (const s of engine.list<EndpointSlice>('EndpointSlice')) {
    if (s.metadata?.labels?.[SERVICE_NAME_LABEL] !== name) continue;
    for (const e of s.endpoints ?? []) {
      endpoints.push({
        pod: e.targetRef?.name ?? '',
        ready: !!e.conditions?.ready,
        serving: !!e.conditions?.serving,
        terminating: !!e.conditions?.terminating,
      });
    }
  }
  return {
    name,
    selector: svc.spec?.selector ?? {},
    sessionAffinity: svc.spec?.sessionAffinity ?? 'None',
    endpoints,
    traffic: serviceTraffic(name, target, routes),
    previousSelector: null,
    selectorChangedAt: null,
  };
}
