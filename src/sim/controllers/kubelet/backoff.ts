/**
 * Kubelet back-off (pkg/kubelet/kubelet.go: backOffPeriod 10 s, MaxContainerBackOff 300 s;
 * image pulls use the same doubling). k8s-semantics.md §13.4: the first restart after a crash is
 * immediate, later ones wait 10 s, 20 s, 40 s … capped at 5 min; a container that ran 10 min
 * without trouble starts over.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
export const BACKOFF_RESET_AFTER_MS = 600_000;

/** The delay before the next attempt, given the previous delay (undefined = first failure). */
export function nextBackoff(prev: number | undefined, firstIsImmediate: boolean): number {
  if (prev === undefined) return firstIsImmediate ? 0 : BACKOFF_INITIAL_MS;
  if (prev === 0) return BACKOFF_INITIAL_MS;
  return Math.min(prev * 2, BACKOFF_MAX_MS);
}

/** A Go time.Duration as the kubelet prints it in back-off messages: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${s % 60}s`;
}
