/**
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the API server's own table of a list
 * or object (metav1.Table), which `kubectl get` prints as it comes (headers upper-cased, the
 * priority-1 columns only with `-o wide`). The cells are the console's printers
 * (kubectl/print/columns.ts, crdColumns.ts — the same printers.go ported), run over the served
 * objects at the request's wall instant, so the server's ages and the client's agree.
 * Each row carries the object per `includeObject` (None, Metadata — the default — or Object).
 */
import type { ResourceKind } from '../api/kinds';
import type { SimulatedKind } from '../api/kinds';
import { REGISTRY } from '../api/registry';
import { printerNow } from './servedClock';

/** Whether the Accept header asks for a meta.k8s.io Table (v1, or v1beta1 answered as v1). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((m) => {
    const params = m.split(';').map((p) => p.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io');
  });
}

export const TABLE_CONTENT_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** The API server's column names (printers.go) where Title Case of kubectl's header is not it. */
const COLUMN_NAMES: Record<string, string> = {
  'UP-TO-DATE': 'Up-to-date',
  'CLUSTER-IP': 'Cluster-IP',
  'EXTERNAL-IP': 'External-IP',
  'PORT(S)': 'Port(s)',
  ADDRESSTYPE: 'AddressType',
  MINPODS: 'MinPods',
  MAXPODS: 'MaxPods',
  IP: 'IP',
};

/** Columns printers.go declares `integer`; a cell that is not a whole number keeps `string`. */
const INTEGER_COLUMNS = new Set([
  'READY',
  'DESIRED',
  'CURRENT',
  'UP-TO-DATE',
  'AVAILABLE',
  'MINPODS',
  'MAXPODS',
  'REPLICAS',
  'COUNT',
]);

const DESCRIPTIONS: Record<string, string> = {
  NAME: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  AGE: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
};

function columnName(header: string): string {
  return (
    COLUMN_NAMES[header] ??
    header
      .split(' ')
      .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
      .join(' ')
  );
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableRowSource {
  /** The object as served (wall timestamps). */
  served: Record<string, unknown>;
}

interface Layout {
  headers: string[];
  priorities: number[];
  cells: (obj: never, now: number) => string[];
}

function layout(kind: SimulatedKind): Layout {
  const cols = REGISTRY[kind].columns;
  if (cols.wideRow) {
    const base = new Set(cols.headers);
    return {
      headers: cols.wideRow.headers,
      priorities: cols.wideRow.headers.map((h) => (base.has(h) ? 0 : 1)),
      cells: cols.wideRow.cells as Layout['cells'],
    };
  }
  return {
    headers: [...cols.headers, ...cols.wideHeaders],
    priorities: [...cols.headers.map(() => 0), ...cols.wideHeaders.map(() => 1)],
    cells: ((o: never, now: number) => [
      ...cols.cells(o, now),
      ...cols.wideCells(o, now),
    ]) as Layout['cells'],
  };
}

/** The metav1.Table of served objects of one kind (a list, or one object, or one watch event). */
export function tableOf(
  kind: ResourceKind,
  objects: readonly Record<string, unknown>[],
  opts: {
    nowWall: number;
    includeObject: IncludeObject;
    resourceVersion?: string;
    continueToken?: string;
    /** A watch event after the first: the API server sends the column definitions once. */
    noHeaders?: boolean;
  },
): Record<string, unknown> {
  const l = layout(kind as SimulatedKind);
  const now = printerNow(opts.nowWall);
  const cells = objects.map((o) => l.cells(o as never, now));
  const integer = l.headers.map(
    (h, i) => INTEGER_COLUMNS.has(h) && cells.every((r) => /^\d+$/.test(r[i] ?? '')),
  );
  const rows = objects.map((o, r) => ({
    cells: (cells[r] ?? []).map((c, i) => (integer[i] ? Number(c) : c)),
    ...(opts.includeObject === 'None' ? {} : { object: rowObject(o, opts.includeObject) }),
  }));
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      ...(opts.resourceVersion !== undefined ? { resourceVersion: opts.resourceVersion } : {}),
      ...(opts.continueToken ? { continue: opts.continueToken } : {}),
    },
    columnDefinitions: opts.noHeaders
      ? null
      : l.headers.map((h, i) => ({
          name: columnName(h),
          type: integer[i] ? 'integer' : 'string',
          format: h === 'NAME' ? 'name' : '',
          description: DESCRIPTIONS[h] ?? '',
          priority: l.priorities[i] ?? 0,
        })),
    rows,
  };
}

function rowObject(o: Record<string, unknown>, include: IncludeObject): Record<string, unknown> {
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** `includeObject` from the query (the API server's default is Metadata). */
export function includeObjectOf(query: Record<string, string>): IncludeObject {
  const v = query.includeObject;
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
