/**
 * What the kubelet knows about one pod that the API object does not show: the container
 * incarnation, when the app listens, probe counters and back-off. Plain data, so checkpoints
 * can copy it.
 */
export type ContainerPhase =
  | 'creating' // sandbox + image pull (ContainerCreating)
  | 'pullFailed' // ErrImagePull / ImagePullBackOff
  | 'running'
  | 'crashed' // exited, waiting for its restart (CrashLoopBackOff after the first)
  | 'stopping' // SIGTERM sent, process still exiting
  | 'exited'; // final: the pod is going away

export interface PodRuntime {
  uid: string;
  name: string;
  node: string;
  image: string;
  /** Incarnation counter: a timer set for an older incarnation is ignored. */
  gen: number;
  phase: ContainerPhase;
  startedAt: number | null;
  /** The app accepts connections from this instant; null = never (image `ready: false`). */
  listeningAt: number | null;
  restartCount: number;
  /** Previous crash back-off delay (undefined before the first crash). */
  crashBackoff: number | undefined;
  pullBackoff: number | undefined;
  ready: boolean;
  readySucc: number;
  readyFail: number;
  liveFail: number;
  startupFail: number;
  started: boolean;
  sigterm: boolean;
  /** Requests in flight are not modelled; this marks the SIGTERM instant for the log. */
  sigtermAt: number | null;
}

/** Whether a new connection to this pod is accepted at `now` (traffic and probes). */
export function accepting(rt: PodRuntime, now: number): boolean {
  return rt.phase === 'running' && !rt.sigterm && rt.listeningAt !== null && now >= rt.listeningAt;
}
