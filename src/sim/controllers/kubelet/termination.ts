/**
 * How a container ends (k8s-semantics.md §13): a crash, restarted after the kubelet's back-off
 * (CrashLoopBackOff); a kill for a failed liveness or startup probe, which ends in such a crash;
 * and graceful termination when the pod is deleted (SIGTERM, then the pod goes once the process
 * has exited or the grace period is over). Apart from lifecycle.ts, which starts containers and
 * probes them.
 */
import type { Container, Pod } from '../../api/podShapes';
import type { Ctx } from '../context';
import { BACKOFF_RESET_AFTER_MS, goDuration, nextBackoff } from './backoff';
import { mainContainer, podEvent, writeStatus } from './report';
import type { PodRuntime } from './runtime';

/** A failed liveness or startup probe: the container is stopped, then restarted as after a crash. */
export function killForProbe(
  ctx: Ctx,
  pod: Pod,
  rt: PodRuntime,
  c: Container,
  kind: 'startup' | 'liveness',
): void {
  podEvent(
    ctx,
    pod,
    'Normal',
    'Killing',
    `Container ${c.name} failed ${kind} probe, will be restarted`,
  );
  // The process gets SIGTERM; it is restarted once it has exited (exit code 137 if killed).
  const b = ctx.image(rt.image);
  const graceMs = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  rt.listeningAt = null;
  const exitIn = Math.min(b.shutdownTime, graceMs);
  rt.gen++;
  ctx.kubeletTimer(ctx.now() + exitIn, rt.name, rt.uid, 'crash', rt.gen);
}

/** The container exited: restart it at once the first time, then after a growing back-off. */
export function crash(ctx: Ctx, pod: Pod, rt: PodRuntime, reason: string, exitCode: number): void {
  if (rt.phase !== 'running') return;
  const now = ctx.now();
  const ranFor = now - (rt.startedAt ?? now);
  if (ranFor >= BACKOFF_RESET_AFTER_MS) rt.crashBackoff = undefined;
  rt.crashBackoff = nextBackoff(rt.crashBackoff, true);
  rt.phase = 'crashed';
  rt.ready = false;
  rt.gen++;
  const terminated = { reason, exitCode, startedAt: rt.startedAt, finishedAt: now };
  const c = mainContainer(pod);
  if (rt.crashBackoff === 0) {
    writeStatus(ctx, pod, rt, {}, { terminated });
    rt.restartCount++;
    ctx.kubeletTimer(now, rt.name, rt.uid, 'restart', rt.gen);
    return;
  }
  const podRef = `${pod.metadata?.name}_${pod.metadata?.namespace ?? 'default'}(${pod.metadata?.uid})`;
  podEvent(
    ctx,
    pod,
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${c?.name} in pod ${podRef}`,
  );
  rt.restartCount++;
  writeStatus(
    ctx,
    pod,
    rt,
    {},
    {
      waiting: 'CrashLoopBackOff',
      message: `back-off ${goDuration(rt.crashBackoff)} restarting failed container=${c?.name} pod=${podRef}`,
      terminated,
    },
  );
  ctx.kubeletTimer(now + rt.crashBackoff, rt.name, rt.uid, 'restart', rt.gen);
}

/** The pod's deletion was requested: SIGTERM, and the exit after shutdown or the grace period. */
export function sigterm(ctx: Ctx, pod: Pod, rt: PodRuntime | undefined): void {
  const now = ctx.now();
  const name = pod.metadata?.name ?? '';
  if (!rt || rt.phase !== 'running') {
    // Nothing is running (still pulling, or backing off): the pod goes at once.
    if (rt) {
      rt.sigterm = true;
      rt.phase = 'exited';
    }
    ctx.store.delete('Pod', name);
    return;
  }
  if (rt.sigterm) return;
  rt.sigterm = true;
  rt.sigtermAt = now;
  const c = mainContainer(pod);
  podEvent(ctx, pod, 'Normal', 'Killing', `Stopping container ${c?.name ?? ''}`);
  const graceMs =
    (pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) *
    1000;
  rt.phase = 'stopping';
  rt.gen++;
  ctx.kubeletTimer(
    now + Math.min(ctx.image(rt.image).shutdownTime, graceMs),
    rt.name,
    rt.uid,
    'exit',
    rt.gen,
  );
}

/** The process has exited after SIGTERM: the pod object goes. */
export function exit(ctx: Ctx, pod: Pod, rt: PodRuntime): void {
  rt.phase = 'exited';
  rt.ready = false;
  // Since v1.27 the kubelet reports a terminal phase before the object is removed (§18);
  // the removal follows in the same instant here.
  ctx.store.delete('Pod', pod.metadata?.name ?? '');
}
