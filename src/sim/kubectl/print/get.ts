/**
 * `kubectl get` tables, laid out like cli-runtime's table printer (headers upper-cased, `-o wide`
 * adds the priority-1 columns, `--show-labels` a LABELS column, kind-prefixed names when several
 * kinds are printed) and kubectl get.go (blank line between kinds, "No resources found in
 * default namespace."). Each kind's columns are its entry in api/registry.ts: columns.ts for the
 * built-in kinds (printers.go), crdColumns.ts for the custom resources.
 */
import { formatTable } from './table';
import { formatLabels } from './selectors';
import { resourceName, type ObjectOf, type SimulatedKind } from '../../api/kinds';
import { REGISTRY } from '../../api/registry';

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
  const cols = REGISTRY[kind].columns;
  const wideRow = opts.wide ? cols.wideRow : undefined;
  const headers = wideRow
    ? [...wideRow.headers]
    : [...cols.headers, ...(opts.wide ? cols.wideHeaders : [])];
  if (opts.showLabels) headers.push('LABELS');
  if (opts.allNamespaces) headers.unshift('NAMESPACE');
  const rows = objects.map((o) => {
    const cells = wideRow
      ? wideRow.cells(o as never, nowMs)
      : [...cols.cells(o as never, nowMs), ...(opts.wide ? cols.wideCells(o as never, nowMs) : [])];
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
