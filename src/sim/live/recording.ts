/**
 * A live session's recording as a scenario (issue 12 item 4, "record and replay"): the objects
 * a person owns at the start become the manifests, every change a person made to them a timed
 * step, and the way the pods behaved (pull, start and stop times, failed pulls) the scenario's
 * `spec.images` — so a real incident replays in the simulator and becomes a lesson. What the
 * controllers made is left to the replay's controllers; what the API cannot tell or the
 * simulator cannot reproduce is said in the notes, never invented. Pure and deterministic:
 * the same recording gives the same text.
 */
import { Document } from 'yaml';
import type { KubeObject } from '../api/objects';
import { durationText, fileNameFor } from '../session/exportScenario';
import { generatedTraffic, scenarioNameFor } from '../scenario/generatedScenario';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from '../scenario/resolveScenario';
import type { Rec } from '../scenario/specReader';
import type { Observation, ObservedObject } from './observation';
import { cleanManifest, keyOf, madeBy } from './recordedObjects';
import { measureImages, type ImageTiming } from './recordedImages';
import { StepRecorder } from './recordedSteps';
import { podLosses } from './podLosses';
import { settleMs } from './settleTime';
import { DEFAULT_NODES, recordingNotes, replayNodes, rolloutManaged } from './recordingNotes';

export interface RecordedScenario {
  /** The scenario file: the manifests, then the Scenario document. */
  text: string;
  /** What "My scenarios" lists it as (the Scenario's title). */
  title: string;
  /** A file name for the download (`recorded-web-2026-12-03t18-00-00z.yaml`). */
  fileName: string;
  /** What the replay leaves out or assumes, for the person (the app shows them). */
  notes: string[];
}

/** After the last change seen, the replay runs at least this long (the recording's quiet end). */
const SETTLE_MS = 30_000;

export function recordingToScenario(obs: Observation): RecordedScenario {
  const changes = [...obs.changes].sort((a, b) => a.atMs - b.atMs);
  const all = [...obs.initial, ...changes.map((c) => c.object)];
  const seen = new Set(all.map(keyOf));
  // An HPA scales on request load the API does not show: its scaling replays as scale steps.
  const isPersons = (o: ObservedObject) =>
    madeBy(o, seen) === null && o.kind !== 'HorizontalPodAutoscaler';
  const managed = rolloutManaged(all);
  const recorder = new StepRecorder(isPersons, managed);
  recorder.start(obs.initial);
  for (const ch of changes) recorder.observe(ch);
  const manifests = obs.initial.filter(isPersons).map(cleanManifest);
  const measured = measureImages(obs.initial, changes);
  const images = measured.images;
  const troubles = [...measured.troubles, ...podLosses(obs.initial, changes)].sort(
    (a, b) => a.atMs - b.atMs,
  );
  const traffic = generatedTraffic(manifests as KubeObject[]);
  const lastChange = Math.max(0, ...changes.map((c) => Math.round(c.atMs)));
  // A recording stopped mid-rollout still replays to the rollout's end.
  const lastStep = Math.max(0, ...recorder.steps.map((st) => st.at));
  const until = Math.max(
    lastChange + SETTLE_MS,
    lastStep +
      settleMs(
        [...manifests, ...recorder.steps.flatMap((st) => (st.apply ? [st.apply] : []))],
        images,
      ),
  );
  const duration = Math.ceil(until / 1000) * 1000;
  const name = scenarioNameFor(`recorded-${obs.namespace}`);
  const notes = recordingNotes({
    obs,
    seen,
    all,
    images,
    troubles,
    traffic,
    managed,
    steps: recorder.steps,
  });
  const nodes = replayNodes(all);
  const title = `Recorded: namespace ${obs.namespace} on ${obs.server}, ${obs.startedAt}`;
  const scenario = {
    apiVersion: SCENARIO_API_VERSION,
    kind: SCENARIO_KIND,
    metadata: {
      name,
      annotations: {
        'rolloutlab.dev/title': title,
        'rolloutlab.dev/description': `A live session recorded from ${obs.startedAt} for ${durationText(lastChange)}: the objects at the start, and each change a person made as a step at the time it was seen.`,
      },
    },
    spec: {
      seed: 1,
      duration: durationText(duration),
      ...(nodes > DEFAULT_NODES ? { cluster: { nodes } } : {}),
      ...(images.length ? { images: imagesBlock(images) } : {}),
      ...(traffic ? { traffic: { target: traffic.target, rps: traffic.rps, clients: 100 } } : {}),
      ...(recorder.steps.length
        ? {
            steps: recorder.steps.map((s) => ({
              at: durationText(s.at),
              ...(s.kubectl !== undefined ? { kubectl: s.kubectl } : { apply: s.apply }),
              caption: s.caption,
            })),
          }
        : {}),
    },
  };
  const header = [
    `# Recorded by Rollout Lab from ${obs.server}, namespace ${obs.namespace}, at ${obs.startedAt}.`,
    ...notes.map((n) => `# - ${n.replace(/\n/g, ' ')}`),
  ].join('\n');
  const docs = [...manifests, scenario].map((d) => yamlOf(d));
  return {
    text: `${header}\n${docs.join('---\n')}`,
    title,
    fileName: fileNameFor(`${name}-${obs.startedAt}`),
    notes,
  };
}

function yamlOf(v: unknown): string {
  return new Document(v).toString({ lineWidth: 0 });
}

/** `spec.images`: each measured image, with only what was measured (the rest is default). */
function imagesBlock(images: readonly ImageTiming[]): Rec {
  const out: Rec = {};
  for (const i of images) {
    const b: Rec = {};
    if (i.pullTime !== undefined) b.pullTime = durationText(i.pullTime);
    if (i.startTime !== undefined) b.startTime = durationText(i.startTime);
    if (i.shutdownTime !== undefined) b.shutdownTime = durationText(i.shutdownTime);
    if (i.pullError) b.pullError = true;
    if (i.neverReady !== undefined) b.ready = false;
    if (Object.keys(b).length) out[i.image] = b;
  }
  return out;
}
