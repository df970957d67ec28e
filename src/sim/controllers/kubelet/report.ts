/**
 * What the kubelet reports about a pod: the status it writes (containerStatuses, conditions,
 * phase) and the events it records. Apart from the lifecycle because this is the wording the
 * user sees (`kubectl get pods` STATUS, `describe` Events), spelled as the real kubelet's status
 * manager and event recorder spell it, while lifecycle.ts and termination.ts decide when.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from '../../api/podShapes';
import { toTimestamp } from '../../core/time';
import type { Ctx } from '../context';
import type { PodRuntime } from './runtime';

/** A container state to report instead of the one the runtime implies (waiting, terminated). */
export interface ReportedState {
  waiting?: string;
  message?: string;
  terminated?: {
    reason: string;
    exitCode: number;
    startedAt: number | null;
    finishedAt: number;
  };
}

/** The pod's one simulated container (the first of the spec). */
export function mainContainer(pod: Pod): Container | undefined {
  return pod.spec?.containers?.[0];
}

export function podEvent(
  ctx: Ctx,
  pod: Pod,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  ctx.events.record('Pod', pod.metadata?.name ?? '', type, reason, message, 'kubelet');
}

/** Writes the pod status that matches the runtime (containerStatuses, conditions, phase). */
export function writeStatus(
  ctx: Ctx,
  pod: Pod,
  rt: PodRuntime,
  extra: Record<string, unknown>,
  state?: ReportedState,
): void {
  const now = ctx.now();
  const fresh = ctx.store.get<Pod>('Pod', pod.metadata?.name ?? '') ?? pod;
  const containers = fresh.spec?.containers ?? [];
  const prevStatuses = fresh.status?.containerStatuses ?? [];
  const statuses: ContainerStatus[] = containers.map((c, i) => {
    const prev = prevStatuses[i];
    const cs: ContainerStatus = {
      name: c.name,
      image: c.image ?? '',
      imageID:
        rt.phase === 'creating' || rt.phase === 'pullFailed'
          ? ''
          : `docker.io/library/${c.image}@sha256:${fakeDigest(c.image ?? '')}`,
      ready: rt.ready && rt.phase === 'running',
      restartCount: rt.restartCount,
      started: rt.phase === 'running' && rt.started,
      state: {},
    };
    if (prev?.lastState && Object.keys(prev.lastState).length) cs.lastState = prev.lastState;
    if (state?.terminated) {
      const term = {
        reason: state.terminated.reason,
        exitCode: state.terminated.exitCode,
        ...(state.terminated.startedAt !== null
          ? { startedAt: toTimestamp(state.terminated.startedAt) }
          : {}),
        finishedAt: toTimestamp(state.terminated.finishedAt),
      };
      if (state.waiting) cs.lastState = { terminated: term };
      else cs.state = { terminated: term };
    }
    if (state?.waiting)
      cs.state = {
        waiting: { reason: state.waiting, ...(state.message ? { message: state.message } : {}) },
      };
    else if (!state?.terminated) {
      if (rt.phase === 'running' || rt.phase === 'stopping') {
        cs.state = { running: { startedAt: toTimestamp(rt.startedAt ?? now) } };
        cs.containerID = `containerd://${fakeDigest(`${rt.uid}/${rt.gen}`)}`;
      } else cs.state = { waiting: { reason: 'ContainerCreating' } };
    }
    return cs;
  });
  const podReady = rt.ready && rt.phase === 'running';
  const conditions = mergeConditions(fresh.status?.conditions ?? [], now, [
    { type: 'PodReadyToStartContainers', status: 'True' },
    { type: 'Initialized', status: 'True' },
    podReady
      ? { type: 'Ready', status: 'True' }
      : {
          type: 'Ready',
          status: 'False',
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`,
        },
    podReady
      ? { type: 'ContainersReady', status: 'True' }
      : {
          type: 'ContainersReady',
          status: 'False',
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`,
        },
  ]);
  const phase = rt.phase === 'creating' || rt.phase === 'pullFailed' ? 'Pending' : 'Running';
  ctx.store.update({
    ...fresh,
    status: { ...fresh.status, ...extra, phase, conditions, containerStatuses: statuses },
  });
}

/** Conditions keep lastTransitionTime unless their status flips (as the kubelet's status manager does). */
function mergeConditions(
  prev: PodCondition[],
  now: number,
  next: { type: string; status: string; reason?: string; message?: string }[],
): PodCondition[] {
  const out: PodCondition[] = prev.filter((c) => !next.some((n) => n.type === c.type));
  for (const n of next) {
    const old = prev.find((c) => c.type === n.type);
    const keep = old && old.status === n.status;
    out.push({
      type: n.type,
      status: n.status,
      ...(n.reason ? { reason: n.reason } : {}),
      ...(n.message ? { message: n.message } : {}),
      lastTransitionTime: keep ? (old.lastTransitionTime ?? toTimestamp(now)) : toTimestamp(now),
    });
  }
  return out;
}

/** Deterministic hex digest (FNV-1a, repeated) so image IDs and container IDs look real. */
function fakeDigest(s: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
