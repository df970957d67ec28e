/**
 * The headless runner's JSON document: a contract that other tools read
 * (shared spec scenario-format.md §2). Extend it, never break it.
 */

export interface CommandRecord {
  /** Simulated seconds when the command ran. */
  t: number;
  command: string;
  exitCode: number;
  /** What kubectl would print, stdout and stderr together. */
  output: string;
}

export interface EventRecord {
  t: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** Kind/name of the involved object, e.g. "Deployment/web". */
  object: string;
  message: string;
  /** The component that reported it (deployment-controller, kubelet, ...): an extension. */
  source?: string;
}

export interface ConditionSample {
  type: string;
  status: string;
  reason: string;
}

export interface DeploymentSample {
  name: string;
  desired: number;
  current: number;
  updated: number;
  ready: number;
  available: number;
  unavailable: number;
  revision: number;
  paused: boolean;
  strategy: { type: 'RollingUpdate' | 'Recreate'; maxSurge: number; maxUnavailable: number };
  images: string[];
  conditions: ConditionSample[];
}

export interface ReplicaSetSample {
  kind: 'ReplicaSet' | 'ReplicationController';
  name: string;
  owner: string | null;
  revision: number | null;
  images: string[];
  desired: number;
  current: number;
  ready: number;
  available: number;
}

export interface TrafficSample {
  requests: number;
  ok: number;
  errors: { 'no-endpoints': number; refused: number; 'app-error': number };
  byImage: Record<string, number>;
  mirrored: number;
  /** Mirrored copies that reached a pod running that image (it answered, ok or app-error). */
  mirroredByImage: Record<string, number>;
  /** Mirrored copies that failed at the mirror target, by kind; clients never see these. */
  mirroredErrors: { 'no-endpoints': number; refused: number; 'app-error': number };
}

export interface AutoscalerSample {
  name: string;
  /** Kind/name of the scale target, e.g. "Deployment/web". */
  target: string;
  current: number;
  desired: number;
  min: number;
  max: number;
  /** CPU utilization in percent of request; current is null before the first measurement. */
  metric: { type: 'cpu'; current: number | null; target: number };
}

/** An Argo Rollout as `kubectl argo rollouts get rollout` shows it; null where it does not apply. */
export interface RolloutSample {
  name: string;
  strategy: 'canary' | 'blueGreen';
  status: 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';
  message: string | null;
  /** Current step index (as status.currentStepIndex), null for blue/green or no steps. */
  step: number | null;
  steps: number | null;
  setWeight: number | null;
  actualWeight: number | null;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  revision: number;
  stableReplicaSet: string | null;
  canaryReplicaSet: string | null;
  activeService: string | null;
  previewService: string | null;
}

export interface Sample {
  t: number;
  deployments: DeploymentSample[];
  replicaSets: ReplicaSetSample[];
  rollouts: RolloutSample[];
  autoscalers: AutoscalerSample[];
  pods: { total: number; terminating: number; pending: number; byStatus: Record<string, number> };
  endpoints: Record<string, number>;
  traffic: TrafficSample;
}

export interface RunSummary {
  rolloutSeconds: number | null;
  downtimeSeconds: number;
  requests: number;
  errors: number;
  peakPods: number;
  peakPodsPerDeployment: Record<string, number>;
}

export interface RunResult {
  scenario: string;
  seed: number;
  duration: number;
  commands: CommandRecord[];
  events: EventRecord[];
  samples: Sample[];
  summary: RunSummary;
}
