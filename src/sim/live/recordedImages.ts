/**
 * How each image behaved in the recording, measured from the pods' observed changes: the time
 * a pull took (the kubelet's start of the pod to its container running), the time the app took
 * to pass its readiness probe, the time a terminating pod took to go, and pulls that failed.
 * These become the scenario's `spec.images`, so the replayed pods take the same time. What the
 * API cannot show (when an app without a readinessProbe starts listening) keeps the default.
 *
 * Times are the watch's arrival times (`atMs`); a pod that was already running when the
 * recording started says nothing here.
 */
import type { Rec } from '../scenario/specReader';
import { isRec } from '../scenario/specReader';
import type { ObservedChange, ObservedObject } from './observation';

export interface ImageTiming {
  image: string;
  pullTime?: number;
  startTime?: number;
  shutdownTime?: number;
  pullError: boolean;
  /**
   * No pod of this image ever passed its readiness probe while recorded (for at least this
   * many ms): the scenario says `ready: false`, as far as the recording saw.
   */
  neverReady?: number;
  /** Pods of this image measured. */
  pods: number;
}

/** What happened to a container the simulator does not reproduce (crashes, OOM kills). */
export interface PodTrouble {
  pod: string;
  image: string;
  atMs: number;
  what: string;
}

interface PodTrack {
  image: string;
  probe: Rec | undefined;
  /** Listed at the start: already running, so its pull and start times were not seen. */
  before: boolean;
  started?: number;
  running?: number;
  ready?: number;
  pullFailed: boolean;
  /** The pull's start and end were first seen in one event: its time is unknown. */
  pullUnseen?: boolean;
  /** Running and Ready were first seen in one event (with a probe): the app's start is unknown. */
  readyUnseen?: boolean;
  /** When the first pull failure was reported. */
  failedAt?: number;
  terminating?: number;
  runningAtTerm: boolean;
  gone?: number;
  restarts: number;
}

const container = (pod: ObservedObject): Rec | undefined => {
  const spec = isRec(pod.spec) ? pod.spec : {};
  const cs = Array.isArray(spec.containers) ? spec.containers[0] : undefined;
  return isRec(cs) ? cs : undefined;
};

const statusOf = (pod: ObservedObject): Rec => (isRec(pod.status) ? pod.status : {});

const containerStatus = (pod: ObservedObject): Rec | undefined => {
  const cs = statusOf(pod).containerStatuses;
  return Array.isArray(cs) && isRec(cs[0]) ? cs[0] : undefined;
};

function isReady(pod: ObservedObject): boolean {
  const conds = statusOf(pod).conditions;
  return (
    Array.isArray(conds) && conds.some((c) => isRec(c) && c.type === 'Ready' && c.status === 'True')
  );
}

const stateOf = (cs: Rec | undefined, which: string): Rec | undefined =>
  isRec(cs?.state) && isRec(cs.state[which]) ? cs.state[which] : undefined;

const PULL_FAILED = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName']);

/** The lower median: deterministic, and robust to the odd slow pod of a real cluster. */
function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** Seconds as kubectl's probe fields give them, in ms. */
const secs = (v: unknown, dflt: number): number => (typeof v === 'number' ? v : dflt) * 1000;

export function measureImages(
  initial: readonly ObservedObject[],
  changes: readonly ObservedChange[],
): { images: ImageTiming[]; troubles: PodTrouble[] } {
  const pods = new Map<string, PodTrack>();
  const troubles: PodTrouble[] = [];
  const track = (pod: ObservedObject, before: boolean): PodTrack => {
    const c = container(pod);
    const cs = containerStatus(pod);
    return {
      image: typeof c?.image === 'string' ? c.image : '',
      probe: isRec(c?.readinessProbe) ? c.readinessProbe : undefined,
      before,
      pullFailed: false,
      runningAtTerm: false,
      restarts: before && typeof cs?.restartCount === 'number' ? cs.restartCount : 0,
    };
  };
  const idOf = (pod: ObservedObject) => String(pod.metadata.uid ?? pod.metadata.name);
  // Pods that ran before the recording: their restarts count, their times are unknown.
  for (const o of initial) if (o.kind === 'Pod') pods.set(idOf(o), track(o, true));
  for (const ch of changes) {
    if (ch.object.kind !== 'Pod') continue;
    const pod = ch.object;
    const id = idOf(pod);
    let t = pods.get(id);
    if (!t) {
      t = track(pod, false);
      pods.set(id, t);
    }
    const at = ch.atMs;
    if (ch.type === 'DELETED') {
      t.gone ??= at;
      continue;
    }
    const cs = containerStatus(pod);
    // A pod listed at the start has its times unseen (summarise skips it); restarts still count.
    // Two transitions first seen in one event (a re-list's difference, a watch that started
    // late) happened at instants the recording did not see: they are not measured as 0.
    const running = stateOf(cs, 'running') !== undefined;
    if (!t.before && t.started === undefined && statusOf(pod).startTime !== undefined) {
      t.started = at;
      t.pullUnseen = running;
    }
    if (t.running === undefined && running) {
      t.running = at;
      t.readyUnseen = isReady(pod) && t.probe !== undefined;
    }
    if (t.ready === undefined && isReady(pod)) t.ready = at;
    const waiting = stateOf(cs, 'waiting')?.reason;
    if (typeof waiting === 'string' && PULL_FAILED.has(waiting) && t.running === undefined) {
      t.pullFailed = true;
      t.failedAt ??= at;
    }
    if (t.terminating === undefined && pod.metadata.deletionTimestamp !== undefined) {
      t.terminating = at;
      t.runningAtTerm = t.running !== undefined;
    }
    const restarts = typeof cs?.restartCount === 'number' ? cs.restartCount : 0;
    if (restarts > t.restarts) {
      t.restarts = restarts;
      const last = isRec(cs?.lastState) ? cs.lastState : {};
      const term = isRec(last.terminated) ? last.terminated : stateOf(cs, 'terminated');
      const reason = typeof term?.reason === 'string' ? term.reason : 'exited';
      troubles.push({
        pod: pod.metadata.name,
        image: t.image,
        atMs: at,
        what: `its container restarted (${reason}${typeof term?.exitCode === 'number' ? `, exit code ${term.exitCode}` : ''})`,
      });
    }
  }
  const end = Math.max(0, ...changes.map((c) => c.atMs));
  return { images: summarise([...pods.values()], end), troubles };
}

function summarise(tracks: readonly PodTrack[], end: number): ImageTiming[] {
  const byImage = new Map<string, PodTrack[]>();
  for (const t of tracks) {
    if (!t.image || t.before) continue;
    byImage.set(t.image, [...(byImage.get(t.image) ?? []), t]);
  }
  return [...byImage.keys()].sort().map((image) => {
    const ts = byImage.get(image) ?? [];
    const pulls: number[] = [];
    const starts: number[] = [];
    const stops: number[] = [];
    // A pod whose probe never passed while it ran says the app took longer than that: a
    // faster app in the replay would make it Ready, and the controllers would move on early.
    let atLeast = 0;
    for (const t of ts) {
      if (t.probe && t.running !== undefined && t.ready === undefined && t.restarts === 0)
        atLeast = Math.max(atLeast, (t.terminating ?? t.gone ?? end) - t.running + 1);
      if (t.started !== undefined && t.running !== undefined && !t.pullUnseen)
        pulls.push(t.running - t.started);
      const seen = !t.readyUnseen;
      if (t.probe && t.running !== undefined && t.ready !== undefined && t.restarts === 0 && seen) {
        // The first probe that sees the app listening makes the pod Ready (successThreshold
        // in a row, periodSeconds apart); an app that starts listening exactly at that probe
        // is Ready at the same instant (pkg/kubelet/prober/worker.go).
        const extra =
          (secs(t.probe.successThreshold, 1) / 1000 - 1) * secs(t.probe.periodSeconds, 10);
        starts.push(Math.max(0, t.ready - t.running - extra));
      }
      if (t.runningAtTerm && t.terminating !== undefined && t.gone !== undefined)
        stops.push(t.gone - t.terminating);
    }
    const failed = ts.filter((t) => t.pullFailed);
    const timing: ImageTiming = {
      image,
      pullError: failed.length > 0 && ts.every((t) => t.running === undefined),
      pods: ts.length,
    };
    const pull = median(pulls);
    if (pull !== undefined) timing.pullTime = Math.round(pull);
    const start = median(starts);
    const ran = ts.filter((t) => t.probe && t.running !== undefined);
    if (ran.length && ran.every((t) => t.ready === undefined)) timing.neverReady = atLeast - 1;
    else if (start !== undefined || atLeast > 0)
      timing.startTime = Math.round(Math.max(start ?? 0, atLeast));
    const stop = median(stops);
    if (stop !== undefined) timing.shutdownTime = Math.round(stop);
    if (timing.pullError) {
      // A failed pull reports ErrImagePull after the pull's time (the kubelet's image puller).
      const fails: number[] = [];
      for (const t of ts)
        if (t.started !== undefined && t.failedAt !== undefined) fails.push(t.failedAt - t.started);
      const f = median(fails);
      if (f !== undefined) timing.pullTime = Math.round(f);
    }
    return timing;
  });
}
