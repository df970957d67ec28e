/**
 * Builds a Frame (frame.ts) from the cluster, read through ClusterReader only, and the cursor
 * that says where it left off, so the next frame carries only what happened since.
 */
import type {
  Deployment,
  EndpointSlice,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type {
  Frame,
  PodView,
  ReplicaSetView,
  DeploymentView,
  EndpointView,
  ServiceTraffic,
  ServiceView,
  VirtualServiceView,
} from './frame';
import { controllerRef } from '../api/podIndex';
import { isAvailable, isReady } from '../api/podState';
import { accepting } from '../controllers/kubelet/runtime';
import { podStatusColumn } from '../kubectl/print/podStatus';
import { deploymentSample, replicaSetSample } from '../runner/sample';
import { deploymentRolloutStatus } from '../kubectl/rolloutStatus';
import { SERVICE_NAME_LABEL } from '../controllers/endpointSlice';
import { copyCounters, diffSample, type TrafficCounters } from '../traffic/metrics';
import { fromTimestamp } from '../core/time';
import { routeViews } from './routeView';
import { segmentViews } from './segmentView';
import { rolloutViews } from './rolloutView';

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

export function initialCursor(cluster: ClusterReader): FrameCursor {
  return {
    seq: 0,
    t: cluster.now,
    flushed: cluster.traffic.flushedTo,
    events: 0,
    commands: 0,
    commandState: [],
    counters: copyCounters(cluster.traffic.counters),
    images: [],
    sent: new Map(),
    selectors: new Map(),
  };
}

export function buildFrame(
  cluster: ClusterReader,
  cursor: FrameCursor,
): { frame: Frame; cursor: FrameCursor } {
  const now = cluster.now;
  const podsRaw = cluster.list<Pod>('Pod');
  const pods = podsRaw.map((p) => podView(cluster, p, now));
  const rsRaw = [
    ...cluster.list<ReplicaSet>('ReplicaSet'),
    ...cluster.list<ReplicationController>('ReplicationController'),
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
  const deployments = cluster.list<Deployment>('Deployment').map((d) => deploymentView(cluster, d));
  const rawServices = cluster.list<Service>('Service');
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
  const counters = copyCounters(cluster.traffic.counters);
  const byPod: Record<string, number> = {};
  for (const [pod, n] of Object.entries(counters.byPod)) {
    const d = n - (cursor.counters.byPod[pod] ?? 0);
    if (d > 0) byPod[pod] = d;
  }
  const spec = cluster.traffic.current;
  const interval = diffSample(counters, cursor.counters);
  const target = spec?.target || null;
  const routes = routeViews(cluster, target, spec?.segments ?? [], byPod, interval.mirrored);
  const selectors = new Map<string, SelectorState>();
  const services = rawServices.map((svc) => {
    const view = serviceView(cluster, svc, target, routes);
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
  const flushed = cluster.traffic.flushedTo;
  const requests = cluster.traffic.recent.filter((r) => r.t >= cursor.flushed && r.t < flushed);
  const commandState = cluster.commands.map((c) => `${c.output.length}|${c.exitCode}`);
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
    rollouts: rolloutViews(cluster),
    events: cluster.eventRecords(cursor.events),
    commands: cluster.commands.slice(cursor.commands).map((c) => ({ ...c })),
    commandUpdates: commandState
      .map((state, index) => ({ state, index }))
      .filter(({ state, index }) => index < cursor.commands && state !== cursor.commandState[index])
      .map(({ index }) => ({
        index,
        output: cluster.commands[index]?.output ?? '',
        exitCode: cluster.commands[index]?.exitCode ?? 0,
      })),
    caption: cluster.caption,
  };
  return {
    frame,
    cursor: {
      seq: frame.seq,
      t: now,
      flushed,
      events: cluster.eventCount,
      commands: cluster.commands.length,
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

function podView(cluster: ClusterReader, p: Pod, now: number): PodView {
  const owner = controllerRef(p);
  const rs = owner ? cluster.get<ReplicaSet>(owner.kind as 'ReplicaSet', owner.name) : undefined;
  const rt = cluster.podRuntime(p.metadata?.name ?? '');
  return {
    name: p.metadata?.name ?? '',
    uid: p.metadata?.uid ?? '',
    owner: owner?.name ?? null,
    deployment: cluster.deploymentOf(p) ?? null,
    image: p.spec?.containers[0]?.image ?? '',
    status: podStatusColumn(p),
    ready: isReady(p),
    available: isAvailable(p, rs?.spec?.minReadySeconds ?? 0, now),
    terminating: !!p.metadata?.deletionTimestamp,
    accepting: !!rt && accepting(rt, now),
    node: p.spec?.nodeName ?? null,
    restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
    createdAt: fromTimestamp(p.metadata?.creationTimestamp) ?? 0,
  };
}

function deploymentView(cluster: ClusterReader, d: Deployment): DeploymentView {
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
    decision: cluster.decision(d.metadata?.name ?? '')?.action ?? null,
    waiting: cluster.decision(d.metadata?.name ?? '')?.idle ?? null,
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
  cluster: ClusterReader,
  svc: Service,
  target: string | null,
  routes: readonly VirtualServiceView[],
): ServiceView {
  const name = svc.metadata?.name ?? '';
  const endpoints: EndpointView[] = [];
  for (const s of cluster.list<EndpointSlice>('EndpointSlice')) {
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
