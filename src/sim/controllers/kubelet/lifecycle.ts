/**
 * The kubelet: drives each bound pod through image pull, container start, probes, crashes with
 * back-off, and graceful termination (k8s-semantics.md §13), writing the pod's status the way
 * the real kubelet reports it, so `kubectl get pods` shows the same STATUS column. This module
 * starts containers and probes them; how they end is in termination.ts, and how the kubelet
 * words a pod's status and events in report.ts.
 */
import type { Pod, Probe } from '../../api/podShapes';
import { toTimestamp } from '../../core/time';
import { nodeInternalIP } from '../../api/nodeAddress';
import type { ImageBehaviour } from '../../scenario/scenario';
import type { Ctx, KubeletTimer } from '../context';
import { goDuration, nextBackoff } from './backoff';
import { PROBE_FIELD, probeFailureDetail, probeTiming, type ProbeKind } from './probes';
import { mainContainer, podEvent, writeStatus } from './report';
import { accepting, type PodRuntime } from './runtime';
import { crash, exit, killForProbe, sigterm } from './termination';

/** The kubelet notices a newly bound pod this long after binding (its pod worker sync). */
export const KUBELET_LATENCY_MS = 5;

export class Kubelet {
  readonly runtimes = new Map<string, PodRuntime>();
  /** The same runtimes by pod name. */
  private readonly named = new Map<string, PodRuntime>();
  private ipCounters = new Map<string, number>();

  constructor(private readonly ctx: Ctx) {}

  /** Copy for checkpoints. */
  snapshot(): { runtimes: [string, PodRuntime][]; ips: [string, number][] } {
    return {
      runtimes: [...this.runtimes].map(([k, v]) => [k, { ...v }]),
      ips: [...this.ipCounters],
    };
  }

  restore(s: { runtimes: [string, PodRuntime][]; ips: [string, number][] }): void {
    this.runtimes.clear();
    this.named.clear();
    for (const [k, v] of s.runtimes) {
      const rt = { ...v };
      this.runtimes.set(k, rt);
      this.named.set(rt.name, rt);
    }
    this.ipCounters = new Map(s.ips);
  }

  /** The runtime of the pod called `name` (the traffic generator asks this for every endpoint). */
  byName(name: string): PodRuntime | undefined {
    return this.named.get(name);
  }

  /** Watch hook: a pod got a node, or a deletion was requested. */
  onPodChange(pod: Pod, old: Pod | undefined): void {
    const uid = pod.metadata?.uid ?? '';
    const name = pod.metadata?.name ?? '';
    if (pod.spec?.nodeName && !old?.spec?.nodeName && !this.runtimes.has(uid)) {
      this.ctx.kubeletTimer(this.ctx.now() + KUBELET_LATENCY_MS, name, uid, 'start', 0);
    }
    if (pod.metadata?.deletionTimestamp && !old?.metadata?.deletionTimestamp) {
      // SIGTERM goes out at the deletion request (§13.5); the pod has already left the endpoints.
      this.ctx.kubeletTimer(this.ctx.now(), name, uid, 'sigterm', -1);
    }
  }

  onPodDeleted(pod: Pod): void {
    const rt = this.runtimes.get(pod.metadata?.uid ?? '');
    if (rt && this.named.get(rt.name) === rt) this.named.delete(rt.name);
    this.runtimes.delete(pod.metadata?.uid ?? '');
  }

  fire(podName: string, uid: string, what: KubeletTimer, gen: number): void {
    const pod = this.ctx.store.get<Pod>('Pod', podName);
    if (!pod || pod.metadata?.uid !== uid) return;
    if (what === 'start') return this.start(pod);
    const rt = this.runtimes.get(uid);
    if (what === 'sigterm') return sigterm(this.ctx, pod, rt);
    if (!rt || (gen !== -1 && gen !== rt.gen)) return;
    switch (what) {
      case 'exit':
        return exit(this.ctx, pod, rt);
      case 'pulled':
        return this.pulled(pod, rt);
      case 'pullRetry':
        return this.pullRetry(pod, rt);
      case 'restart':
        return this.startContainer(pod, rt);
      case 'crash':
        return crash(this.ctx, pod, rt, 'Error', 1);
      case 'readiness':
      case 'liveness':
      case 'startup':
        return this.probe(pod, rt, what);
    }
  }

  private behaviour(rt: PodRuntime): ImageBehaviour {
    return this.ctx.image(rt.image);
  }

  private start(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    if (this.runtimes.has(uid) || pod.metadata?.deletionTimestamp) return;
    const node = pod.spec?.nodeName ?? '';
    const c = mainContainer(pod);
    const rt: PodRuntime = {
      uid,
      name: pod.metadata?.name ?? '',
      node,
      image: c?.image ?? '',
      gen: 1,
      phase: 'creating',
      startedAt: null,
      listeningAt: null,
      restartCount: 0,
      crashBackoff: undefined,
      pullBackoff: undefined,
      ready: false,
      readySucc: 0,
      readyFail: 0,
      liveFail: 0,
      startupFail: 0,
      started: false,
      sigterm: false,
      sigtermAt: null,
    };
    this.runtimes.set(uid, rt);
    this.named.set(rt.name, rt);
    const now = this.ctx.now();
    const hostIP = nodeIP(node);
    const podIP = this.allocateIP(node);
    // The kubelet reports the plural fields beside the singular ones (PodStatus podIPs/hostIPs,
    // kubelet_pods.go generateAPIPodStatus); kubectl describe prints IPs from podIPs.
    writeStatus(this.ctx, pod, rt, {
      startTime: toTimestamp(now),
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
    });
    this.beginPull(pod, rt);
  }

  private beginPull(pod: Pod, rt: PodRuntime): void {
    podEvent(this.ctx, pod, 'Normal', 'Pulling', `Pulling image "${rt.image}"`);
    this.ctx.kubeletTimer(
      this.ctx.now() + this.behaviour(rt).pullTime,
      rt.name,
      rt.uid,
      'pulled',
      rt.gen,
    );
  }

  private pulled(pod: Pod, rt: PodRuntime): void {
    const b = this.behaviour(rt);
    if (b.pullError) {
      rt.phase = 'pullFailed';
      rt.pullBackoff = nextBackoff(rt.pullBackoff, false);
      const ref = `docker.io/library/${rt.image}`;
      podEvent(
        this.ctx,
        pod,
        'Warning',
        'Failed',
        `Failed to pull image "${rt.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
      );
      podEvent(this.ctx, pod, 'Warning', 'Failed', 'Error: ErrImagePull');
      writeStatus(
        this.ctx,
        pod,
        rt,
        {},
        { waiting: 'ErrImagePull', message: `failed to pull and unpack image "${ref}"` },
      );
      // The next pod sync (about a second later) reports the back-off.
      this.ctx.kubeletTimer(this.ctx.now() + 1000, rt.name, rt.uid, 'pullRetry', rt.gen);
      return;
    }
    const secs = goDuration(b.pullTime).replace(/^0s$/, `${b.pullTime}ms`);
    podEvent(
      this.ctx,
      pod,
      'Normal',
      'Pulled',
      `Successfully pulled image "${rt.image}" in ${secs} (${secs} including waiting)`,
    );
    this.startContainer(pod, rt);
  }

  private pullRetry(pod: Pod, rt: PodRuntime): void {
    if (rt.phase !== 'pullFailed') return;
    const waiting = currentWaiting(pod);
    if (waiting === 'ErrImagePull') {
      podEvent(this.ctx, pod, 'Normal', 'BackOff', `Back-off pulling image "${rt.image}"`);
      podEvent(this.ctx, pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      writeStatus(
        this.ctx,
        pod,
        rt,
        {},
        { waiting: 'ImagePullBackOff', message: `Back-off pulling image "${rt.image}"` },
      );
      const wait = Math.max(0, (rt.pullBackoff ?? 0) - 1000);
      this.ctx.kubeletTimer(this.ctx.now() + wait, rt.name, rt.uid, 'pullRetry', rt.gen);
      return;
    }
    rt.phase = 'creating';
    this.beginPull(pod, rt);
  }

  private startContainer(pod: Pod, rt: PodRuntime): void {
    if (rt.sigterm) return;
    const c = mainContainer(pod);
    const b = this.behaviour(rt);
    const now = this.ctx.now();
    rt.gen++;
    rt.phase = 'running';
    rt.startedAt = now;
    rt.listeningAt = b.ready ? now + b.startTime : null;
    rt.readySucc = 0;
    rt.readyFail = 0;
    rt.liveFail = 0;
    rt.startupFail = 0;
    rt.started = !c?.startupProbe;
    rt.ready = !c?.readinessProbe && rt.started;
    podEvent(this.ctx, pod, 'Normal', 'Created', `Created container: ${c?.name ?? ''}`);
    podEvent(this.ctx, pod, 'Normal', 'Started', `Started container ${c?.name ?? ''}`);
    writeStatus(this.ctx, pod, rt, {});
    if (b.crashAfter !== null)
      this.ctx.kubeletTimer(now + b.crashAfter, rt.name, rt.uid, 'crash', rt.gen);
    const kinds: ProbeKind[] = c?.startupProbe ? ['startup'] : ['readiness', 'liveness'];
    for (const k of kinds) this.scheduleProbe(pod, rt, k, now, true);
  }

  private scheduleProbe(
    pod: Pod,
    rt: PodRuntime,
    kind: ProbeKind,
    from: number,
    first: boolean,
  ): void {
    const p = mainContainer(pod)?.[PROBE_FIELD[kind]];
    if (!p) return;
    const t = probeTiming(p);
    this.ctx.kubeletTimer(
      from + (first ? t.initialDelayMs : t.periodMs),
      rt.name,
      rt.uid,
      kind,
      rt.gen,
    );
  }

  private probe(pod: Pod, rt: PodRuntime, kind: ProbeKind): void {
    if (rt.phase !== 'running' || rt.sigterm) return;
    const c = mainContainer(pod);
    const p = c?.[PROBE_FIELD[kind]] as Probe | undefined;
    if (!c || !p) return;
    const now = this.ctx.now();
    const t = probeTiming(p);
    const ok = accepting(rt, now);
    const label = kind === 'readiness' ? 'Readiness' : kind === 'liveness' ? 'Liveness' : 'Startup';
    if (!ok)
      podEvent(
        this.ctx,
        pod,
        'Warning',
        'Unhealthy',
        `${label} probe failed: ${probeFailureDetail(pod, c, p)}`,
      );
    if (kind === 'readiness') {
      rt.readySucc = ok ? rt.readySucc + 1 : 0;
      rt.readyFail = ok ? 0 : rt.readyFail + 1;
      const before = rt.ready;
      if (!rt.ready && rt.readySucc >= t.successThreshold) rt.ready = true;
      if (rt.ready && rt.readyFail >= t.failureThreshold) rt.ready = false;
      if (before !== rt.ready) writeStatus(this.ctx, pod, rt, {});
    } else if (kind === 'startup') {
      if (ok) {
        rt.started = true;
        rt.ready = !c.readinessProbe;
        writeStatus(this.ctx, pod, rt, {});
        this.scheduleProbe(pod, rt, 'readiness', now, false);
        this.scheduleProbe(pod, rt, 'liveness', now, false);
        return;
      }
      if (++rt.startupFail >= t.failureThreshold)
        return killForProbe(this.ctx, pod, rt, c, 'startup');
    } else {
      rt.liveFail = ok ? 0 : rt.liveFail + 1;
      if (rt.liveFail >= t.failureThreshold) return killForProbe(this.ctx, pod, rt, c, 'liveness');
    }
    this.scheduleProbe(pod, rt, kind, now, false);
  }

  private allocateIP(node: string): string {
    const n = (this.ipCounters.get(node) ?? 1) + 1;
    this.ipCounters.set(node, n);
    const idx = Number(/(\d+)$/.exec(node)?.[1] ?? 1);
    return `10.244.${idx}.${n % 254 || 254}`;
  }
}

function currentWaiting(pod: Pod): string | undefined {
  return pod.status?.containerStatuses?.[0]?.state?.waiting?.reason;
}

function nodeIP(node: string): string {
  return nodeInternalIP(node);
}
