/**
 * `kubectl describe deployment|replicaset|service`, ported from kubectl pkg/describe/describe.go
 * (describeDeployment, describeReplicaSet, describeService; kubectl v1.36). Each returns the
 * full text kubectl prints, aligned by the same tabwriter. `describePod` lives in
 * describePod.ts, the Events section in events.ts.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { findNewReplicaSet, findOldReplicaSets } from '../../controllers/deployment/util';
import {
  controllerOf,
  LEVEL_0,
  LEVEL_1,
  PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
} from './describeText';
import { describePodTemplate } from './describeContainers';
import { writeEvents } from './describeEvents';
import { formatLabels, formatLabelSelector, selectorString } from './selectors';

export { describePod } from './describePod';
export { eventsFromRecorded, printEvents } from './describeEvents';

function writeConditions(
  w: PrefixWriter,
  conditions: readonly { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  // The space after the type is kubectl's own ("%v \t%v\t%v\n").
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** printReplicaSetsByLabels: `web-6cf6bf9f57 (3/3 replicas created)`, or `<none>`. */
function replicaSetList(rss: readonly ReplicaSet[]): string {
  const list = rss
    .map(
      (rs) =>
        `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return list === '' ? '<none>' : list;
}

/**
 * `kubectl describe deployment <name>`. `ownedReplicaSets` are the ReplicaSets the Deployment
 * controls (any order); new and old ones are told apart as deploymentutil does.
 */
export function describeDeployment(
  d: Deployment,
  ownedReplicaSets: readonly ReplicaSet[],
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const spec = d.spec;
  const status = d.status;
  w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec?.replicas ?? 1} desired | ${status?.updatedReplicas ?? 0} updated | ` +
      `${status?.replicas ?? 0} total | ${status?.availableReplicas ?? 0} available | ` +
      `${status?.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategyType = spec?.strategy?.type ?? 'RollingUpdate';
  w.write(LEVEL_0, `StrategyType:\t${strategyType}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  if (strategyType === 'RollingUpdate') {
    // The API server defaults rollingUpdate to 25%/25% for this strategy type.
    const ru = spec?.strategy?.rollingUpdate;
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${String(ru?.maxUnavailable ?? '25%')} max unavailable, ` +
        `${String(ru?.maxSurge ?? '25%')} max surge\n`,
    );
  }
  describePodTemplate(w, spec?.template);
  writeConditions(w, status?.conditions);
  const newRS = findNewReplicaSet(d, ownedReplicaSets);
  const { allOldRSs } = findOldReplicaSets(d, ownedReplicaSets);
  if (allOldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(allOldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, events, nowMs);
  return w.text();
}

/** Pods Status counts of getPodStatusForController: pods this object controls, by phase. */
function podPhaseCounts(pods: readonly Pod[]): string {
  const n = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

/** `kubectl describe replicaset <name>`; `pods` are the pods it controls. */
export function describeReplicaSet(
  rs: ReplicaSet,
  pods: readonly Pod[],
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
  const owner = controllerOf(rs.metadata ?? {});
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`,
  );
  w.write(LEVEL_0, `Pods Status:\t${podPhaseCounts(pods)}\n`);
  describePodTemplate(w, rs.spec?.template);
  writeConditions(w, rs.status?.conditions);
  writeEvents(w, events, nowMs);
  return w.text();
}

/** formatEndpointSlices for one service port name: ready `ip:port`s, at most 3 shown. */
function endpointsFor(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of slices) {
    const eps = s.endpoints ?? [];
    const ports = s.ports?.length
      ? s.ports.filter((p) => (p.name ?? '') === portName)
      : [undefined];
    for (const port of ports) {
      for (const ep of eps) {
        if (list.length === max) more = true;
        // A nil ready condition means "unknown", which consumers treat as ready.
        if (ep.conditions?.ready === false) continue;
        const addr = ep.addresses[0] ?? '';
        if (!more) {
          list.push(
            port ? (addr.includes(':') ? `[${addr}]:${port.port}` : `${addr}:${port.port}`) : addr,
          );
        }
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** `kubectl describe service <name>`; `endpointSlices` are the Service's slices. */
export function describeService(
  svc: Service,
  endpointSlices: readonly EndpointSlice[],
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec?.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec?.type ?? 'ClusterIP'}\n`);
  if (spec?.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(
    LEVEL_0,
    `IP Families:\t${spec?.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`,
  );
  w.write(LEVEL_0, `IP:\t${spec?.clusterIP ?? ''}\n`);
  const ips = spec?.clusterIPs?.length ? spec.clusterIPs : spec?.clusterIP ? [spec.clusterIP] : [];
  w.write(LEVEL_0, `IPs:\t${ips.length ? ips.join(',') : '<none>'}\n`);
  if (spec?.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec?.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  for (const p of spec?.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(LEVEL_0, `TargetPort:\t${String(p.targetPort ?? p.port)}/${proto}\n`);
    if (p.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${p.appProtocol}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${endpointsFor(endpointSlices, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec?.sessionAffinity ?? 'None'}\n`);
  if (spec?.externalTrafficPolicy) {
    w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  }
  if (spec?.internalTrafficPolicy) {
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  }
  writeEvents(w, events, nowMs);
  return w.text();
}
