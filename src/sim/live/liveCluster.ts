/**
 * A live cluster as the views read one: the objects an API server listed and watched, mirrored
 * by kind and name, behind the same ClusterReader the engine implements. Nothing runs here — no
 * controllers, no kubelet, no traffic — so the stage, panels, event log, charts and the
 * Deployment arithmetic the views compute from objects (workloadBounds, rollout status) show a
 * real cluster exactly as they show the simulated one. What only the simulator knows (the
 * controller's last decision in words, the kubelet's runtime, individual requests) is absent,
 * not invented.
 */
import type {
  Deployment,
  Kind,
  KubeObject,
  Pod,
  ReplicaSet,
  Service,
  EndpointSlice,
} from '../api/objects';
import type { Event } from 'kubernetes-types/core/v1';
import type {
  AutoscalerDecisions,
  ClusterReader,
  Decisions,
  TrafficReader,
} from '../engine/clusterReader';
import { liveDecision } from './liveDecision';
import type { CommandRecord, EventRecord } from '../runner/runResult';
import type { ClientProcesses } from '../kubectl/clientCommands';
import { controllerRef } from '../api/podIndex';
import { KubeProxy, type Backend, type ServiceBackends } from '../network/kubeProxy';
import { emptyCounters } from '../traffic/metrics';
import { fromTimestamp } from '../core/time';

export type LiveChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

const NO_AUTOSCALER: AutoscalerDecisions = { last: null, lastRescale: null, lastSync: null };
const NO_PROCESSES: ClientProcesses = { running: [], ended: [] };

/** An Event as the runner reports it; its time is the latest occurrence's. */
export function liveEventRecord(e: Event): EventRecord {
  const at =
    fromTimestamp(e.lastTimestamp) ??
    fromTimestamp(e.eventTime) ??
    fromTimestamp(e.firstTimestamp) ??
    fromTimestamp(e.metadata?.creationTimestamp) ??
    0;
  const source = e.reportingComponent || e.source?.component;
  return {
    t: at / 1000,
    type: e.type === 'Warning' ? 'Warning' : 'Normal',
    reason: e.reason ?? '',
    object: `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`,
    message: e.message ?? '',
    ...(source ? { source } : {}),
  };
}

export class LiveCluster implements ClusterReader {
  now = 0;
  readonly seed = 0;
  readonly caption = null;
  readonly captionAt = null;
  lastChange = 0;
  readonly commands: CommandRecord[] = [];
  readonly peakPodsPerDeployment: Record<string, number> = {};
  peakPods = 0;
  readonly clientProcesses = NO_PROCESSES;
  /** No traffic: the API does not report individual requests. */
  readonly traffic: TrafficReader = {
    counters: emptyCounters(),
    current: null,
    flushedTo: 0,
    recent: [],
  };
  private objects = new Map<Kind, Map<string, KubeObject>>();
  private events: EventRecord[] = [];
  private proxy = new KubeProxy(
    'iptables',
    () => this.list<EndpointSlice>('EndpointSlice'),
    (name) => this.get<Service>('Service', name),
  );

  list<T extends KubeObject>(kind: Kind): T[] {
    const m = this.objects.get(kind);
    return m ? ([...m.values()] as T[]) : [];
  }

  get<T extends KubeObject>(kind: Kind, name: string): T | undefined {
    return this.objects.get(kind)?.get(name) as T | undefined;
  }

  /**
   * One change as a watch delivered it. An Event is logged when it is new or when its count
   * grew (the API server folds repeats into one object: a MODIFIED with count + 1).
   */
  apply(type: LiveChangeType, obj: KubeObject): void {
    const kind = obj.kind as Kind;
    const name = obj.metadata?.name ?? '';
    let m = this.objects.get(kind);
    if (!m) this.objects.set(kind, (m = new Map()));
    const old = m.get(name);
    if (type === 'DELETED') m.delete(name);
    else m.set(name, obj);
    if (kind === 'Event' && type !== 'DELETED') {
      const count = (obj as Event).count ?? 1;
      if (!old || count > ((old as Event).count ?? 1))
        this.events.push(liveEventRecord(obj as Event));
    }
    if (kind === 'Service' || kind === 'EndpointSlice') this.proxy.invalidate(this.serviceOf(obj));
    if (kind === 'EndpointSlice' && old) this.proxy.invalidate(this.serviceOf(old));
    if (kind === 'Pod') this.countPods();
    if (kind !== 'Event') this.lastChange = this.now;
  }

  /** Events listed at the start, in time order (a list is not). */
  sortEvents(): void {
    this.events.sort((a, b) => a.t - b.t);
  }

  /** Forgets every object (a namespace change). */
  clear(): void {
    this.objects.clear();
    this.events = [];
    this.peakPods = 0;
    for (const k of Object.keys(this.peakPodsPerDeployment)) delete this.peakPodsPerDeployment[k];
    this.proxy = new KubeProxy(
      'iptables',
      () => this.list<EndpointSlice>('EndpointSlice'),
      (name) => this.get<Service>('Service', name),
    );
  }

  private serviceOf(obj: KubeObject): string {
    if (obj.kind === 'Service') return obj.metadata?.name ?? '';
    return obj.metadata?.labels?.['kubernetes.io/service-name'] ?? '';
  }

  private countPods(): void {
    const pods = this.list<Pod>('Pod');
    this.peakPods = Math.max(this.peakPods, pods.length);
    const per: Record<string, number> = {};
    for (const p of pods) {
      const d = this.deploymentOf(p);
      if (d) per[d] = (per[d] ?? 0) + 1;
    }
    for (const [d, n] of Object.entries(per))
      this.peakPodsPerDeployment[d] = Math.max(this.peakPodsPerDeployment[d] ?? 0, n);
  }

  get eventCount(): number {
    return this.events.length;
  }

  eventRecords(from = 0): EventRecord[] {
    return this.events.slice(from);
  }

  /**
   * The Deployment controller's latest action in its own words (its latest ScalingReplicaSet
   * event) and what it waits for, worked out from the objects (liveDecision.ts).
   */
  decision(deployment: string): Decisions | undefined {
    const d = this.get<Deployment>('Deployment', deployment);
    if (!d) return undefined;
    const object = `Deployment/${deployment}`;
    const action = this.events.findLast(
      (e) => e.object === object && e.reason === 'ScalingReplicaSet',
    );
    return liveDecision(d, this.list<ReplicaSet>('ReplicaSet'), action, this.lastChange);
  }

  autoscalerDecisions(): AutoscalerDecisions {
    return NO_AUTOSCALER;
  }

  /** The kubelet's runtime is not in the API: nothing is invented. */
  podRuntime(): undefined {
    return undefined;
  }

  deploymentOf(pod: Pod): string | undefined {
    const owner = controllerRef(pod);
    if (owner?.kind !== 'ReplicaSet') return undefined;
    const rs = this.get<ReplicaSet>('ReplicaSet', owner.name);
    const d = rs && controllerRef(rs);
    return d?.kind === 'Deployment' ? d.name : undefined;
  }

  backends(service: string): ServiceBackends {
    return this.proxy.backends(service);
  }

  usableBackends(service: string): Backend[] {
    return this.proxy.usable(service);
  }

  readyEndpoints(service: string): number {
    return this.proxy.backends(service).ready.length;
  }

  rolloutSeconds(): null {
    return null;
  }
}
