/**
 * Narrow selectors for the Rollout panel. Rollout views keep their identity while unchanged
 * (applyFrame), so selecting one re-renders only when the controller changed something; the
 * colour lookups return primitives.
 */
import type { SimState } from '../../store/createSimStore';

/** Index into frame.images of a ReplicaSet's first image (its version colour), -1 if none. */
export const selectReplicaSetColour =
  (rs: string | null) =>
  (s: SimState): number => {
    if (!rs || !s.frame) return -1;
    const image = s.frame.replicaSets.find((r) => r.name === rs)?.images[0];
    return image === undefined ? -1 : s.frame.images.indexOf(image);
  };

/** The same for the pods a rollouts-pod-template-hash selects (a blue/green Service). */
export const selectHashColour =
  (hash: string | null) =>
  (s: SimState): number => {
    if (!hash || !s.frame) return -1;
    const image = s.frame.replicaSets.find((r) => r.name.endsWith(`-${hash}`))?.images[0];
    return image === undefined ? -1 : s.frame.images.indexOf(image);
  };
