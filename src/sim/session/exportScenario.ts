/**
 * "Export scenario": the scenario text a session was loaded from (the person's edits included)
 * with what they did in the session saved as timed steps, so that running the exported file
 * gives the same runner output as the original with those actions replayed at their times.
 *
 * The text is edited as a YAML document (comments and layout of the person's manifests stay);
 * only the Scenario document changes: its `spec.steps` gain one step per action, after the
 * file's own steps (equal times keep file order, and the session ran the file's step at an
 * instant before the person's action at it), and `spec.duration` grows to cover the last action.
 *
 * Actions → steps: kubectl → `kubectl:`, traffic → `traffic:`, Ctrl-C → `interrupt: true`, and
 * the pod-start-time control → `startTime:` (a step kind added for this: the control changes
 * every image's start time from that instant on, which no other step or `images:` entry can
 * say once a pod has started).
 */
import { Document, parseAllDocuments, YAMLMap, YAMLSeq } from 'yaml';
import type { Scenario } from '../scenario/scenario';
import type { UserAction } from './userAction';
import { formatDuration, parseDuration } from '../core/quantity';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from '../scenario/resolveScenario';
import { editPatches } from '../kubectl/edit';
import { manifestsOf } from '../kubectl/applyText';

export interface ExportedText {
  text: string;
  /** A file name for the download (`web-rollout.yaml`). */
  fileName: string;
  /** What the export decided that a person should know. */
  notes: string[];
}

type Step = Record<string, unknown> & { at: string };

/** Go-style duration text that reads back to exactly `ms` (whole ms). */
export function durationText(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const text = formatDuration(whole);
  return parseDuration(text) === whole ? text : `${whole}ms`;
}

/** A word for a POSIX shell line (the console's tokenizer reads it back unchanged). */
const shellWord = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * The steps of one action. Text applied from the editor becomes one inline `apply:` step per
 * manifest; a `kubectl edit` save becomes the merge patch it sent (`kubectl patch --type=merge`),
 * since a scenario has no editor to open.
 */
function stepsOf(a: UserAction): Step[] {
  const at = durationText(a.t);
  if (a.kind === 'kubectl') return [{ at, kubectl: a.line.trim() }];
  if (a.kind === 'traffic') return [{ at, traffic: { ...a.patch } }];
  if (a.kind === 'interrupt') return [{ at, interrupt: true }];
  if (a.kind === 'startTime') return [{ at, startTime: durationText(a.ms) }];
  if (a.edit) {
    return editPatches(a.edit.original, a.text).map((p) => ({
      at,
      kubectl: `patch ${p.kind.toLowerCase()} ${p.name} --type=merge -p ${shellWord(JSON.stringify(p.patch))}`,
    }));
  }
  const m = manifestsOf(a.text, a.file);
  return 'manifests' in m ? m.manifests.map((manifest) => ({ at, apply: manifest })) : [];
}

/** Index after the last step whose `at` is at or before `t` (ms). */
function insertAt(seq: YAMLSeq, t: number): number {
  let at = 0;
  seq.items.forEach((item, i) => {
    const due = item instanceof YAMLMap ? parseDuration(toJs(item.get('at'))) : undefined;
    if (due !== undefined && due <= t) at = i + 1;
  });
  return at;
}

function toJs(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'toJSON' in v
    ? (v as { toJSON(): unknown }).toJSON()
    : v;
}

function isScenarioDoc(doc: Document): boolean {
  return doc.get('apiVersion') === SCENARIO_API_VERSION && doc.get('kind') === SCENARIO_KIND;
}

/** The documents of a text; the caller has already parsed it successfully (no YAML errors). */
export function documentsOf(text: string): Document[] {
  return parseAllDocuments(text, { merge: true }) as Document[];
}

/** Documents back to one text, `---` between them. */
export function joinDocuments(docs: readonly Document[]): string {
  return docs
    .map((d) => {
      if (d.directives) d.directives.docStart = null;
      return d.toString({ lineWidth: 0 }).replace(/\n*$/, '\n');
    })
    .join('---\n');
}

/** A download name from the scenario's name: letters, digits and dashes only. */
export function fileNameFor(name: string, suffix = ''): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || 'scenario';
  return `${base}${suffix}.yaml`;
}

/**
 * A Scenario document for a file that had none (the app made one for it): the parts the
 * resolved scenario took from the maker, so the export runs the same without the maker.
 */
function madeScenario(s: Scenario): Record<string, unknown> {
  const spec: Record<string, unknown> = { seed: s.seed, duration: durationText(s.duration) };
  if (s.traffic) {
    const t: Record<string, unknown> = {
      target: s.traffic.target,
      rps: s.traffic.rps,
      clients: s.traffic.clients,
    };
    if (s.traffic.segments.length) t.segments = s.traffic.segments;
    spec.traffic = t;
  }
  return {
    apiVersion: SCENARIO_API_VERSION,
    kind: SCENARIO_KIND,
    metadata: { name: s.name },
    spec,
  };
}

/**
 * The exported scenario text. `text` is what the session was loaded from and `scenario` what it
 * resolved to; `actions` are the session's (worker `actions()`), in any order.
 */
export function exportScenario(
  text: string,
  scenario: Scenario,
  actions: readonly UserAction[],
): ExportedText {
  const notes: string[] = [];
  const docs = documentsOf(text).filter((d) => d.contents !== null);
  let doc = docs.find(isScenarioDoc);
  if (!doc) {
    doc = new Document(madeScenario(scenario));
    docs.push(doc);
    notes.push('The file had no Scenario document: the export holds the one the app made for it.');
  }
  const sorted = [...actions].sort((a, b) => a.t - b.t);
  if (sorted.length) {
    let steps = doc.getIn(['spec', 'steps']);
    if (!(steps instanceof YAMLSeq)) {
      doc.setIn(['spec', 'steps'], doc.createNode([]));
      steps = doc.getIn(['spec', 'steps']);
    }
    const seq = steps as YAMLSeq;
    for (const a of sorted) {
      // After the last step due at or before it: the file reads in time order, and a file step
      // at the same instant stays before the action (as the session ran them).
      let at = insertAt(seq, a.t);
      for (const step of stepsOf(a)) {
        const node = doc.createNode(step);
        if (node instanceof YAMLMap && a.kind !== 'kubectl' && a.kind !== 'applyText')
          node.flow = true;
        seq.items.splice(at++, 0, node);
      }
    }
    const last = sorted.at(-1)!.t;
    if (last >= scenario.duration) {
      // The runner stops at the duration: the last action must fall inside it.
      const until = Math.ceil((last + 1) / 1000) * 1000;
      doc.setIn(['spec', 'duration'], durationText(until));
      notes.push(
        `spec.duration is now ${durationText(until)} so that the last action (at ${durationText(last)}) runs.`,
      );
    }
  }
  return { text: joinDocuments(docs), fileName: fileNameFor(scenario.name), notes };
}
