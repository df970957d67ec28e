/**
 * Pure: merges a frame packet into the store's data. Unchanged PodViews keep their identity so a
 * pod tile re-renders only when its pod changed (xyflow's adoptUserNodes idea); Maps are
 * replaced, never mutated (zustand's rule).
 */
import type { CommandRecord, EventRecord } from '../sim/runner/runResult';
import type { PodView } from '../sim/view/frame';
import type { RolloutView } from '../sim/view/rolloutView';
import type { FramePacket, ChartPoint } from '../worker/protocol';
import { appendBounded } from './appendBounded';

export const MAX_EVENTS = 2000;
export const MAX_POINTS = 2400;

export interface FrameData {
  frame: FramePacket['frame'] | null;
  epoch: number;
  pods: Map<string, PodView>;
  podIdsByOwner: Map<string, string[]>;
  events: EventRecord[];
  commands: CommandRecord[];
  history: ChartPoint[];
}

function samePod(a: PodView, b: PodView): boolean {
  return (
    a.uid === b.uid &&
    a.status === b.status &&
    a.ready === b.ready &&
    a.available === b.available &&
    a.terminating === b.terminating &&
    a.accepting === b.accepting &&
    a.node === b.node &&
    a.restarts === b.restarts &&
    a.image === b.image &&
    a.owner === b.owner
  );
}

function sameIds(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Rollout views are rebuilt every frame but change only when the controller acts: an unchanged
 * view (and an unchanged list) keeps its identity, so the Rollout panel re-renders only then.
 */
function keepRollouts(
  prev: readonly RolloutView[] | undefined,
  next: RolloutView[],
): RolloutView[] {
  if (!prev?.length) return next;
  let same = prev.length === next.length;
  const kept = next.map((v, i) => {
    const old = prev.find((p) => p.name === v.name);
    const keep = !!old && JSON.stringify(old) === JSON.stringify(v);
    if (!keep || prev[i] !== old) same = false;
    return keep && old ? old : v;
  });
  return same ? (prev as RolloutView[]) : kept;
}

export function applyFrame(prev: FrameData, packet: FramePacket): FrameData {
  const fresh = packet.epoch !== prev.epoch;
  // Frames carry only new or changed pods; unchanged ones keep their view (and identity).
  const pods = new Map<string, PodView>(fresh ? [] : prev.pods);
  for (const name of packet.frame.removedPods) pods.delete(name);
  for (const p of packet.frame.pods) {
    const old = pods.get(p.name);
    pods.set(p.name, old && samePod(old, p) ? old : p);
  }
  const podIdsByOwner = new Map<string, string[]>();
  for (const rs of packet.frame.replicaSets) {
    const old = prev.podIdsByOwner.get(rs.name);
    podIdsByOwner.set(rs.name, old && sameIds(old, rs.pods) ? old : rs.pods);
  }
  return {
    frame: {
      ...packet.frame,
      pods: [...pods.values()],
      rollouts: keepRollouts(prev.frame?.rollouts, packet.frame.rollouts),
    },
    epoch: packet.epoch,
    pods,
    podIdsByOwner,
    events: appendBounded(fresh ? [] : prev.events, packet.frame.events, MAX_EVENTS),
    commands: appendBounded(fresh ? [] : prev.commands, packet.frame.commands, MAX_EVENTS),
    history: appendBounded(fresh ? [] : prev.history, packet.points, MAX_POINTS),
  };
}
