/**
 * kubectl commands that keep running on the client after their first output: `rolling-update`
 * polls and scales two ReplicationControllers itself; the plugin's `argo rollouts status` watches
 * its Rollout until Healthy or Degraded. The engine calls `stepProcess` when the process asked
 * to be woken; the state is plain data so checkpoints can copy it.
 */
import type { ClientProcess, KubectlHost } from './host';
import { stepRollingUpdate } from './rollingUpdate';
import { ARGO_STATUS_POLL_MS, statusWatchStep } from './argo/index';

export interface ProcessStep {
  /** Text to append to the command's output. */
  output: string;
  /** null while the process keeps running; its exit code once it ends. */
  exitCode: number | null;
  /** When to wake it next (simulated ms from now); ignored once it ended. */
  nextInMs: number;
  process: ClientProcess;
}

export function stepProcess(host: KubectlHost, p: ClientProcess): ProcessStep {
  if (p.kind === 'argo-status') {
    const r = statusWatchStep(host, p.state);
    return {
      output: r.output,
      exitCode: r.exitCode,
      nextInMs: ARGO_STATUS_POLL_MS,
      process: { kind: 'argo-status', state: r.watch },
    };
  }
  const r = stepRollingUpdate(host, p.state);
  return {
    output: r.output,
    exitCode: r.exitCode,
    nextInMs: r.nextInMs,
    process: { kind: 'rolling-update', state: r.state },
  };
}

/** What Ctrl-C leaves: a shell's exit code for SIGINT (128 + 2). */
export const INTERRUPTED_EXIT_CODE = 130;
