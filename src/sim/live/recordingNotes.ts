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
import type { RecordedStep } from './recordedSteps';

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
  notes.push("Nodes are not recorded: the replay has the simulator's default nodes.");
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
    if (i.startTime !== undefined) parts.push(`ready ${durationText(i.startTime)} after start`);
    else if (!i.pullError)
      parts.push(
        'when the app listens is not visible without a readinessProbe (default start time)',
      );
    if (i.shutdownTime !== undefined) parts.push(`stop ${durationText(i.shutdownTime)}`);
    return `Image ${i.image}, measured on ${plural(i.pods, 'pod')}: ${parts.join('; ')}.`;
  });
}
