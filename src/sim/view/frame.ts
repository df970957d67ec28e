/**
 * What the UI sees of the cluster at one instant: plain, structured-cloneable views built from
 * the API objects, plus what happened since the previous frame (events, commands, sampled
 * requests). Types only: the builder is buildFrame.ts, so the store and the UI can import these
 * without pulling the simulation into the main bundle.
 */
import type {
  CommandRecord,
  DeploymentSample,
  EventRecord,
  TrafficSample,
} from '../runner/runResult';
import type { RequestSample } from '../traffic/generator';
import type { VirtualServiceView } from './routeView';
import type { SegmentView } from './segmentView';
import type { RolloutView } from './rolloutView';

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
