/**
 * What the views (view/), the runner's samples (runner/) and a session may read of a running
 * cluster: a small, named, read-only interface, so they never reach into the engine's fields
 * and the engine can change its insides without touching them. The Engine implements it.
 */
import type { IdleState } from '../controllers/context';
import type { Kind, KubeObject, Pod } from '../api/objects';
import type { PodRuntime } from '../controllers/kubelet/runtime';
import type { HpaDecision } from '../controllers/hpa/hpa';
import type { ClientProcesses } from '../kubectl/clientCommands';
import type { Backend, ServiceBackends } from '../network/kubeProxy';
import type { CommandRecord, EventRecord } from '../runner/runResult';
import type { TrafficSpec } from '../scenario/scenario';
import type { RequestSample } from '../traffic/generator';
import type { TrafficCounters } from '../traffic/metrics';

/** What the Deployment controller last did, and what it waits for now, in words. */
export interface Decisions {
  action: { t: number; text: string } | null;
  idle: { t: number; text: string; state: IdleState } | null;
}

/** A HorizontalPodAutoscaler's latest decision and latest rescale, with their inputs. */
export interface AutoscalerDecisions {
  last: Readonly<HpaDecision> | null;
  lastRescale: Readonly<HpaDecision> | null;
  /** Simulated ms of its latest sync, decided or not; null before the first. */
  lastSync: number | null;
}

/** The traffic generator as the views see it. */
export interface TrafficReader {
  /** Cumulative counters since t = 0 (read-only: copy before keeping). */
  readonly counters: Readonly<TrafficCounters>;
  /** The traffic spec in force now (null: no traffic). */
  readonly current: TrafficSpec | null;
  /** Simulated ms up to which requests have been generated. */
  readonly flushedTo: number;
  /** The latest sampled requests, oldest first. */
  readonly recent: readonly RequestSample[];
}

export interface ClusterReader {
  /** Simulated ms since the scenario started. */
  readonly now: number;
  readonly seed: number;
  /** Every stored object of a kind, in creation order. */
  list<T extends KubeObject>(kind: Kind): T[];
  get<T extends KubeObject>(kind: Kind, name: string): T | undefined;
  /** Caption of the latest scenario step that had one. */
  readonly caption: string | null;
  /** When that step ran (simulated ms). */
  readonly captionAt: number | null;
  /** When an object last changed (more than its resourceVersion), simulated ms. */
  readonly lastChange: number;
  /** Every kubectl command run so far, with its output (grows while a watch prints). */
  readonly commands: readonly CommandRecord[];
  /** How many events have been recorded. */
  readonly eventCount: number;
  /** Recorded events from index `from` on, as the runner reports them. */
  eventRecords(from?: number): EventRecord[];
  /** The Deployment controller's latest decision for a Deployment, in words. */
  decision(deployment: string): Decisions | undefined;
  /** The HPA controller's latest decisions for a HorizontalPodAutoscaler, by name. */
  autoscalerDecisions(hpa: string): AutoscalerDecisions;
  /** The kubelet's runtime state of a pod's container, by pod name. */
  podRuntime(pod: string): Readonly<PodRuntime> | undefined;
  /** The Deployment a pod belongs to (through its ReplicaSet), if any. */
  deploymentOf(pod: Pod): string | undefined;
  readonly traffic: TrafficReader;
  /** kube-proxy's view of a Service: ready and serving-terminating endpoints. */
  backends(service: string): ServiceBackends;
  /** The endpoints traffic may use right now (ready, else serving-terminating). */
  usableBackends(service: string): Backend[];
  /** Ready endpoints of a Service right now. */
  readyEndpoints(service: string): number;
  /** Most pods that existed at once so far (terminating ones included). */
  readonly peakPods: number;
  /** The same per Deployment (pods it owns through its ReplicaSets). */
  readonly peakPodsPerDeployment: Readonly<Record<string, number>>;
  /** Seconds from the first pod-template change to that Deployment's completion; null if not yet. */
  rolloutSeconds(): number | null;
  /** kubectl processes running on the client (rolling-update), and the ones that ended. */
  readonly clientProcesses: ClientProcesses;
}
