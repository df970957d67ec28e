/**
 * What the UI sees of the cluster at one instant: plain, structured-cloneable views built from
 * the API objects, rates over fixed windows of simulated time, and what happened since the
 * previous frame (events, commands, sampled requests). On the wire a frame is a FrameUpdate:
 * each view list only as far as it changed. Types only: the builder is buildFrame.ts, so the
 * store and the UI can import these without pulling the simulation into the main bundle.
 */
import type { CommandRecord, DeploymentSample, EventRecord } from '../runner/runResult';
import type { RequestSample } from '../traffic/generator';
import type { VirtualServiceView } from './routeView';
import type { SegmentView } from './segmentView';
import type { RolloutView } from './rolloutView';
import type { RatesView } from './rateWindows';
import type { AutoscalerView } from './autoscalerView';
import type { ClientView } from './clientView';
import type { ObjectTableView } from './objectTables';
import type { CaptionView } from './captionView';

export type {
  HttpRouteView,
  MirrorView,
  RouteDestinationView,
  VirtualServiceView,
} from './routeView';
export type { SegmentView } from './segmentView';
export type { RatesView, RouteRates } from './rateWindows';
export type { MirrorTotals } from './rateWindows';
export type { RuleCounts } from './routeView';
export type { AutoscalerDecisionView, AutoscalerView } from './autoscalerView';
export type { ClientControllerView, ClientScaleView, ClientView } from './clientView';
export type { ObjectTableView } from './objectTables';
export type { CaptionView } from './captionView';

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
  /** kubectl's READY column: ready containers over containers (`1/1`). */
  readyColumn: string;
  /** Simulated ms of the latest container restart (RESTARTS' "(15s ago)"); null: none. */
  lastRestartAt: number | null;
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
  /** Its controlling owner as `Kind/name` (metadata.ownerReferences); null: no controller owns it. */
  controller: string | null;
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
  /**
   * Set when its latest sync changed nothing: what it waits for (`idle`), or that the rollout is
   * complete or the Deployment paused.
   */
  waiting: { t: number; text: string; state: 'idle' | 'complete' | 'paused' } | null;
}

export interface EndpointView {
  pod: string;
  /** The pod's image ('' when the pod is gone), for the endpoint's version colour. */
  image: string;
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

/** The frame's views of the cluster, list by list. */
export interface FrameViews {
  /** In creation order. */
  pods: PodView[];
  replicaSets: ReplicaSetView[];
  deployments: DeploymentView[];
  services: ServiceView[];
  /** Every VirtualService with its http routes in order; the one covering the target is `active`. */
  routes: VirtualServiceView[];
  /** The traffic's client segments; a request's `segment` indexes this list (-1: none). */
  segments: SegmentView[];
  /** Argo Rollouts with their steps, pause, analysis and services (src/sim/view/rolloutView.ts). */
  rollouts: RolloutView[];
  /** HorizontalPodAutoscalers with their latest decision in numbers and words (autoscalerView.ts). */
  autoscalers: AutoscalerView[];
  /** Images in order of first appearance: colour i belongs to images[i]. */
  images: string[];
}

/**
 * One view list on the wire. null: nothing in it changed since the previous frame. Otherwise
 * the items that are new or changed since then with their keys (a pod's name, an image), and
 * every key in order when items came, went or moved (null: the same keys as before).
 */
export type ListChange<T> = { changed: [key: string, item: T][]; keys: string[] | null } | null;

/** A frame as the store holds it: every list whole. */
export interface Frame extends FrameViews {
  /** Simulated ms. */
  t: number;
  /** Increases with every frame built from one session. */
  seq: number;
  /** Simulated ms of the previous frame: `requests` and `events` happened after it. */
  since: number;
  traffic: {
    target: string | null;
    /** The configured request rate (what the clients send while the target serves). */
    rps: number;
  };
  /** Request rates over the latest fixed windows of simulated time (rateWindows.ts). */
  rates: RatesView;
  /** Sampled requests since the previous frame (at most MAX_DOTS), for the stage's dots. */
  requests: RequestSample[];
  /** New since the previous frame. */
  events: EventRecord[];
  commands: CommandRecord[];
  /** Earlier commands whose output grew since (a watching `rollout status`), by index. */
  commandUpdates: { index: number; output: string; exitCode: number }[];
  /**
   * Caption of the latest scenario step that had one, with its time and when the moment it
   * narrates was over (captionView.ts).
   */
  captionMoment: CaptionView | null;
  /** kubectl commands that run on the client (rolling-update), running and ended (clientView.ts). */
  clients: ClientView[];
  /** `kubectl get` tables of every kind but pods, for the text view (objectTables.ts). */
  objects: ObjectTableView[];
}

/** A frame on the wire: each view list and the rates only as far as they changed. */
export type FrameUpdate = Omit<Frame, keyof FrameViews | 'rates'> & {
  [K in keyof FrameViews]: ListChange<FrameViews[K][number]>;
} & {
  /** The first frame after a (re)start: every list is whole; drop what was kept before. */
  full: boolean;
  /** null: the same rates as the previous frame (no window closed since). */
  rates: RatesView | null;
};
