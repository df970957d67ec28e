/**
 * `kubectl describe pod`, ported from kubectl pkg/describe/describe.go describePod (v1.36),
 * for the fields the simulator models.
 */
import type { Container, Event, Pod } from 'kubernetes-types/core/v1';
import {
  controllerOf,
  LEVEL_0,
  LEVEL_1,
  PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
} from './describeText';
import { describeContainers, describeVolumes } from './describeContainers';
import { writeEvents } from './describeEvents';
import { since } from './humanDuration';

/** qos.GetPodQOS, simplified to whole-resource comparisons: status.qosClass wins when set. */
function qosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Container[] = [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ];
  const any = containers.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length +
        Object.keys(c.resources?.limits ?? {}).length >
      0,
  );
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    return ['cpu', 'memory'].every(
      (r) =>
        limits[r] !== undefined &&
        (requests[r] === undefined || String(requests[r]) === String(limits[r])),
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: Pod, events: readonly Event[] | null, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const status = pod.status;
  const meta = pod.metadata ?? {};
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? 'default'}\n`);
  if (spec?.priority !== undefined && spec.priority !== null)
    w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName)
    w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(
    LEVEL_0,
    spec?.nodeName ? `Node:\t${spec.nodeName}/${status?.hostIP ?? ''}\n` : 'Node:\t<none>\n',
  );
  if (status?.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  const phase = status?.phase ?? '';
  if (meta.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, nowMs)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}\n`);
  }
  if (status?.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status?.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status?.podIP ?? ''}\n`);
  const ips = status?.podIPs ?? (status?.podIP ? [{ ip: status.podIP }] : []);
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
  } else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const owner = controllerOf(meta);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (status?.nominatedNodeName)
    w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec?.initContainers?.length) {
    describeContainers(
      w,
      'Init Containers',
      spec.initContainers,
      status?.initContainerStatuses ?? [],
      '',
    );
  }
  describeContainers(w, 'Containers', spec?.containers ?? [], status?.containerStatuses ?? [], '');
  if (spec?.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = status?.conditions?.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    // "%v \t%v \n": kubectl leaves a space after the status too.
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec?.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${qosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
  writeEvents(w, events, nowMs);
  return w.text();
}
