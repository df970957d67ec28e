/**
 * The typed boundary between the main thread and the simulation worker (comlink). Only types
 * cross it; the engine never enters the main bundle.
 */
import type { Frame, FrameUpdate } from '../sim/view/frame';
import type { ChartPoint } from '../sim/view/chartPoint';
import type { ScenarioInfo, StepResult } from '../sim/session/session';
import type { UserAction } from '../sim/session/userAction';
import type { TrafficSpec } from '../sim/scenario/scenario';
import type {
  CanaryPlan,
  CanaryStepRow,
  DeploymentPlan,
  DeploymentWave,
  PlanEnd,
  RolloutPlan,
  WaveBound,
} from '../sim/plan/planTypes';
import type { ExportedText } from '../sim/session/exportScenario';
import type { SchemaNode } from '../sim/scenario/editorSchema';
import type { Observation } from '../sim/live/observation';
import type { RecordedScenario } from '../sim/live/recording';

export type { Frame, FrameUpdate, ChartPoint, ScenarioInfo, UserAction, StepResult };
export type {
  CanaryPlan,
  CanaryStepRow,
  DeploymentPlan,
  DeploymentWave,
  PlanEnd,
  RolloutPlan,
  WaveBound,
};
export type { ExportedText };

/**
 * What the latest press of Step did: went to the next change or found the cluster steady; or
 * (outcome 'end') a press of Step or Play was refused at the scenario's end, where going on is
 * an explicit choice.
 */
export type StepNote =
  StepResult | { outcome: 'end'; from: number; t: number; changes: []; total: 0 };

export interface PlaybackState {
  playing: boolean;
  /** Simulated seconds per wall second (0.25–100). */
  speed: number;
  /**
   * Stopped at the scenario's end: its duration has been reached and the person has not chosen
   * to go on. Play and Step go no further until `continuePastEnd`.
   */
  atEnd: boolean;
  /** The person chose to go on past the end (until they go back before it). Absent: false. */
  pastEnd?: boolean;
  /** What the latest Step (or refused Play) did; cleared by playing, a seek or a reset. */
  step?: StepNote | null;
  /**
   * A message for the person from the simulation: why it stopped by itself (a runaway,
   * engine/runaway.ts) or what it refused (a traffic change it cannot run). Absent: none.
   */
  notice?: string | null;
}

/**
 * What one pull returns: the newest frame (its views only as far as they changed since the
 * previous pull), chart points since the last pull, playback state.
 */
export interface FramePacket {
  frame: FrameUpdate;
  points: ChartPoint[];
  /** Changes when the session was rebuilt (seek back, reset): drop history before this packet. */
  epoch: number;
  playback: PlaybackState;
}

/** One problem in a scenario text, on the line of the field it names (null: no line). */
export interface Problem {
  line: number | null;
  message: string;
}

/** Something the simulator does not model, on its line (null: no line). */
export interface IgnoredNote {
  line: number | null;
  path: string;
  what: string;
}

/** What checking a scenario text found, without loading it. */
export interface CheckResult {
  ok: boolean;
  problems: Problem[];
  ignored: IgnoredNote[];
  notes: string[];
  /** The text holds a retired apiVersion that "Convert to apps/v1" can convert. */
  convertible: boolean;
}

export type LoadResult = { ok: true; info: ScenarioInfo } | { ok: false; errors: string[] };

export interface CommandResult {
  output: string;
  exitCode: number;
  /** Simulated ms at which it ran. */
  t: number;
  /** Its index among the session's commands and the session's epoch: later output (a watching
   * `rollout status`) arrives in frames as `commandUpdates` for that index. */
  record: number;
  epoch: number;
}

/** What `kubectl edit` opens in the editor (kubectl's header and the object), or what it printed instead. */
export type EditOpen = { ok: true; text: string } | { ok: false; result: CommandResult };

/** A retired apiVersion converted to today's (the "Convert to apps/v1" button), with what changed. */
export interface ConvertResult {
  text: string;
  changes: string[];
}

/** One simulation's API and the way to end it (a worker: terminate it). */
export interface SimConnection {
  api: SimApi;
  close(): void;
  /** Messages from the connection itself (the watchdog restarted a stuck worker); returns an unsubscriber. */
  onNotice?(listener: (message: string) => void): () => void;
}

/** The API sim.worker.ts exposes. Every call is cheap; none blocks on simulated time. */
export interface SimApi {
  /** Loads a scenario file's text (replacing any session); playback stops. */
  load(text: string, fileName: string, seed?: number): Promise<LoadResult>;
  /** Checks a scenario text (as `load` would) without loading it: for the editor's Problems. */
  check(text: string, fileName: string): Promise<CheckResult>;
  /** "Convert to apps/v1": retired Deployment/ReplicaSet versions rewritten, with what changed. */
  convert(text: string): Promise<ConvertResult>;
  /** The newest frame; at most one pull is in flight from the main thread. */
  pull(): Promise<FramePacket | null>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** One controller action (until the cluster next changes); pauses playback. */
  step(): Promise<void>;
  /** At the scenario's end: go on past it, playing (an explicit choice; Play alone stops there). */
  continuePastEnd(): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  /** Jumps to simulated ms `t`. */
  seek(t: number): Promise<void>;
  reset(): Promise<void>;
  /** A kubectl line, as the console and sliders send them. */
  exec(line: string): Promise<CommandResult>;
  setTraffic(patch: Partial<TrafficSpec>): Promise<void>;
  setStartTime(ms: number): Promise<void>;
  /** Ctrl-C in the console: stops the kubectl commands still running (rolling-update, watches). */
  interrupt(): Promise<void>;
  /** Replays a person's actions from the start and goes to `t` (opening a shared link). */
  restore(actions: UserAction[], t: number): Promise<void>;
  /** The person's actions so far (for the address bar). */
  actions(): Promise<UserAction[]>;
  /** A slider drag starts / is released: of the actions between, only the last is kept. */
  beginGesture(): Promise<void>;
  endGesture(): Promise<void>;
  /**
   * The editor's Apply: the text's manifests applied now, as `kubectl apply -f fileName`
   * (`deployment.apps/web configured`, `service/web unchanged`, `… created`); an invalid text
   * applies nothing. Recorded as an action (replayed after a seek back, carried by links).
   */
  applyText(text: string, fileName?: string): Promise<CommandResult>;
  /** `kubectl edit …` typed in the console: the file kubectl would open, or its error. */
  openEdit(line: string): Promise<EditOpen>;
  /** That file saved as `text`: `deployment.apps/web edited`, or `Edit cancelled, no changes made.` */
  saveEdit(line: string, original: string, text: string): Promise<CommandResult>;
  /**
   * The rollout plan of applying `text` (manifests or a whole scenario file) to the running
   * cluster, by running the simulator ahead on a copy; the session is untouched.
   */
  preview(text: string): Promise<RolloutPlan>;
  /**
   * "Export scenario": the loaded text with the person's actions so far as timed steps (the
   * exported file runs as this session did); null when nothing is loaded.
   */
  exportScenario(): Promise<ExportedText | null>;
  /** "Export manifests": the loaded text's manifests, `kubectl apply -f`-ready; null: none loaded. */
  exportManifests(): Promise<ExportedText | null>;
  /** The editor's completion data: each modelled kind's fields (`apiVersion kind` → tree). */
  fieldSchema(): Promise<Record<string, SchemaNode>>;
  /**
   * "Save recording as scenario": what live mode observed of a cluster, as a scenario file
   * (manifests, timed steps) and notes on what the replay leaves out; needs no loaded session.
   */
  recordScenario(obs: Observation): Promise<RecordedScenario | { error: string }>;
}
