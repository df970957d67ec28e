/**
 * What a recorded scenario leaves out or assumes, in words for the person who saves it: the
 * objects the controllers make again, the image timings measured, the failures the simulator
 * does not reproduce, and what the API never showed (requests, nodes).
 */
import { durationText } from '../session/exportScenario';
import type { Rec } from '../scenario/specReader';
import { isRec } from '../scenario/specReader';
import type { Observation, ObservedObject } from './observation';
import { keyOf, madeBy } from './recordedObjects';
import type { ImageTiming, PodTrouble } from './recordedImages';
import { analysisAbort, type RecordedStep } from './recordedSteps';

const specOf = (o: Rec): Rec => (isRec(o.spec) ? o.spec : {});
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The Services and routes a Rollout names: Argo Rollouts rewrites their selectors and weights. */
export function rolloutManaged(all: readonly ObservedObject[]): Set<string> {
  const out = new Set<string>();
  for (const ro of all) {
    if (ro.kind !== 'Rollout') continue;
    const strategy = isRec(specOf(ro).strategy) ? (specOf(ro).strategy as Rec) : {};
    for (const s of [strategy.canary, strategy.blueGreen]) {
      if (!isRec(s)) continue;
      for (const f of ['canaryService', 'stableService', 'activeService', 'previewService'])
        if (typeof s[f] === 'string') out.add(`Service/${s[f]}`);
      const tr = isRec(s.trafficRouting) ? s.trafficRouting : {};
      const istio = isRec(tr.istio) ? tr.istio : {};
      const vss = [
        istio.virtualService,
        ...(Array.isArray(istio.virtualServices) ? istio.virtualServices : []),
      ];
      for (const vs of vss)
        if (isRec(vs) && typeof vs.name === 'string') out.add(`VirtualService/${vs.name}`);
      const plugins = isRec(tr.plugins) ? tr.plugins : {};
      for (const p of Object.values(plugins)) {
        if (!isRec(p)) continue;
        if (typeof p.httpRoute === 'string') out.add(`HTTPRoute/${p.httpRoute}`);
        if (Array.isArray(p.httpRoutes))
          for (const r of p.httpRoutes)
            if (isRec(r) && typeof r.name === 'string') out.add(`HTTPRoute/${r.name}`);
      }
    }
  }
  return out;
}

/** The simulator's cluster when a Scenario names none (resolveScenario.ts DEFAULT_CLUSTER). */
export const DEFAULT_NODES = 3;

/** The nodes the recorded pods ran on, by name. */
export function nodesSeen(all: readonly ObservedObject[]): string[] {
  const names = new Set<string>();
  for (const o of all)
    if (o.kind === 'Pod' && typeof specOf(o).nodeName === 'string')
      names.add(specOf(o).nodeName as string);
  return [...names].sort();
}

/** How many nodes the replay has: as many as the pods ran on, at least the default. */
export function replayNodes(all: readonly ObservedObject[]): number {
  return Math.max(DEFAULT_NODES, nodesSeen(all).length);
}

function nodeNote(all: readonly ObservedObject[]): string {
  const seen = nodesSeen(all);
  const n = replayNodes(all);
  const size = "of the simulator's default size (4 CPU, 8Gi); node sizes are not recorded";
  if (!seen.length) return `Nodes are not recorded: the replay has ${n} nodes ${size}.`;
  const names = seen.length > 5 ? `${seen.slice(0, 5).join(', ')}, …` : seen.join(', ');
  return `Pods ran on ${plural(seen.length, 'node')} (${names}): the replay has ${n} nodes ${size}.`;
}

/** Pods the scheduler could not place: the replay's nodes may have room they did not. */
function unschedulable(all: readonly ObservedObject[]): string[] {
  const pods = new Map<string, string>();
  for (const o of all) {
    const conds = o.kind === 'Pod' && isRec(o.status) ? o.status.conditions : undefined;
    if (!Array.isArray(conds) || pods.has(o.metadata.name)) continue;
    const c = conds.find(
      (x) => isRec(x) && x.type === 'PodScheduled' && x.reason === 'Unschedulable',
    );
    if (isRec(c)) pods.set(o.metadata.name, typeof c.message === 'string' ? c.message : '');
  }
  if (!pods.size) return [];
  const [first, message] = [...pods].sort(([a], [b]) => a.localeCompare(b))[0]!;
  return [
    `${plural(pods.size, 'pod')} could not be scheduled in the recording (${first}: ${message}): the replay's nodes may have room the cluster's did not.`,
  ];
}

export interface NotesInput {
  obs: Observation;
  seen: ReadonlySet<string>;
  all: readonly ObservedObject[];
  images: readonly ImageTiming[];
  troubles: readonly PodTrouble[];
  traffic: { what: string; rps: number } | null;
  managed: ReadonlySet<string>;
  steps: readonly RecordedStep[];
}

export function recordingNotes(i: NotesInput): string[] {
  const notes: string[] = [];
  const byKind = new Map<string, Set<string>>();
  const foreign = new Set<string>();
  const unknown = new Set<string>();
  const hpas = new Set<string>();
  for (const o of i.all) {
    const m = madeBy(o, i.seen);
    if (o.kind === 'HorizontalPodAutoscaler') hpas.add(o.metadata.name);
    if (m?.by === 'owner' || m?.by === 'controller')
      byKind.set(o.kind, (byKind.get(o.kind) ?? new Set()).add(o.metadata.name));
    else if (m?.by === 'foreign') foreign.add(`${keyOf(o)} (made by ${m.owner})`);
    else if (m?.by === 'unknown') unknown.add(keyOf(o));
  }
  const made = [...byKind.keys()].sort().map((k) => plural(byKind.get(k)?.size ?? 0, k));
  if (made.length)
    notes.push(
      `Not in the scenario, since the simulator's controllers make them again: ${made.join(', ')}. Their names (a pod's random suffix) differ in the replay.`,
    );
  if (foreign.size)
    notes.push(
      `Left out, made by something the recording does not hold: ${[...foreign].sort().join(', ')}.`,
    );
  if (unknown.size)
    notes.push(`Left out, kinds the simulator does not model: ${[...unknown].sort().join(', ')}.`);
  for (const h of [...hpas].sort())
    notes.push(
      `HorizontalPodAutoscaler ${h} is left out: it scales on CPU load from requests, which the API does not show. The replicas it set are replayed as \`kubectl scale\` steps at the times it set them.`,
    );
  if (i.managed.size)
    notes.push(
      `Argo Rollouts rewrites ${[...i.managed].sort().join(', ')} (selectors, weights) itself: those changes are not steps, the replay's Rollout controller makes them.`,
    );
  notes.push(...startNotes(i.obs.initial, i.seen, i.steps));
  notes.push(...seenLate(i.obs, i.seen));
  notes.push(...missingTemplates(i.all, i.seen));
  const aborted = new Map<string, string>();
  for (const o of i.all) {
    const why = o.kind === 'Rollout' ? analysisAbort(o) : undefined;
    if (why && !aborted.has(o.metadata.name)) aborted.set(o.metadata.name, why);
  }
  for (const [name, why] of [...aborted].sort(([a], [b]) => a.localeCompare(b)))
    notes.push(
      `Rollout ${name} was aborted by its analysis in the recording (${why}). The analysis measured requests, which are not recorded, so the replay aborts it with a step at that moment.`,
    );
  if (i.obs.namespace !== 'default')
    notes.push(`Namespace ${i.obs.namespace} becomes the simulator's one namespace, default.`);
  notes.push(...imageNotes(i.images));
  for (const t of i.troubles)
    notes.push(
      `Pod ${t.pod} (${t.image}) at ${durationText(t.atMs)}: ${t.what}. The simulator does not reproduce failures caused outside it (memory, nodes); the replay's pod keeps running.`,
    );
  notes.push(
    i.traffic
      ? `Requests are not visible through the Kubernetes API: the replay sends ${i.traffic.rps} requests/s to ${i.traffic.what}, as for a file of manifests alone.`
      : 'Requests are not visible through the Kubernetes API, and there is no Service to send them to: no traffic.',
  );
  notes.push(nodeNote(i.all));
  notes.push(...unschedulable(i.all));
  notes.push(
    `Steps: ${i.steps.length ? i.steps.length : 'none'} (changes a person made to the objects, at the times they were seen; revisions count from 1 in the replay).`,
  );
  return notes;
}

function imageNotes(images: readonly ImageTiming[]): string[] {
  return images.map((i) => {
    const parts: string[] = [];
    if (i.pullError)
      parts.push('every pull failed (ErrImagePull), so the scenario marks it pullError');
    else if (i.pullTime !== undefined) parts.push(`pull ${durationText(i.pullTime)}`);
    else parts.push('pull not seen (default)');
    if (i.startTime !== undefined) parts.push(`ready ${durationText(i.startTime)} after start`);
    else if (i.neverReady !== undefined)
      parts.push(
        `never passed its readiness probe while recorded (up to ${durationText(i.neverReady)}), so the scenario marks it ready: false`,
      );
    else if (!i.pullError)
      parts.push(
        'start time not measured (without a readinessProbe the API cannot show when the app listens, or its start was not seen): the default is used',
      );
    if (i.shutdownTime !== undefined) parts.push(`stop ${durationText(i.shutdownTime)}`);
    return `Image ${i.image}, measured on ${plural(i.pods, 'pod')}: ${parts.join('; ')}.`;
  });
}

/**
 * How the replay's start differs from the recording's: the replay applies the manifests at
 * t = 0, so pods that were already running start again, and a rollout under way at the start
 * begins from its current template alone (the older ReplicaSet is not in the replay).
 */
function startNotes(
  initial: readonly ObservedObject[],
  seen: ReadonlySet<string>,
  steps: readonly RecordedStep[],
): string[] {
  const notes: string[] = [];
  // The replay's own pods: those a recorded workload made (not a Job's, not a bare Pod).
  const pods = initial.filter(
    (o) => o.kind === 'Pod' && !o.metadata.deletionTimestamp && madeBy(o, seen)?.by === 'owner',
  ).length;
  if (pods) {
    const first = steps[0];
    notes.push(
      `${plural(pods, 'pod')} already ran when the recording began: the replay starts them at t = 0, so its first seconds show them starting${first ? ` (the first step is at ${durationText(first.at)})` : ''}.`,
    );
  }
  const withPods = new Map<string, number>();
  for (const rs of initial) {
    if (rs.kind !== 'ReplicaSet') continue;
    const refs = rs.metadata.ownerReferences;
    const ref = Array.isArray(refs) ? refs.find(isRec) : undefined;
    const status = isRec(rs.status) ? rs.status : {};
    if (!ref || typeof status.replicas !== 'number' || status.replicas === 0) continue;
    const owner = `${String(ref.kind)} ${String(ref.name)}`;
    withPods.set(owner, (withPods.get(owner) ?? 0) + 1);
  }
  for (const [owner, n] of [...withPods].sort(([a], [b]) => a.localeCompare(b)))
    if (n > 1)
      notes.push(
        `${owner} was mid-rollout when the recording began (${n} ReplicaSets with pods): the replay starts from its current template alone.`,
      );
  return notes;
}

/** `templateName`s anywhere under `v` (a Rollout's analysis steps, background and blue-green analyses). */
function templateNames(v: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(v)) for (const x of v) templateNames(x, out);
  else if (isRec(v))
    for (const [k, x] of Object.entries(v)) {
      if (k === 'templateName' && typeof x === 'string') out.add(x);
      else templateNames(x, out);
    }
  return out;
}

/**
 * AnalysisTemplates a Rollout names that the recording does not hold (live mode lists the
 * kinds that move during a rollout, not every template): the replay's analysis cannot run them.
 */
function missingTemplates(all: readonly ObservedObject[], seen: ReadonlySet<string>): string[] {
  const missing = new Set<string>();
  for (const o of all)
    if (o.kind === 'Rollout')
      for (const t of templateNames(specOf(o).strategy, new Set()))
        if (!seen.has(`AnalysisTemplate/${t}`)) missing.add(t);
  return [...missing]
    .sort()
    .map(
      (t) =>
        `AnalysisTemplate ${t} is named by a Rollout but not in the recording: add it to the file (\`kubectl get analysistemplate ${t} -o yaml\`), or the replay's analysis of it fails.`,
    );
}

const CLOCK_SLACK_MS = 2000;

/**
 * A person's object first seen in a change although it was created before the recording began
 * (its list came late): the scenario creates it when it was seen, not at the start.
 */
function seenLate(obs: Observation, seen: ReadonlySet<string>): string[] {
  const start = Date.parse(obs.startedAt);
  const initial = new Set(obs.initial.map(keyOf));
  const late = new Map<string, number>();
  for (const ch of obs.changes) {
    const o = ch.object;
    const key = keyOf(o);
    if (initial.has(key) || late.has(key) || madeBy(o, seen) !== null) continue;
    const created = Date.parse(String(o.metadata.creationTimestamp ?? ''));
    // Served timestamps are whole seconds, and the two clocks may differ a little.
    if (Number.isFinite(created) && Number.isFinite(start) && created < start - CLOCK_SLACK_MS)
      late.set(key, ch.atMs);
    initial.add(key); // only its first appearance counts
  }
  return [...late].map(
    ([key, at]) =>
      `${key} existed before the recording began but was first seen at ${durationText(Math.round(at))}: the scenario creates it then, as it was seen.`,
  );
}
