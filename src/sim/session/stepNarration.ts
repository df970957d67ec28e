/**
 * What Step tells a person: the changes one press of Step brought, in words — the events
 * recorded (as `kubectl get events` would list them) first, then the objects that changed, one
 * line per object with what a `kubectl get` row would show of it. Pure: it reads watch events
 * and event records, and returns text.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type {
  Deployment,
  HorizontalPodAutoscaler,
  Pod,
  ReplicaSet,
  ReplicationController,
} from '../api/objects';
import type { WatchEvent } from '../api/objectStore';
import type { EventRecord } from '../runner/runResult';
import { podReadyColumn, podStatusColumn } from '../kubectl/print/podStatus';

/** What one press of Step did. */
export interface StepResult {
  /** Simulated ms where the step started and where it stopped. */
  from: number;
  t: number;
  /**
   * 'change': the cluster changed at `t` (the next controller action). 'steady': nothing changed
   * from `from` up to `t`, the furthest a step goes: the scenario's end, or, past the end, a
   * minute of quiet.
   */
  outcome: 'change' | 'steady';
  /** The changes at `t`, in words, events first (empty when steady); long lists are cut short. */
  changes: string[];
  /** How many changes there were (more than `changes` holds when it was cut short). */
  total: number;
}

const name = (e: WatchEvent): string => e.obj.metadata?.name ?? '';

function podLine(p: Pod): string {
  return `${podStatusColumn(p)}, ${podReadyColumn(p)} ready`;
}

function replicaSetLine(rs: ReplicaSet | ReplicationController): string {
  const s = rs.status;
  return `desired ${rs.spec?.replicas ?? 1}, current ${s?.replicas ?? 0}, ready ${s?.readyReplicas ?? 0}`;
}

function deploymentLine(d: Deployment): string {
  const s = d.status;
  return (
    `${d.spec?.replicas ?? 1} desired, ${s?.updatedReplicas ?? 0} up-to-date, ` +
    `${s?.readyReplicas ?? 0} ready, ${s?.availableReplicas ?? 0} available`
  );
}

function sliceLine(es: EndpointSlice): string {
  const ready = (es.endpoints ?? []).filter((e) => e.conditions?.ready !== false).length;
  return `${ready} ready ${ready === 1 ? 'endpoint' : 'endpoints'}`;
}

function autoscalerLine(h: HorizontalPodAutoscaler): string {
  const cpu = h.status?.currentMetrics?.find((m) => m.resource?.name === 'cpu')?.resource?.current
    .averageUtilization;
  return (
    `${h.status?.currentReplicas ?? 0} current, ${h.status?.desiredReplicas ?? 0} desired` +
    (cpu !== undefined ? `, CPU ${cpu}%` : '')
  );
}

/** The state a changed object is in now, as a get row would say it; null for other kinds. */
function stateOf(e: WatchEvent): string | null {
  switch (e.kind) {
    case 'Pod':
      return podLine(e.obj as Pod);
    case 'ReplicaSet':
    case 'ReplicationController':
      return replicaSetLine(e.obj as ReplicaSet);
    case 'Deployment':
      return deploymentLine(e.obj as Deployment);
    case 'EndpointSlice':
      return sliceLine(e.obj as EndpointSlice);
    case 'HorizontalPodAutoscaler':
      return autoscalerLine(e.obj as HorizontalPodAutoscaler);
    default:
      return null;
  }
}

/** One line per changed object (its latest change), in the order they first changed. */
export function describeChanges(watch: readonly WatchEvent[]): string[] {
  const lines = new Map<string, string>();
  const created = new Set<string>();
  for (const e of watch) {
    const key = `${e.kind} ${name(e)}`;
    if (e.type === 'ADDED') created.add(key);
    const state = stateOf(e);
    const verb = e.type === 'DELETED' ? 'deleted' : created.has(key) ? 'created' : 'updated';
    lines.set(key, e.type !== 'DELETED' && state ? `${key} ${verb}: ${state}` : `${key} ${verb}`);
  }
  return [...lines.values()];
}

export function describeEvents(events: readonly EventRecord[]): string[] {
  return events.map((e) => `${e.reason} (${e.object}): ${e.message}`);
}
