/**
 * `kubectl get` tables: column sets and cells from kubernetes pkg/printers/internalversion/
 * printers.go (printPod, printReplicaSet, printReplicationController, printDeployment,
 * printService, printEndpointSlice, printEndpoints), laid out like cli-runtime's table printer
 * (headers upper-cased, `-o wide` adds the priority-1 columns, `--show-labels` a LABELS column,
 * kind-prefixed names when several kinds are printed) and kubectl get.go (blank line between
 * kinds, "No resources found in default namespace."). Custom resources print their CRD's
 * additionalPrinterColumns as the API server's table convertor does (apiextensions-apiserver
 * tableconvertor: a missing field is an empty cell, a date column an age).
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  DestinationRule,
  HorizontalPodAutoscaler,
  Rollout,
  VirtualService,
} from '../../api/objects';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type {
  Container,
  Endpoints,
  Pod,
  ReplicationController,
  Service,
} from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { formatTable } from './table';
import { since } from './humanDuration';
import { podSummary, podRestartsColumn } from './podStatus';
import { formatLabels, formatLabelSelector, selectorString } from './selectors';
import { formatEndpoints } from './endpoints';
import { resourceName, type ObjectOf, type SimulatedKind } from '../../api/kinds';

/** The kinds `kubectl get` prints: those the simulated API server serves. */
export type GetKind = SimulatedKind;

export interface GetOptions {
  /** `-o wide`. */
  wide?: boolean;
  /** `--show-labels`. */
  showLabels?: boolean;
  /** Names as `deployment.apps/web` (several kinds in one `get`, or `--show-kind`). */
  withKindPrefix?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-o name`: one `deployment.apps/web` line per object instead of a table. */
  name?: boolean;
  /** `-A`: a NAMESPACE column first, and "No resources found" without a namespace. */
  allNamespaces?: boolean;
  /** The namespace named in "No resources found in <ns> namespace."; default `default`. */
  namespace?: string;
}

export const NO_RESOURCES = 'No resources found in default namespace.\n';

/** What get.go writes (to stderr) when nothing matched. */
export function noResources(opts: GetOptions = {}): string {
  if (opts.allNamespaces) return 'No resources found\n';
  return `No resources found in ${opts.namespace ?? 'default'} namespace.\n`;
}

interface Columns<T> {
  headers: string[];
  wideHeaders: string[];
  cells: (obj: T, nowMs: number) => string[];
  wideCells: (obj: T) => string[];
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

/** An integer column of a CRD: empty when the field is absent. */
const intCell = (v: number | undefined): string => (v === undefined ? '' : String(v));

const COLUMNS: { [K in GetKind]: Columns<ObjectOf<K>> } = {
  // argo-rollouts manifests/crds/rollout-crd.yaml additionalPrinterColumns.
  Rollout: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideHeaders: [],
    cells: (r: Rollout, now) => [
      r.metadata?.name ?? '',
      intCell(r.spec.replicas),
      intCell(r.status?.replicas),
      intCell(r.status?.updatedReplicas),
      intCell(r.status?.availableReplicas),
      since(r.metadata?.creationTimestamp, now),
    ],
    wideCells: () => [],
  },
  // analysis-run-crd.yaml: STATUS is .status.phase.
  AnalysisRun: {
    headers: ['NAME', 'STATUS', 'AGE'],
    wideHeaders: [],
    cells: (a: AnalysisRun, now) => [
      a.metadata?.name ?? '',
      a.status?.phase ?? '',
      since(a.metadata?.creationTimestamp, now),
    ],
    wideCells: () => [],
  },
  // analysis-template-crd.yaml.
  AnalysisTemplate: {
    headers: ['NAME', 'AGE'],
    wideHeaders: [],
    cells: (t: AnalysisTemplate, now) => [
      t.metadata?.name ?? '',
      since(t.metadata?.creationTimestamp, now),
    ],
    wideCells: () => [],
  },
  HorizontalPodAutoscaler: {
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
  },
  // The CRDs' additionalPrinterColumns (istio manifests/charts/base/files/crd-all.gen.yaml).
  VirtualService: {
    headers: ['NAME', 'GATEWAYS', 'HOSTS', 'AGE'],
    wideHeaders: [],
    cells: (v: VirtualService, now) => [
      v.metadata?.name ?? '',
      v.spec?.gateways?.length ? `[${v.spec.gateways.join(',')}]` : '',
      `[${(v.spec?.hosts ?? []).join(',')}]`,
      since(v.metadata?.creationTimestamp, now),
    ],
    wideCells: () => [],
  },
  DestinationRule: {
    headers: ['NAME', 'HOST', 'AGE'],
    wideHeaders: [],
    cells: (d: DestinationRule, now) => [
      d.metadata?.name ?? '',
      d.spec?.host ?? '',
      since(d.metadata?.creationTimestamp, now),
    ],
    wideCells: () => [],
  },
  Pod: {
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
  },
  ReplicaSet: {
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
  },
  ReplicationController: {
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
  },
  Deployment: {
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
  },
  Service: {
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
  },
  EndpointSlice: {
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
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    wideHeaders: [],
    cells: (ep: Endpoints, now) => [
      ep.metadata?.name ?? '',
      formatEndpoints(ep),
      since(ep.metadata?.creationTimestamp, now),
    ],
    wideCells: () => [],
  },
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

/**
 * One `kubectl get` table for objects of one kind, in the order given (the API server lists by
 * name). Empty input prints nothing: get.go skips headers when there are no rows.
 */
export function printGet<K extends GetKind>(
  kind: K,
  objects: readonly ObjectOf<K>[],
  nowMs: number,
  opts: GetOptions = {},
): string {
  if (objects.length === 0) return '';
  const prefix = resourceName(kind);
  if (opts.name) return objects.map((o) => `${prefix}/${o.metadata?.name ?? ''}\n`).join('');
  const cols = COLUMNS[kind];
  const headers = [...cols.headers, ...(opts.wide ? cols.wideHeaders : [])];
  if (opts.showLabels) headers.push('LABELS');
  if (opts.allNamespaces) headers.unshift('NAMESPACE');
  const rows = objects.map((o) => {
    const cells = [
      ...cols.cells(o as never, nowMs),
      ...(opts.wide ? cols.wideCells(o as never) : []),
    ];
    if (opts.withKindPrefix) cells[0] = `${prefix}/${cells[0] ?? ''}`;
    if (opts.showLabels) cells.push(formatLabels(o.metadata?.labels));
    if (opts.allNamespaces) cells.unshift(o.metadata?.namespace ?? 'default');
    return cells;
  });
  return formatTable(opts.noHeaders ? rows : [headers, ...rows]);
}

export type GetGroup = { [K in GetKind]: { kind: K; objects: readonly ObjectOf<K>[] } }[GetKind];

/**
 * A whole `kubectl get a,b,c` result: one table per consecutive kind, a blank line between
 * tables, names kind-prefixed when more than one kind has objects (get.go
 * multipleGVKsRequested) or `--show-kind`, and NO_RESOURCES (which kubectl writes to stderr)
 * when nothing was printed.
 */
export function printGetList(
  groups: readonly GetGroup[],
  nowMs: number,
  opts: GetOptions = {},
): string {
  const nonEmpty = groups.filter((g) => g.objects.length > 0);
  const kinds = new Set(nonEmpty.map((g) => g.kind));
  const withKindPrefix = opts.withKindPrefix === true || kinds.size > 1;
  const tables = nonEmpty.map((g) =>
    printGet(g.kind, g.objects as never[], nowMs, { ...opts, withKindPrefix }),
  );
  if (tables.length === 0) return noResources(opts);
  // `-o name` and --no-headers print no separating blank line (get.go: only before new headers).
  const sep = opts.name || opts.noHeaders ? '' : '\n';
  return tables.join(sep);
}
