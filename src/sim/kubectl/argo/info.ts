/**
 * What the kubectl-argo-rollouts plugin knows about a Rollout before printing it: a port of
 * argo-rollouts pkg/kubectl-argo-rollouts/info (rollout_info.go, replicaset_info.go,
 * pod_info.go, analysisrun_info.go, info.go, the analysisIcon of experiment_info.go) and of the
 * helpers they call: utils/rollout/rolloututil.go (GetRolloutPhase, CalculateRolloutPhase),
 * utils/replicaset/canary.go (GetCurrentCanaryStep, GetCurrentSetWeight),
 * utils/weightutil (MaxTrafficWeight) and rollout/trafficrouting (ping-pong).
 *
 * Experiments are not simulated, so the Experiment parts of the tree are absent.
 */
import type { AnalysisRun, Pod, ReplicaSet, Rollout, RolloutSpec } from '../../api/objects';
import { fromTimestamp } from '../../core/time';
import { actualWeight, calculatePhase, currentSetWeight } from '../../controllers/rollout/phase';

export const IconWaiting = '◷';
export const IconProgressing = '◌';
export const IconWarning = '⚠';
export const IconUnknown = '?';
export const IconOK = '✔';
export const IconBad = '✖';
export const IconPaused = '॥';
export const IconNeutral = '•';

export const InfoTagCanary = 'canary';
export const InfoTagStable = 'stable';
export const InfoTagActive = 'active';
export const InfoTagPreview = 'preview';
export const InfoTagPing = 'ping';
export const InfoTagPong = 'pong';

const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
/** metricproviders/job: measurement metadata naming the Job of a job metric. */
const JOB_NAME_KEY = 'job-name';

export interface PodInfo {
  name: string;
  creationTimestamp: string | undefined;
  status: string;
  icon: string;
  ready: string;
  restarts: number;
}

export interface ReplicaSetInfo {
  name: string;
  uid: string | undefined;
  creationTimestamp: string | undefined;
  status: string;
  icon: string;
  revision: number;
  replicas: number;
  available: number;
  scaleDownDeadline: string;
  stable: boolean;
  canary: boolean;
  active: boolean;
  preview: boolean;
  ping: boolean;
  pong: boolean;
  images: string[];
  pods: PodInfo[];
}

export interface JobInfo {
  name: string;
  creationTimestamp: string | undefined;
  status: string;
  icon: string;
}

export interface AnalysisRunInfo {
  name: string;
  creationTimestamp: string | undefined;
  status: string;
  icon: string;
  revision: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  jobs: JobInfo[];
}

export interface RolloutInfo {
  name: string;
  namespace: string;
  creationTimestamp: string | undefined;
  strategy: '' | 'Canary' | 'BlueGreen';
  step: string;
  setWeight: string;
  actualWeight: string;
  status: string;
  message: string;
  icon: string;
  containers: { name: string; image: string }[];
  desired: number;
  current: number;
  updated: number;
  ready: number;
  available: number;
  replicaSets: ReplicaSetInfo[];
  analysisRuns: AnalysisRunInfo[];
}

type Owned = { metadata?: { ownerReferences?: readonly { uid: string }[] } };

/** info.go ownerRef: the owner reference naming one of `uids`. */
function ownerRefTo(obj: Owned, uids: readonly (string | undefined)[]): string | undefined {
  for (const ref of obj.metadata?.ownerReferences ?? []) {
    if (uids.includes(ref.uid)) return ref.uid;
  }
  return undefined;
}

/** strconv.Atoi: optional sign and decimal digits only. */
function atoi(s: string | undefined): number | undefined {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  return Number.parseInt(s, 10);
}

/** info.go parseRevision: 0 when the annotation is missing or not a number. */
function parseRevision(annotations: Record<string, string> | undefined): number {
  return atoi(annotations?.[REVISION_ANNOTATION]) ?? 0;
}

/**
 * metav1.Time compares at whole seconds (the API server stores RFC 3339 seconds), so objects
 * created within one second tie and fall back to the name, as they do against a real cluster.
 */
function createdSecond(ts: string | undefined): number {
  const ms = fromTimestamp(ts);
  return ms === undefined ? Number.NEGATIVE_INFINITY : Math.floor(ms / 1000);
}

// --- utils/weightutil, utils/replicaset/canary.go, rollout/trafficrouting -----------------

type Canary = NonNullable<NonNullable<RolloutSpec['strategy']>['canary']>;

function canaryOf(ro: Rollout): Canary | undefined {
  return ro.spec.strategy?.canary;
}

/** GetCurrentCanaryStep: the step at status.currentStepIndex (0 when unset), and that index. */
export function currentCanaryStep(ro: Rollout): {
  step: NonNullable<Canary['steps']>[number] | undefined;
  index: number | undefined;
} {
  const steps = canaryOf(ro)?.steps ?? [];
  if (!canaryOf(ro) || steps.length === 0) return { step: undefined, index: undefined };
  const index = ro.status?.currentStepIndex ?? 0;
  return { step: steps[index], index };
}

function isPingPongEnabled(ro: Rollout): boolean {
  return canaryOf(ro)?.pingPong !== undefined;
}

function isStablePing(ro: Rollout): boolean {
  return ro.status?.canary?.stablePingPong === 'ping';
}

// --- utils/rollout/rolloututil.go ---------------------------------------------------------

/** isGenerationObserved: status.observedGeneration (a string) against metadata.generation. */
function isGenerationObserved(ro: Rollout): boolean {
  const observed = atoi(ro.status?.observedGeneration);
  if (observed === undefined) return true;
  const generation = ro.metadata?.generation ?? 0;
  if (observed > generation) return true;
  return observed === generation;
}

/** IsUnpausing: the controller paused it, and a user cleared the pause conditions since. */
function isUnpausing(ro: Rollout): boolean {
  return !!ro.status?.controllerPause && (ro.status.pauseConditions ?? []).length === 0;
}

function replicasOrDefault(ro: Rollout): number {
  return ro.spec.replicas ?? 1;
}

/** GetRolloutPhase: the controller's phase and message, unless the client knows better. */
export function rolloutPhase(ro: Rollout): { phase: string; message: string } {
  if (!isGenerationObserved(ro))
    return { phase: 'Progressing', message: 'waiting for rollout spec update to be observed' };
  if (isUnpausing(ro)) return { phase: 'Progressing', message: 'waiting for rollout to unpause' };
  if (ro.status?.phase) return { phase: ro.status.phase, message: ro.status.message ?? '' };
  return calculatePhase(ro);
}

// --- icons --------------------------------------------------------------------------------

function rolloutIcon(status: string): string {
  switch (status) {
    case 'Progressing':
      return IconProgressing;
    case 'Error':
    case 'InvalidSpec':
      return IconWarning;
    case 'Paused':
      return IconPaused;
    case 'Healthy':
      return IconOK;
    case 'Degraded':
      return IconBad;
    case 'Unknown':
      return IconUnknown;
    case 'ScaledDown':
      return IconNeutral;
  }
  return ' ';
}

function replicaSetIcon(status: string): string {
  switch (status) {
    case 'Progressing':
      return IconProgressing;
    case 'Healthy':
      return IconOK;
    case 'ReplicaFailure':
      return IconBad;
    case 'ScaledDown':
      return IconNeutral;
  }
  return ' ';
}

export function analysisIcon(status: string | undefined): string {
  switch (status) {
    case 'Successful':
      return IconOK;
    case 'Inconclusive':
      return IconUnknown;
    case 'Failed':
      return IconBad;
    case 'Error':
      return IconWarning;
    case 'Running':
      return IconProgressing;
    case 'Pending':
      return IconWaiting;
  }
  return ' ';
}

function podIcon(status: string): string {
  if (status.startsWith('Init:')) return IconProgressing;
  if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return IconBad;
  if (status.endsWith('Error') || status.startsWith('Err')) return IconWarning;
  switch (status) {
    case 'Pending':
    case 'Terminating':
    case 'ContainerCreating':
      return IconProgressing;
    case 'Running':
    case 'Completed':
      return IconOK;
    case 'Failed':
    case 'InvalidImageName':
    case 'CrashLoopBackOff':
      return IconBad;
    case 'ImagePullBackOff':
    case 'RegistryUnavailable':
      return IconWarning;
    case 'Unknown':
      return IconUnknown;
  }
  return ' ';
}

// --- replicaset_info.go, pod_info.go --------------------------------------------------------

/** getReplicaSetHealth. */
function replicaSetHealth(rs: ReplicaSet): string {
  const generation = rs.metadata?.generation ?? 0;
  const observed = rs.status?.observedGeneration ?? 0;
  const desired = rs.spec?.replicas;
  if (generation <= observed) {
    const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
    if (failure?.status === 'True') return 'ReplicaFailure';
    if (desired !== undefined && (rs.status?.availableReplicas ?? 0) < desired)
      return 'Progressing';
  } else {
    return 'Progressing';
  }
  if (desired === 0) return 'ScaledDown';
  return 'Healthy';
}

/** newPodInfo: the STATUS and READY the plugin shows for a pod (its own copy of printPod). */
export function newPodInfo(pod: Pod): PodInfo {
  let restarts = 0;
  const sidecars = new Map<string, boolean>();
  for (const c of pod.spec?.initContainers ?? [])
    sidecars.set(c.name, c.restartPolicy === 'Always');
  const totalContainers = (pod.spec?.containers ?? []).length;
  let readyContainers = 0;
  let reason: string = pod.status?.phase ?? '';
  if (pod.status?.reason) reason = pod.status.reason;

  let initializing = false;
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  const initCount = (pod.spec?.initContainers ?? []).length;
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    if (!container) continue;
    restarts += container.restartCount ?? 0;
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
      initializing = true;
    } else if (sidecars.get(container.name) && container.started) {
      if (container.ready) continue;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initCount}`;
      initializing = true;
    }
    break;
  }
  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      if (!container) continue;
      restarts += container.restartCount ?? 0;
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) {
        reason = terminated.signal
          ? `Signal:${terminated.signal}`
          : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp) reason = 'Terminating';

  return {
    name: pod.metadata?.name ?? '',
    creationTimestamp: pod.metadata?.creationTimestamp,
    status: reason,
    icon: podIcon(reason),
    ready: `${readyContainers}/${totalContainers}`,
    restarts,
  };
}

/** GetReplicaSetInfo + addPodInfos. */
function replicaSetInfos(ro: Rollout, allRS: readonly ReplicaSet[], allPods: readonly Pod[]) {
  const uid = ro.metadata?.uid;
  const infos: ReplicaSetInfo[] = [];
  for (const rs of allRS) {
    if (ownerRefTo(rs, [uid]) === undefined) continue;
    const status = replicaSetHealth(rs);
    const info: ReplicaSetInfo = {
      name: rs.metadata?.name ?? '',
      uid: rs.metadata?.uid,
      creationTimestamp: rs.metadata?.creationTimestamp,
      status,
      icon: replicaSetIcon(status),
      revision: parseRevision(rs.metadata?.annotations),
      replicas: rs.status?.replicas ?? 0,
      available: rs.status?.availableReplicas ?? 0,
      scaleDownDeadline: rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION] ?? '',
      stable: false,
      canary: false,
      active: false,
      preview: false,
      ping: false,
      pong: false,
      images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
      pods: [],
    };
    const hash = rs.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL] ?? '';
    const st = ro.status ?? {};
    if (canaryOf(ro)) {
      const stableIsPing = isStablePing(ro);
      if ((st.stableRS ?? '') === hash) {
        info.stable = true;
        if (isPingPongEnabled(ro)) {
          info.ping = stableIsPing;
          info.pong = !stableIsPing;
        }
      } else if ((st.currentPodHash ?? '') === hash) {
        info.canary = true;
        if (isPingPongEnabled(ro)) {
          info.ping = !stableIsPing;
          info.pong = stableIsPing;
        }
      }
    }
    if (ro.spec.strategy?.blueGreen) {
      if ((st.stableRS ?? '') === hash) info.stable = true;
      if ((st.blueGreen?.activeSelector ?? '') === hash) info.active = true;
      else if ((st.blueGreen?.previewSelector ?? '') === hash) info.preview = true;
    }
    infos.push(info);
  }
  // The Go comparator compares creation times without using the result, so ties go by name.
  infos.sort((a, b) =>
    a.revision !== b.revision ? b.revision - a.revision : a.name < b.name ? -1 : 1,
  );
  const byUid = new Map(infos.map((i) => [i.uid, i]));
  const uids = infos.map((i) => i.uid);
  for (const pod of allPods) {
    const owner = ownerRefTo(pod, uids);
    if (owner === undefined) continue;
    byUid.get(owner)?.pods.push(newPodInfo(pod));
  }
  for (const info of infos) {
    info.pods.sort((a, b) => {
      const ta = createdSecond(a.creationTimestamp);
      const tb = createdSecond(b.creationTimestamp);
      if (ta !== tb) return ta - tb;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  }
  return infos;
}

/** getAnalysisRunInfo. */
function analysisRunInfos(ro: Rollout, allRuns: readonly AnalysisRun[]): AnalysisRunInfo[] {
  const infos: AnalysisRunInfo[] = [];
  for (const run of allRuns) {
    if (ownerRefTo(run, [ro.metadata?.uid]) === undefined) continue;
    const info: AnalysisRunInfo = {
      name: run.metadata?.name ?? '',
      creationTimestamp: run.metadata?.creationTimestamp,
      status: run.status?.phase ?? '',
      icon: analysisIcon(run.status?.phase),
      revision: parseRevision(run.metadata?.annotations),
      successful: 0,
      failed: 0,
      inconclusive: 0,
      error: 0,
      jobs: [],
    };
    for (const mr of run.status?.metricResults ?? []) {
      info.successful += mr.successful ?? 0;
      info.failed += mr.failed ?? 0;
      info.inconclusive += mr.inconclusive ?? 0;
      info.error += mr.error ?? 0;
      // ArrayMeasurement looks the result up by name: the first result of that name.
      const result = run.status?.metricResults?.find((r) => r.name === mr.name);
      for (const m of result?.measurements ?? []) {
        const job = m.metadata?.[JOB_NAME_KEY];
        if (job === undefined) continue;
        info.jobs.push({
          name: job,
          creationTimestamp: m.startedAt,
          status: m.phase,
          icon: analysisIcon(m.phase),
        });
      }
    }
    infos.push(info);
  }
  infos.sort((a, b) => {
    if (a.revision !== b.revision) return b.revision - a.revision;
    const ta = createdSecond(a.creationTimestamp);
    const tb = createdSecond(b.creationTimestamp);
    if (ta !== tb) return ta - tb;
    return a.name > b.name ? -1 : a.name < b.name ? 1 : 0;
  });
  return infos;
}

export interface ClusterView {
  replicaSets: readonly ReplicaSet[];
  pods: readonly Pod[];
  analysisRuns: readonly AnalysisRun[];
  /** The Deployment named by spec.workloadRef, when there is one. */
  workload?: {
    spec?: { template?: { spec?: { containers: { name: string; image?: string }[] } } };
  };
}

/** NewRolloutInfo. */
export function newRolloutInfo(ro: Rollout, view: ClusterView): RolloutInfo {
  const replicaSets = replicaSetInfos(ro, view.replicaSets, view.pods);
  const st = ro.status ?? {};
  const info: RolloutInfo = {
    name: ro.metadata?.name ?? '',
    namespace: ro.metadata?.namespace ?? '',
    creationTimestamp: ro.metadata?.creationTimestamp,
    strategy: '',
    step: '',
    setWeight: '',
    actualWeight: '',
    status: '',
    message: '',
    icon: '',
    containers: [],
    desired: replicasOrDefault(ro),
    current: st.replicas ?? 0,
    updated: st.updatedReplicas ?? 0,
    ready: st.readyReplicas ?? 0,
    available: st.availableReplicas ?? 0,
    replicaSets,
    analysisRuns: analysisRunInfos(ro, view.analysisRuns),
  };
  const canary = canaryOf(ro);
  if (canary) {
    info.strategy = 'Canary';
    const steps = canary.steps ?? [];
    if (st.currentStepIndex !== undefined && steps.length > 0)
      info.step = `${st.currentStepIndex}/${steps.length}`;
    info.setWeight = String(currentSetWeight(ro));
    const canaryRS = replicaSets.find((rs) => rs.canary);
    info.actualWeight = String(actualWeight(ro, canaryRS ? canaryRS.available : null));
  } else if (ro.spec.strategy?.blueGreen) {
    info.strategy = 'BlueGreen';
  }
  const { phase, message } = rolloutPhase(ro);
  info.status = phase;
  info.message = message;
  info.icon = rolloutIcon(phase);
  const template = view.workload ? view.workload.spec?.template : ro.spec.template;
  info.containers = (template?.spec?.containers ?? []).map((c) => ({
    name: c.name,
    image: c.image ?? '',
  }));
  return info;
}

export interface ImageInfo {
  image: string;
  tags: string[];
}

/** info.Images: images of the ReplicaSets that have pods, with their stack tags. */
export function images(info: RolloutInfo): ImageInfo[] {
  let out: ImageInfo[] = [];
  for (const rs of info.replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) {
      const tags: string[] = [];
      if (rs.canary) tags.push(InfoTagCanary);
      if (rs.stable) tags.push(InfoTagStable);
      if (rs.active) tags.push(InfoTagActive);
      if (rs.preview) tags.push(InfoTagPreview);
      if (rs.ping) tags.push(InfoTagPing);
      if (rs.pong) tags.push(InfoTagPong);
      out = mergeImageAndTags({ image, tags }, out);
    }
  }
  return out;
}

/** mergeImageAndTags: add or merge (tags then sorted and deduplicated), images kept sorted. */
function mergeImageAndTags(image: ImageInfo, list: ImageInfo[]): ImageInfo[] {
  const found = list.findIndex((i) => i.image === image.image);
  const out = [...list];
  if (found === -1) out.push(image);
  else {
    const existing = out[found];
    if (existing)
      out[found] = {
        image: existing.image,
        tags: [...new Set([...image.tags, ...existing.tags])].sort(),
      };
  }
  out.sort((a, b) => (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
  return out;
}

/** info.Revisions: every revision with a ReplicaSet or AnalysisRun, newest first. */
export function revisions(info: RolloutInfo): number[] {
  const set = new Set<number>();
  for (const rs of info.replicaSets) set.add(rs.revision);
  for (const ar of info.analysisRuns) set.add(ar.revision);
  return [...set].sort((a, b) => b - a);
}
