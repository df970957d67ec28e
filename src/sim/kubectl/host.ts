/**
 * What a kubectl command runs against and what it returns: the types every verb, the client
 * processes and the engine share, in a module that imports none of them (no cycles).
 */
import type { Ctx } from '../controllers/context';
import type { Scenario } from '../scenario/scenario';
import type { RollingUpdateState } from './rollingUpdateState';

export interface KubectlResult {
  output: string;
  exitCode: number;
  /** Set for a watching `rollout status`: the engine feeds it each update of the Deployment. */
  watch?: StatusWatch;
  /** Set for a command that goes on running on the client (rolling-update): wake it after nextInMs. */
  process?: ClientProcess;
  nextInMs?: number;
}

/** A `kubectl rollout status` still watching: plain data, so checkpoints can copy it. */
export interface StatusWatch {
  deployment: string;
  revision: number;
}

export interface KubectlHost {
  ctx: Ctx;
  scenario: Scenario;
}

/** A `status` still watching: plain data, so an engine can keep it in a checkpoint. */
export interface ArgoStatusWatch {
  rollout: string;
  namespace: string;
  /** The last line printed (WatchStatus prints a line only when it changes). */
  prevMessage: string;
}

/** A kubectl command still running on the client after its first output. */
export type ClientProcess =
  | { kind: 'rolling-update'; state: RollingUpdateState }
  | { kind: 'argo-status'; state: ArgoStatusWatch };
