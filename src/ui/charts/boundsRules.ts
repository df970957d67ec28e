/**
 * What a workload's bounds mean, in words, per rule (see src/sim/view/workloadBounds.ts): the
 * names of the two lines, and a note where the rule has no bounds to draw.
 */
import type { WorkloadSeries } from './chartSeries';

export interface BoundsWords {
  /** Label of the upper line (null: not drawn). */
  ceiling: string | null;
  /** Label of the lower line (null: not drawn). */
  floor: string | null;
  /** What the lines limit, for the key's hover text and screen readers. */
  meaning: string;
  /** Shown under the chart when there are no bounds, or their meaning is unusual. */
  note: string | null;
}

export function boundsWords(w: WorkloadSeries): BoundsWords {
  switch (w.rule) {
    case 'rolling':
      return {
        ceiling: 'replicas + maxSurge (ceiling)',
        floor: 'replicas − maxUnavailable (floor)',
        meaning:
          'The Deployment controller creates no pod above replicas + maxSurge, and scales old pods down only while available pods stay at or above replicas − maxUnavailable. Pods that are not ready yet can leave available below that floor.',
        note: null,
      };
    case 'recreate':
      return {
        ceiling: 'replicas (Recreate: no surge)',
        floor: '0 (Recreate: no floor)',
        meaning:
          'Recreate scales every old pod down first and starts the new ones only once the old ones are gone: at most replicas pods, and no availability floor.',
        note: null,
      };
    case 'canary':
      return {
        ceiling: 'replicas + canary maxSurge (ceiling)',
        floor: 'replicas − canary maxUnavailable (floor)',
        meaning:
          'Without a traffic router, the Rollout controller keeps stable and canary pods together within its canary maxSurge and maxUnavailable.',
        note: null,
      };
    case 'routed-canary':
      return {
        ceiling: null,
        floor: null,
        meaning:
          'With a traffic router the stable ReplicaSet stays at replicas and the canary gets pods for its weight on top: maxSurge does not limit them.',
        note: 'No surge bound: the stable stays at replicas and the canary’s pods come on top.',
      };
    case 'blueGreen':
      return {
        ceiling: null,
        floor: null,
        meaning:
          'Blue/green has no surge bound: the preview ReplicaSet runs at full size beside the active one, and the old one is scaled down after scaleDownDelaySeconds.',
        note: 'No surge bound: blue/green runs the preview beside the active ReplicaSet.',
      };
    case 'none':
      return {
        ceiling: null,
        floor: null,
        meaning:
          'ReplicationControllers have no rollout bounds: kubectl rolling-update keeps its own (maxSurge 1, maxUnavailable 0) in the client while it runs.',
        note: 'No rollout bounds: kubectl rolling-update keeps its own in the client.',
      };
  }
}

/** "Deployment web-blue", "Rollout demo", "ReplicationControllers". */
export function workloadTitle(w: WorkloadSeries): string {
  return w.kind === 'ReplicationController' ? 'ReplicationControllers' : `${w.kind} ${w.name}`;
}

/**
 * What the picture needs said in words: the rule's own note, and why a line crosses a bound
 * when it does — neither crossing is the controller breaking its rule. Available pods fall
 * under the floor when pods start or fail (the floor only stops scale-downs); counted pods stay
 * above the ceiling after it was lowered until the controller has scaled down to it.
 */
export function notesFor(w: WorkloadSeries, words: BoundsWords): string[] {
  const notes = words.note ? [words.note] : [];
  const crosses = (a: (number | null)[], b: (number | null)[], under: boolean) =>
    a.some((v, i) => {
      const bound = b[i];
      return v !== null && bound !== null && bound !== undefined && (under ? v < bound : v > bound);
    });
  if (words.floor && crosses(w.available, w.minAvailable, true))
    notes.push('Available under the floor while pods start or fail: it only limits scaling down.');
  if (words.ceiling && crosses(w.pods, w.maxPods, false))
    notes.push('Counted over a lowered ceiling: the controller is scaling down to it.');
  return notes;
}
