/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`, ported from printPod in
 * kubernetes pkg/printers/internalversion/printers.go (v1.35/1.36); k8s-semantics.md §13.2.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { servedMs } from './humanDuration';
import { humanDuration } from './humanDuration';

export interface PodSummary {
  readyContainers: number;
  totalContainers: number;
  status: string;
  restarts: number;
  /** Sim ms of the newest lastState.terminated.finishedAt among counted containers. */
  lastRestartMs: number | undefined;
}

/** `Running`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`, … */
export function podStatusColumn(pod: Pod): string {
  return podSummary(pod).status;
}

/** `1/1`: ready regular containers (and started ready sidecars) over their count. */
export function podReadyColumn(pod: Pod): string {
  const s = podSummary(pod);
  return `${s.readyContainers}/${s.totalContainers}`;
}

/** `0`, or `2 (15s ago)` with the age of the last restart, as kubectl ≥ 1.23 prints it. */
export function podRestartsColumn(pod: Pod, nowMs: number): string {
  const s = podSummary(pod);
  if (s.restarts !== 0 && s.lastRestartMs !== undefined) {
    return `${s.restarts} (${humanDuration(nowMs - s.lastRestartMs)} ago)`;
  }
  return String(s.restarts);
}

function isRestartable(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(conditions: readonly PodCondition[], type: string): boolean {
  // printers.go hasPodReadyCondition / hasCondition: the condition must be True.
  return conditions.some((c) => c.type === type && c.status === 'True');
}

function finishedAt(cs: ContainerStatus): number | undefined {
  const t = cs.lastState?.terminated;
  return t ? (servedMs(t.finishedAt) ?? undefined) : undefined;
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a;
  return a === undefined || b > a ? b : a;
}

/** printPod's whole computation; the three column functions read from it. */
export function podSummary(pod: Pod): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const phase = status.phase ?? '';
  let reason = status.reason ? status.reason : phase;
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  // {type: PodScheduled, reason: SchedulingGated} → SchedulingGated.
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    if (!c) continue;
    const sidecar = isRestartable(initContainers.get(c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedAt(c));
    if (sidecar) {
      restartableInitRestarts += c.restartCount ?? 0;
      lastRestartableInitRestart = later(lastRestartableInitRestart, finishedAt(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // Initialization failed.
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(conditions, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    let errorReason = '';
    const statuses = status.containerStatuses ?? [];
    // Last container first, so the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      if (!c) continue;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedAt(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated) {
        if (terminated.reason) reason = terminated.reason;
        else if (terminated.signal) reason = `Signal:${terminated.signal}`;
        else reason = `ExitCode:${terminated.exitCode}`;
        if (terminated.exitCode !== 0) errorReason = reason;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to Running while at least one container still runs.
    if (reason === 'Completed') {
      if (hasRunning && hasCondition(conditions, 'Ready')) reason = 'Running';
      else if (errorReason !== '') reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return {
    readyContainers,
    totalContainers,
    status: reason,
    restarts,
    lastRestartMs: lastRestart,
  };
}
