/**
 * Whether the latest caption still describes what the cluster is doing. A caption narrates
 * what its step sets off ("the controller surges one pod"); once nothing has changed for
 * QUIET_MS after it, that moment has passed, and the caption is shown as what happened at its
 * time, not as what is happening now.
 */
import type { ClusterReader } from '../engine/clusterReader';

/** No object changed for this long: the step's consequences are over. */
export const QUIET_MS = 3000;

export interface CaptionView {
  text: string;
  /** When its step ran (simulated ms). */
  at: number;
  /** When the cluster went quiet after it; null while it is still changing. */
  settledAt: number | null;
}

export function captionView(cluster: ClusterReader): CaptionView | null {
  const text = cluster.caption;
  const at = cluster.captionAt;
  if (text === null || at === null) return null;
  const last = Math.max(at, cluster.lastChange);
  return { text, at, settledAt: cluster.now - last >= QUIET_MS ? last : null };
}
