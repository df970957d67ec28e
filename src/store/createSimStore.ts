/**
 * The app's store: one per simulation (side-by-side comparison is two stores). It keeps the
 * newest frame, bounded logs and chart history, playback and console state, and actions that
 * call the simulation API. It never builds an engine: the API comes in (the worker in the app,
 * the same API in-process in tests).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  CheckResult,
  CommandResult,
  ConvertResult,
  EditOpen,
  Frame,
  FramePacket,
  PlaybackState,
  RolloutPlan,
  ScenarioInfo,
  SimApi,
  UserAction,
  ExportedText,
} from '../worker/protocol';
import type { TrafficSpec } from '../sim/scenario/scenario';
import { applyFrame, noViewKeys, type FrameData } from './applyFrame';
import { editCommand, nextImage, type DeploymentField } from './edits';
import { appendBounded } from './appendBounded';

/** What the editor reads from the worker's answers (the UI imports types from the store). */
export type {
  CheckResult,
  CommandResult,
  ConvertResult,
  EditOpen,
  Problem,
} from '../worker/protocol';

export interface ConsoleEntry {
  line: string;
  output: string;
  exitCode: number;
  t: number;
  record: number;
  epoch: number;
}

export interface SimData extends FrameData {
  status: 'idle' | 'loading' | 'ready' | 'error';
  errors: string[];
  scenarioId: string | null;
  info: ScenarioInfo | null;
  playback: PlaybackState;
  console: ConsoleEntry[];
  /** Counts released slider gestures: the history changed without a new frame (address bar). */
  gesturesEnded: number;
  /** The text the running scenario was loaded from (what "Edit YAML" opens). */
  scenarioText: string | null;
  /** Messages from the connection (the watchdog restarted a stuck worker), until dismissed. */
  notices: string[];
}

export interface SimActions {
  /** Loads scenario text; `restore` replays a shared link's actions and time. */
  load(
    id: string,
    text: string,
    restore?: { actions: UserAction[]; t: number; speed?: number },
    /** The name messages give the file (default `${id}.yaml`). */
    fileName?: string,
  ): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  togglePlay(): Promise<void>;
  step(): Promise<void>;
  /** At the scenario's end: go on past it, playing. */
  continuePastEnd(): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  seek(ms: number): Promise<void>;
  reset(): Promise<void>;
  exec(line: string): Promise<CommandResult>;
  editDeployment(
    deployment: string,
    field: DeploymentField,
    value: number | string,
  ): Promise<CommandResult>;
  deployNewVersion(deployment: string): Promise<CommandResult | null>;
  setTraffic(patch: Partial<TrafficSpec>): Promise<void>;
  /** Ctrl-C: the running kubectl commands stop (exit 130). */
  interrupt(): Promise<void>;
  setStartTime(ms: number): Promise<void>;
  /** Pulls one packet if none is in flight (call once per animation frame). */
  pull(): Promise<void>;
  /** The actions so far, for the address bar. */
  actionLog(): Promise<UserAction[]>;
  /**
   * A slider drag (or key burst) starts / is released: every value applies live, but only the
   * released one stays in the history, the link and the console.
   */
  beginGesture(): Promise<void>;
  endGesture(): Promise<void>;
  /** The editor's Apply: `kubectl apply -f` of the text's manifests, shown in the console. */
  applyText(text: string): Promise<CommandResult>;
  /** `kubectl edit …` from the console: the file to open, or kubectl's error (in the console). */
  openEdit(line: string): Promise<EditOpen>;
  /** That file saved: kubectl's words in the console under the edit line. */
  saveEdit(line: string, original: string, text: string): Promise<CommandResult>;
  /** The editor's Problems, Ignored and notes for a text (nothing is loaded). */
  check(text: string, fileName: string): Promise<CheckResult>;
  /** "Convert to apps/v1": the converted text and what changed. */
  convert(text: string): Promise<ConvertResult>;
  /** The rollout plan of applying `text` to the running cluster (the simulator run ahead on a copy). */
  preview(text: string): Promise<RolloutPlan>;
  /** "Export scenario": the loaded text with the session's actions as timed steps. */
  exportScenario(): Promise<ExportedText | null>;
  /** "Export manifests": the loaded text's manifests, `kubectl apply -f`-ready. */
  exportManifests(): Promise<ExportedText | null>;
  /** The editor's completion data (the fields the simulator models). */
  fieldSchema(): ReturnType<SimApi['fieldSchema']>;
  /** "Save recording as scenario": a live recording as a scenario file and notes. */
  recordScenario(
    obs: Parameters<SimApi['recordScenario']>[0],
  ): ReturnType<SimApi['recordScenario']>;
  /** A message for the person (shown with the page's Notices); dismissNotice removes it. */
  notify(message: string): void;
  dismissNotice(message: string): void;
}

export type SimState = SimData & SimActions;
export type SimStore = StoreApi<SimState>;

const MAX_CONSOLE = 200;

export function initialData(): SimData {
  return {
    status: 'idle',
    errors: [],
    scenarioId: null,
    info: null,
    playback: { playing: false, speed: 1, atEnd: false },
    console: [],
    gesturesEnded: 0,
    scenarioText: null,
    notices: [],
    frame: null,
    epoch: -1,
    viewKeys: noViewKeys(),
    pods: new Map(),
    events: [],
    commands: [],
    history: [],
  };
}

export function createSimStore(api: SimApi): SimStore {
  let inFlight = false;
  /** Console entries the open gesture added (all but the last go when it ends). */
  let gestureEntries: ConsoleEntry[] | null = null;
  return createStore<SimState>()((set, get) => {
    const refresh = async () => {
      await get().pull();
    };
    const addEntry = (line: string, r: CommandResult) =>
      set({ console: appendBounded(get().console, [{ line, ...r }], MAX_CONSOLE) });
    return {
      ...initialData(),

      async load(id, text, restore, fileName) {
        set({ ...initialData(), status: 'loading', scenarioId: id, scenarioText: text });
        const r = await api.load(text, fileName ?? `${id}.yaml`);
        if (!r.ok) {
          set({ status: 'error', errors: r.errors });
          return;
        }
        if (restore) {
          await api.restore(restore.actions, restore.t);
          if (restore.speed) await api.setSpeed(restore.speed);
        }
        set({ status: 'ready', info: r.info, errors: [] });
        await refresh();
      },
      async play() {
        await api.play();
        await refresh();
      },
      async pause() {
        await api.pause();
        await refresh();
      },
      async togglePlay() {
        if (get().playback.playing) await get().pause();
        else await get().play();
      },
      async step() {
        await api.step();
        await refresh();
      },
      async continuePastEnd() {
        await api.continuePastEnd();
        await refresh();
      },
      async setSpeed(speed) {
        await api.setSpeed(speed);
        await refresh();
      },
      async seek(ms) {
        await api.seek(ms);
        await refresh();
      },
      async reset() {
        await api.reset();
        set({ console: [] });
        await refresh();
      },
      async exec(line) {
        const gesture = gestureEntries;
        const r = await api.exec(line);
        const entry = { line, ...r };
        gesture?.push(entry);
        set({ console: appendBounded(get().console, [entry], MAX_CONSOLE) });
        await refresh();
        return r;
      },
      async editDeployment(deployment, field, value) {
        return get().exec(editCommand(deployment, field, value));
      },
      async deployNewVersion(deployment) {
        const d = get().frame?.deployments.find((x) => x.name === deployment);
        const container = get().frame ? deploymentContainer(get().frame, deployment) : null;
        if (!d || !container || !d.images[0]) return null;
        return get().exec(
          `set image deployment/${deployment} ${container}=${nextImage(d.images[0])}`,
        );
      },
      async setTraffic(patch) {
        await api.setTraffic(patch);
        await refresh();
      },
      async setStartTime(ms) {
        await api.setStartTime(ms);
        await refresh();
      },
      async interrupt() {
        await api.interrupt();
        await refresh();
      },
      async pull() {
        if (inFlight) return;
        inFlight = true;
        try {
          const packet: FramePacket | null = await api.pull();
          if (packet) {
            set({
              ...applyFrame(get(), packet),
              playback: packet.playback,
              console: followCommands(get().console, packet),
            });
          }
        } finally {
          inFlight = false;
        }
      },
      actionLog() {
        return api.actions();
      },
      async beginGesture() {
        gestureEntries ??= [];
        await api.beginGesture();
      },
      async applyText(text) {
        const file = `${get().scenarioId ?? 'scenario'}.yaml`;
        const r = await api.applyText(text, file);
        addEntry(`apply -f ${file}`, r);
        await refresh();
        return r;
      },
      async openEdit(line) {
        const r = await api.openEdit(line);
        if (!r.ok) addEntry(line, r.result);
        return r;
      },
      async saveEdit(line, original, text) {
        const r = await api.saveEdit(line, original, text);
        addEntry(line, r);
        await refresh();
        return r;
      },
      check(text, fileName) {
        return api.check(text, fileName);
      },
      async convert(text) {
        return api.convert(text);
      },
      async endGesture() {
        const entries = gestureEntries;
        gestureEntries = null;
        await api.endGesture();
        // The worker answers in order: every exec of the gesture has added its entry by now.
        const dropped = new Set(entries?.slice(0, -1));
        const kept = dropped.size ? get().console.filter((e) => !dropped.has(e)) : get().console;
        set({ console: kept, gesturesEnded: get().gesturesEnded + 1 });
      },
      preview(text) {
        return api.preview(text);
      },
      exportScenario() {
        return api.exportScenario();
      },
      exportManifests() {
        return api.exportManifests();
      },
      fieldSchema() {
        return api.fieldSchema();
      },
      recordScenario(obs) {
        return api.recordScenario(obs);
      },
      notify(message) {
        set({ notices: [...get().notices.filter((n) => n !== message), message] });
      },
      dismissNotice(message) {
        set({ notices: get().notices.filter((n) => n !== message) });
      },
    };
  });
}

/** A watching command typed in the console keeps printing there, as kubectl would. */
function followCommands(entries: ConsoleEntry[], packet: FramePacket): ConsoleEntry[] {
  const updates = packet.frame.commandUpdates;
  if (!updates.length) return entries;
  let changed = false;
  const next = entries.map((e) => {
    const u = e.epoch === packet.epoch ? updates.find((x) => x.index === e.record) : undefined;
    if (!u || (u.output === e.output && u.exitCode === e.exitCode)) return e;
    changed = true;
    return { ...e, output: u.output, exitCode: u.exitCode };
  });
  return changed ? next : entries;
}

/** The first container's name of a Deployment's pods (what `set image` addresses). */
function deploymentContainer(frame: Frame | null, deployment: string): string | null {
  return frame?.deployments.find((d) => d.name === deployment)?.containers[0] ?? null;
}
