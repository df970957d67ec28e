/**
 * When a ReplicaSet's pods no longer fit its column as tiles, the column shows them counted by
 * kubectl's STATUS instead (PodAggregate.tsx). Pure rules here: when to switch, and the counts.
 */
import { podLook, type PodLook } from './layout';

/**
 * The most tiles a column draws: the widest column (28 tiles a row, layout.ts) twelve rows
 * deep at the smallest tile, about the height of the stage's other boxes. A 300-replica fleet
 * (and its 10 % surge) still shows every pod; 1 500 do not fit and are counted instead.
 */
export const MAX_TILES = 28 * 12;
/**
 * Back to tiles only well below that, so a count hovering around the limit (a surge that comes
 * and goes) does not flip the column between the two pictures every frame.
 */
export const TILES_AGAIN = 300;

/** Whether a column of `n` pods shows the aggregate, given what it showed before. */
export function showsAggregate(n: number, before: boolean): boolean {
  return before ? n > TILES_AGAIN : n > MAX_TILES;
}

export interface StatusCount {
  /** What the row says: kubectl's STATUS, with readiness for running pods. */
  label: string;
  look: PodLook;
  count: number;
}

/** Lifecycle order of the rows: how a pod moves through them, then the ways it can end badly. */
const ORDER: PodLook[] = ['pending', 'creating', 'running', 'ready', 'terminating', 'failing'];

interface PodLike {
  status: string;
  ready: boolean;
  terminating: boolean;
}

/** A pod's row: its STATUS, and for a Running pod whether it is ready (what serves traffic). */
export function statusLabel(p: PodLike): string {
  const look = podLook(p);
  if (look === 'terminating') return 'Terminating';
  if (look === 'ready' || look === 'running')
    return `${p.status}, ${p.ready ? 'ready' : 'not ready'}`;
  return p.status;
}

/** The pods of `ids` counted by row, in lifecycle order (pods missing from `pods` are skipped). */
export function statusCounts(
  ids: readonly string[],
  pods: ReadonlyMap<string, PodLike>,
): StatusCount[] {
  const rows = new Map<string, StatusCount>();
  for (const id of ids) {
    const p = pods.get(id);
    if (!p) continue;
    const label = statusLabel(p);
    const row = rows.get(label);
    if (row) row.count++;
    else rows.set(label, { label, look: podLook(p), count: 1 });
  }
  return [...rows.values()].sort(
    (a, b) =>
      ORDER.indexOf(a.look) - ORDER.indexOf(b.look) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}
