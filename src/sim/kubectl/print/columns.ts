/**
 * The columns `kubectl get` prints for the built-in kinds, and their cells: kubernetes
 * pkg/printers/internalversion/printers.go (printPod, printReplicaSet,
 * printReplicationController, printDeployment, printService, printEndpointSlice,
 * printEndpoints, printHorizontalPodAutoscaler), which the API server runs to answer kubectl's
 * request for a Table. Which kind prints with which columns is api/registry.ts; the layout is
 * get.ts.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type {
  Container,
  Endpoints,
  Event,
  Pod,
  ReplicationController,
  Service,
} from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { since } from './humanDuration';
import { podSummary, podRestartsColumn } from './podStatus';
import { formatLabels, formatLabelSelector, selectorString } from './selectors';
import { formatEndpoints } from './endpoints';

/** One kind's table: its columns, and the priority-1 columns `-o wide` adds. */
export interface Columns<T> {
  headers: string[];
  wideHeaders: string[];
  cells: (obj: T, nowMs: number) => string[];
  wideCells: (obj: T, nowMs: number) => string[];
  /**
   * For a kind whose priority-1 columns sit between the others (Event): the whole `-o wide`
   * row, used instead of appending wideHeaders/wideCells.
   */
  wideRow?: { headers: string[]; cells: (obj: T, nowMs: number) => string[] };
}

/** layoutContainerCells: container names and images, comma-joined. */
function containerCells(containers: readonly Container[] | undefined): string[] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

const TEMPLATE_WIDE = ['CONTAINERS', 'IMAGES', 'SELECTOR'];

/** printers.go printHorizontalPodAutoscaler: TARGETS as `cpu: 45%/50%` (kubectl ≥ 1.30). */
function hpaTargets(h: HorizontalPodAutoscaler): string {
  const target = (h.spec?.metrics ?? []).find(
    (m) => m.type === 'Resource' && m.resource?.name === 'cpu',
  );
  const want = target?.resource?.target.averageUtilization ?? 80;
  const current = h.status?.currentMetrics?.find(
    (m) => m.type === 'Resource' && m.resource?.name === 'cpu',
  );
  const now = current?.resource?.current.averageUtilization;
  return `cpu: ${now === undefined ? '<unknown>' : `${now}%`}/${want}%`;
}

export const podColumns: Columns<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  cells: (p: Pod, now) => {
    const s = podSummary(p);
    return [
      p.metadata?.name ?? '',
      `${s.readyContainers}/${s.totalContainers}`,
      s.status,
      podRestartsColumn(p, now),
      since(p.metadata?.creationTimestamp, now),
    ];
  },
  wideCells: (p: Pod) => {
    const gates = p.spec?.readinessGates ?? [];
    const conditions = p.status?.conditions ?? [];
    const trueGates = gates.filter(
      (g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True',
    ).length;
    return [
      p.status?.podIPs?.[0]?.ip || p.status?.podIP || '<none>',
      p.spec?.nodeName || '<none>',
      p.status?.nominatedNodeName || '<none>',
      gates.length ? `${trueGates}/${gates.length}` : '<none>',
    ];
  },
};

export const replicaSetColumns: Columns<ReplicaSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: TEMPLATE_WIDE,
  cells: (rs: ReplicaSet, now) => [
    rs.metadata?.name ?? '',
    String(rs.spec?.replicas ?? 1),
    String(rs.status?.replicas ?? 0),
    String(rs.status?.readyReplicas ?? 0),
    since(rs.metadata?.creationTimestamp, now),
  ],
  wideCells: (rs: ReplicaSet) => [
    ...containerCells(rs.spec?.template?.spec?.containers),
    formatLabelSelector(rs.spec?.selector),
  ],
};

export const replicationControllerColumns: Columns<ReplicationController> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: TEMPLATE_WIDE,
  cells: (rc: ReplicationController, now) => [
    rc.metadata?.name ?? '',
    String(rc.spec?.replicas ?? 1),
    String(rc.status?.replicas ?? 0),
    String(rc.status?.readyReplicas ?? 0),
    since(rc.metadata?.creationTimestamp, now),
  ],
  wideCells: (rc: ReplicationController) => [
    ...containerCells(rc.spec?.template?.spec?.containers),
    formatLabels(rc.spec?.selector),
  ],
};

export const deploymentColumns: Columns<Deployment> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: TEMPLATE_WIDE,
  cells: (d: Deployment, now) => [
    d.metadata?.name ?? '',
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    String(d.status?.updatedReplicas ?? 0),
    String(d.status?.availableReplicas ?? 0),
    since(d.metadata?.creationTimestamp, now),
  ],
  // printDeployment uses selector.String(), which is empty (not <none>) for no requirements.
  wideCells: (d: Deployment) => [
    ...containerCells(d.spec?.template?.spec?.containers),
    selectorString(d.spec?.selector),
  ],
};

export const serviceColumns: Columns<Service> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  cells: (s: Service, now) => [
    s.metadata?.name ?? '',
    s.spec?.type ?? 'ClusterIP',
    s.spec?.clusterIPs?.[0] ?? s.spec?.clusterIP ?? '<none>',
    serviceExternalIP(s),
    servicePorts(s) || '<none>',
    since(s.metadata?.creationTimestamp, now),
  ],
  wideCells: (s: Service) => [formatLabels(s.spec?.selector)],
};

export const endpointSliceColumns: Columns<EndpointSlice> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  cells: (es: EndpointSlice, now) => [
    es.metadata?.name ?? '',
    es.addressType,
    listWithMore(
      (es.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))),
    ),
    listWithMore((es.endpoints ?? []).flatMap((e) => e.addresses)),
    since(es.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

export const endpointsColumns: Columns<Endpoints> = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  cells: (ep: Endpoints, now) => [
    ep.metadata?.name ?? '',
    formatEndpoints(ep),
    since(ep.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

export const hpaColumns: Columns<HorizontalPodAutoscaler> = {
  headers: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
  wideHeaders: [],
  cells: (h: HorizontalPodAutoscaler, now) => [
    h.metadata?.name ?? '',
    `${h.spec?.scaleTargetRef.kind}/${h.spec?.scaleTargetRef.name}`,
    hpaTargets(h),
    String(h.spec?.minReplicas ?? 1),
    String(h.spec?.maxReplicas ?? 0),
    String(h.status?.currentReplicas ?? 0),
    since(h.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

/** formatDiscoveryPorts / formatDiscoveryEndpoints + listWithMoreString (at most 3 shown). */
function listWithMore(all: readonly string[]): string {
  const max = 3;
  const shown = all.slice(0, max).join(',');
  if (all.length > max) return `${shown} + ${all.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

/** makePortString: `80/TCP`, `80:30080/TCP` for node ports. */
function servicePorts(s: Service): string {
  return (s.spec?.ports ?? [])
    .map((p) => {
      const proto = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`;
    })
    .join(',');
}

/** getServiceExternalIP (wide or not; load balancer IPs are not simulated). */
function serviceExternalIP(s: Service): string {
  const external = s.spec?.externalIPs ?? [];
  const lb = [
    ...new Set(
      (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean),
    ),
  ].sort();
  switch (s.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer':
      if (external.length) return [...lb, ...external].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    case 'ExternalName':
      return s.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** printers.go printEvent's source cell: component and host, `<unknown>` without a component. */
function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  if (!component) return '<unknown>';
  return host ? `${component}, ${host}` : component;
}

/** LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, FIRST SEEN as printEvent computes them. */
function eventCells(e: Event, now: number): string[] {
  const first = since(e.firstTimestamp ?? e.eventTime, now);
  const last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
  const o = e.involvedObject;
  const kind = o.kind?.toLowerCase() ?? '';
  const target = o.name ? `${kind}/${o.name}` : kind;
  return [last, e.type ?? '', e.reason ?? '', target, (e.message ?? '').trim(), first];
}

/**
 * printers.go printEvent: `deployment/web` for the object, times as ages; `-o wide` puts
 * SUBOBJECT and SOURCE before MESSAGE and FIRST SEEN, COUNT, NAME after it.
 */
export const eventColumns: Columns<Event> = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: [],
  cells: (e: Event, now) => eventCells(e, now).slice(0, 5),
  wideCells: () => [],
  wideRow: {
    headers: [
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'SUBOBJECT',
      'SOURCE',
      'MESSAGE',
      'FIRST SEEN',
      'COUNT',
      'NAME',
    ],
    cells: (e: Event, now) => {
      const [last = '', type = '', reason = '', target = '', message = '', first = ''] = eventCells(
        e,
        now,
      );
      return [
        last,
        type,
        reason,
        target,
        e.involvedObject.fieldPath ?? '',
        eventSource(e),
        message,
        first,
        String(e.count ?? 0),
        e.metadata?.name ?? '',
      ];
    },
  },
};
