/**
 * The text view's tables: what `kubectl get all` prints, plus the kinds the tutorials add
 * (Argo Rollouts and their AnalysisRuns, Istio VirtualServices and DestinationRules), one table
 * per kind with the columns each kind's registry entry gives `kubectl get` (api/registry.ts),
 * rows in the API server's order (by name). The simulation builds the rows; the UI only lays
 * them out.
 *
 * Pods are not here: a big fleet has thousands, and their AGE cells change every second, so a
 * pod table would resend every pod every second. The text view builds pod rows from the pod
 * views the frame already carries.
 */
import { resourceName, type ObjectOf, type SimulatedKind } from '../api/kinds';
import { REGISTRY } from '../api/registry';
import type { ClusterReader } from '../engine/clusterReader';

export interface ObjectTableView {
  kind: SimulatedKind;
  /** What kubectl prefixes names with when it prints several kinds: `deployment.apps`. */
  resource: string;
  headers: string[];
  /** One row of cells per object, by name; the first cell is the name. */
  rows: string[][];
}

/**
 * `kubectl get all`'s kinds in its order (discovery order of the `all` category, pods aside),
 * then the custom resources the simulator serves.
 */
export const TABLE_KINDS = [
  'ReplicationController',
  'Service',
  'Deployment',
  'ReplicaSet',
  'HorizontalPodAutoscaler',
  'Rollout',
  'AnalysisRun',
  'VirtualService',
  'DestinationRule',
] as const satisfies readonly SimulatedKind[];

const byName = (a: { metadata?: { name?: string } }, b: { metadata?: { name?: string } }) => {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

function table<K extends (typeof TABLE_KINDS)[number]>(
  cluster: ClusterReader,
  kind: K,
): ObjectTableView | null {
  const objects = [...cluster.list<ObjectOf<K>>(kind)].sort(byName);
  if (!objects.length) return null;
  const cols = REGISTRY[kind].columns as unknown as {
    headers: string[];
    cells: (o: ObjectOf<K>, now: number) => string[];
  };
  return {
    kind,
    resource: resourceName(kind),
    headers: [...cols.headers],
    rows: objects.map((o) => cols.cells(o, cluster.now)),
  };
}

/** Every kind with objects, each as `kubectl get <kind>` prints it now. */
export function objectTables(cluster: ClusterReader): ObjectTableView[] {
  return TABLE_KINDS.map((k) => table(cluster, k)).filter((t): t is ObjectTableView => !!t);
}
