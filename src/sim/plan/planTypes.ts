/**
 * The rollout plan: what applying an edit to the running cluster will make the controllers do,
 * recorded by running the simulator ahead on a copy (rolloutPlan.ts). Plain data: it crosses
 * the worker boundary as is.
 */

/** Which bound holds a Deployment wave where it is (several may hold at once). */
export type WaveBound =
  /** Total pods are at replicas + maxSurge: no new pod until an old one goes. */
  | 'maxSurge'
  /** Available pods are at replicas − maxUnavailable: no old pod may go. */
  | 'maxUnavailable'
  /** New pods exist that are not yet available (readiness probe, start time, minReadySeconds). */
  | 'readiness';

/** One distinct state of a Deployment's ReplicaSets after a controller or kubelet action. */
export interface DeploymentWave {
  /** Simulated ms after the apply. */
  t: number;
  /** 'wave': the Deployment controller scaled a ReplicaSet; 'available': only availability changed. */
  cause: 'wave' | 'available';
  /** spec.replicas of the old ReplicaSets, summed, and of the new one. */
  old: number;
  new: number;
  total: number;
  /** Available pods, old and new (status.availableReplicas summed). */
  available: number;
  newAvailable: number;
  bounds: WaveBound[];
  /** The Deployment controller's own words for its latest decision at this instant, if any. */
  said: string | null;
}

/** The step name of the row after the last step: the canary has become the stable ReplicaSet. */
export const PROMOTED_STEP = 'promoted';

/** One canary step as it played: the state the controller left it in. */
export interface CanaryStepRow {
  /** Index in spec.strategy.canary.steps; null for the full promotion after the last step. */
  index: number | null;
  /** The step as the plugin prints it: "setWeight: 20", "pause: 30s", "pause: {}". */
  step: string;
  /** The weight in force (GetCurrentSetWeight). */
  setWeight: number;
  canary: number;
  stable: number;
  canaryAvailable: number;
  /** The Rollout's available pods (status.availableReplicas), what ActualWeight divides by. */
  available: number;
  /** The weight traffic actually sees (the plugin's ActualWeight). */
  actualWeight: number;
  /** Simulated ms after the apply when the step began and when the controller left it (null: never, in the plan). */
  from: number;
  to: number | null;
  /** How many distinct pod counts the controller went through in this step (maxSurge waves). */
  waves: number;
  /** Why the pods and the weight are what they are, in a sentence or two. */
  why: string;
}

/** How the run ahead ended. */
export interface PlanEnd {
  /**
   * complete: done; paused: waits for a person; deadline: progress deadline exceeded; aborted;
   * replaced: a later change (a scenario step) rolls out another template; horizon: still going
   * when the plan stopped looking.
   */
  state: 'complete' | 'paused' | 'deadline' | 'aborted' | 'replaced' | 'horizon';
  /** Simulated ms after the apply. */
  t: number;
  message: string;
}

export interface DeploymentPlan {
  kind: 'deployment';
  name: string;
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurge: number;
  maxUnavailable: number;
  minReadySeconds: number;
  waves: DeploymentWave[];
  end: PlanEnd;
}

export interface CanaryPlan {
  kind: 'canary';
  name: string;
  replicas: number;
  /** The traffic router named in trafficRouting, null for none (the Service splits by pods). */
  router: string | null;
  maxSurge: number;
  maxUnavailable: number;
  steps: CanaryStepRow[];
  end: PlanEnd;
}

export type RolloutPlan =
  | DeploymentPlan
  | CanaryPlan
  /** The text is not a valid change: why, in one line (kubectl's or the API server's words). */
  | { kind: 'error'; message: string }
  /** A valid change that starts no rollout, and why. */
  | { kind: 'none'; message: string };
