/**
 * A session: one scenario played by a person. The engine is a pure function of the scenario,
 * the seed and the person's actions (kubectl lines, slider edits, traffic changes) with their
 * simulated times, so seeking backwards rebuilds the engine and replays the actions — time
 * travel without snapshots, and the same result whatever the frame rate.
 */
import type { Scenario, TrafficSpec } from '../scenario/scenario';
import type { KubectlResult } from '../kubectl/host';
import type { ChartPoint } from '../view/chartPoint';
import type { ClusterReader } from '../engine/clusterReader';
import type { FrameUpdate } from '../view/frame';
import type { ApiWrite, AppliedText, UserAction } from './userAction';
import { applyText } from '../kubectl/applyText';
import { cancelledEdit, editView, saveEdit } from '../kubectl/edit';
import { parseScenario } from '../scenario/parse';
import { parseKubectl } from '../kubectl/parse/parseKubectl';
import { Engine, type EngineSnapshot } from '../engine/engine';
import { changesObject } from '../engine/quiet';
import { buildFrame, initialCursor, type FrameCursor } from '../view/buildFrame';
import { chartPoint } from '../view/chartPoint';
import { RateWindows, type RateState } from '../view/rateWindows';
import { copyCounters, type TrafficCounters } from '../traffic/metrics';
import type { WatchEvent } from '../api/objectStore';
import { describeChanges, describeEvents, type StepResult } from './stepNarration';
import { POINT_COST, WorkBudget } from '../engine/runaway';
import type { WritePerformer } from './servedWrites';
import { ApiView } from './apiView';

export type { StepResult } from './stepNarration';

/** Past the scenario's end, a step that finds nothing to do goes at most this far. */
export const QUIET_STEP_MS = 60_000;
/** At most this many lines say what one step changed (a wave of 1 000 pods is one step). */
const MAX_STEP_LINES = 8;

function trafficLine(t: TrafficSpec | null): string {
  return t && t.target ? `Traffic now: ${t.rps} requests/s to ${t.target}` : 'Traffic stopped';
}

/** kubectl verbs that only read, so replaying them is never needed. */
function isReadOnly(line: string): boolean {
  const r = parseKubectl(line);
  if (!r.ok) return true;
  const v = r.cmd.verb;
  return (
    v === 'get' ||
    v === 'describe' ||
    // Without an editor `edit` only reads (and fails); the console saves through saveEdit.
    v === 'edit' ||
    v === 'help' ||
    v === 'rollout history' ||
    v === 'rollout status'
  );
}

export interface ScenarioInfo {
  name: string;
  /** The scenario's default app start time (ms), what the "pod start time" control starts at. */
  startTime: number;
  title: string;
  description: string;
  /** Simulated ms the scenario is meant to run. */
  duration: number;
  steps: { at: number; caption: string | null; what: string }[];
}

/** Charts get a point every this many simulated ms. */
export const CHART_STEP_MS = 500;
/** A checkpoint every this many simulated ms makes seeking back cheap. */
export const CHECKPOINT_MS = 10_000;
const MAX_CHECKPOINTS = 180;

interface Checkpoint {
  t: number;
  engine: EngineSnapshot;
  chartBefore: TrafficCounters;
  rates: RateState;
  points: number;
  applied: number;
}

export class Session {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Driven here (advance, exec, snapshot); read through `cluster`. */
  private engine: Engine;
  /** Increases when the engine is rebuilt (seek backwards, reset): the UI starts over. */
  epoch = 0;
  /** Every action, in time order; those before `applied` have run in the current engine. */
  private actions: (UserAction | ApiWrite)[] = [];
  private applied = 0;
  private cursor: FrameCursor;
  private chartBefore: TrafficCounters;
  private chartNext = CHART_STEP_MS;
  /** Request rates over the chart steps' windows, for the stage. */
  private rates = new RateWindows(CHART_STEP_MS);
  private pendingPoints: ChartPoint[] = [];
  /** Every chart point since t = 0 (a seek back sends them again). */
  private points: ChartPoint[] = [];
  private checkpoints: Checkpoint[] = [];
  /** While a step runs: the object changes it made (see watchChanges). */
  private changed: WatchEvent[] | null = null;
  /** The actions recorded since beginGesture() (one slider drag or key burst), if one is open. */
  private gesture: (UserAction | ApiWrite)[] | null = null;
  /** Performs the recorded writes through the served API (apiWrite), also when replaying. */
  private writer: WritePerformer<unknown, KubectlResult> | null = null;
  /** The work one call may do, across the engines a seek back rebuilds (engine/runaway.ts). */
  private readonly budget = new WorkBudget();

  static load(text: string, fileName: string, seed?: number): Session | { errors: string[] } {
    const parsed = parseScenario(text, fileName);
    if (!parsed.ok) return { errors: parsed.errors };
    return new Session(parsed.scenario, seed ?? parsed.scenario.seed);
  }

  constructor(scenario: Scenario, seed: number) {
    this.scenario = scenario;
    this.seed = seed;
    this.engine = new Engine(scenario, { seed, budget: this.budget });
    this.watchChanges();
    this.cursor = initialCursor(this.cluster);
    this.chartBefore = copyCounters(this.cluster.traffic.counters);
  }

  info(): ScenarioInfo {
    const s = this.scenario;
    return {
      name: s.name,
      startTime: s.defaults.startTime,
      title: s.title,
      description: s.description,
      duration: s.duration,
      steps: s.steps.map((st) => ({
        at: st.at,
        caption: st.caption ?? null,
        what:
          st.kind === 'kubectl'
            ? `kubectl ${st.command}`
            : st.kind === 'apply'
              ? `kubectl apply (${st.manifest.kind} ${st.manifest.metadata?.name ?? ''})`
              : st.kind === 'traffic'
                ? `traffic ${JSON.stringify(st.traffic)}`
                : st.kind === 'startTime'
                  ? `pod start time: ${st.ms / 1000} s`
                  : 'Ctrl-C (interrupt)',
      })),
    };
  }

  /** A call from the person starts (a tick, a step, a seek, a command): its work is bounded from here. */
  beginWork(): void {
    this.budget.begin();
  }

  /** The cluster as views read it. */
  get cluster(): ClusterReader {
    return this.engine;
  }

  get now(): number {
    return this.cluster.now;
  }

  /**
   * Advances to `t` (ms), taking chart points on the way and replaying recorded actions that
   * fall in between (after a seek back, the person's later edits happen again on time).
   */
  advanceTo(t: number): void {
    this.runDue(t, true);
    this.engine.advanceTo(t);
  }

  /**
   * Chart points and recorded actions due before `t` (or at it, when `inclusive`), in time
   * order, the cluster advanced to each: a point always describes the same instant, however
   * time got there.
   */
  private runDue(t: number, inclusive: boolean): void {
    for (;;) {
      const action = this.actions[this.applied];
      const next = Math.min(this.chartNext, action?.t ?? Infinity);
      if (inclusive ? next > t : next >= t) break;
      this.engine.advanceTo(next);
      if (action && action.t === next) {
        this.apply(action);
        this.applied++;
      } else this.takePoint();
    }
  }

  /**
   * One controller action at a time, for narration: processes happenings until the cluster
   * changes (an object written with a new state, an event recorded, a kubectl command or a
   * traffic change, a scenario step), and the rest of that instant. When nothing changes, it
   * stops at the scenario's end (past the end, after a minute of quiet) and says the cluster is
   * steady. Chart points and recorded actions due on the way come first, as in playback.
   */
  step(): StepResult {
    const from = this.cluster.now;
    const end = this.scenario.duration;
    const horizon = from < end ? end : from + QUIET_STEP_MS;
    const events = this.cluster.eventCount;
    const commands = this.cluster.commands.length;
    const traffic = this.cluster.traffic.current;
    const caption = this.cluster.caption;
    this.changed = [];
    const changedYet = () =>
      this.changed!.length > 0 ||
      this.cluster.eventCount > events ||
      this.cluster.commands.length > commands ||
      this.cluster.traffic.current !== traffic ||
      this.cluster.caption !== caption;
    let changed = false;
    try {
      for (;;) {
        const next = this.engine.nextTime();
        if (next === undefined || next > horizon) break;
        // After the change: the rest of its instant, then stop.
        if (changed && next > this.cluster.now) break;
        // What falls due before this happening comes first, as in playback: the chart points
        // of the quiet stretch before it and the person's recorded actions (a change itself).
        this.runDue(next, false);
        if ((changed ||= changedYet()) && this.cluster.now < next) break;
        this.engine.processNext();
        changed ||= changedYet();
      }
      if (!changed) this.advanceTo(horizon);
      else {
        // Once no other happening shares this instant, what is due at it is due now.
        const next = this.engine.nextTime();
        if (next === undefined || next > this.cluster.now) this.runDue(this.cluster.now, true);
      }
      const lines = [
        ...this.cluster.commands.slice(commands).map((c) => `$ kubectl ${c.command}`),
        ...(this.cluster.traffic.current !== traffic
          ? [trafficLine(this.cluster.traffic.current)]
          : []),
        ...describeEvents(this.cluster.eventRecords(events)),
        ...describeChanges(this.changed),
      ];
      const more = lines.length - MAX_STEP_LINES;
      return {
        from,
        t: this.cluster.now,
        outcome: changed ? 'change' : 'steady',
        total: lines.length,
        changes:
          more > 1 ? [...lines.slice(0, MAX_STEP_LINES), `… and ${more} more changes`] : lines,
      };
    } finally {
      this.changed = null;
    }
  }

  /** Collects the object writes a step makes (the engine's store calls this on every write). */
  private watchChanges(): void {
    this.engine.store.watch((e) => {
      if (this.changed && changesObject(e)) this.changed.push(e);
    });
    this.api?.hook(this.engine);
  }

  /**
   * A copy of the cluster as it is now, to run ahead without touching this one (the rollout
   * plan): a fresh engine for the same scenario and seed, loaded with this one's snapshot, so
   * it goes on exactly as this one would.
   */
  fork(): Engine {
    const copy = new Engine(this.scenario, { seed: this.seed });
    copy.restore(this.engine.snapshot());
    return copy;
  }

  /** Goes to `t`: forward by advancing, backward by rebuilding and replaying the actions. */
  seek(t: number): void {
    if (t >= this.cluster.now) return this.advanceTo(t);
    this.rebuild(t);
  }

  reset(): void {
    this.gesture = null;
    this.actions = [];
    this.checkpoints = [];
    this.rebuild(0);
  }

  /** Rebuilds from the scenario with these actions and goes to `t` (a shared link's state). */
  restore(actions: readonly UserAction[], t: number): void {
    this.gesture = null;
    this.actions = [...actions].sort((a, b) => a.t - b.t);
    this.checkpoints = [];
    this.rebuild(t);
  }

  /** The person's actions so far, with their simulated times. */
  history(): UserAction[] {
    // Writes through the served API (sim serve) stay out of links and exports (userAction.ts).
    return this.actions.filter((a): a is UserAction => a.kind !== 'api');
  }

  exec(line: string): KubectlResult {
    // Reads change nothing: they run but are not part of the replayable history (or the link).
    if (isReadOnly(line)) {
      const r = this.engine.exec(line);
      return { output: r.output, exitCode: r.exitCode };
    }
    return this.record({ t: this.wholeMs(), kind: 'kubectl', line });
  }

  /** The editor's Apply: the text's manifests, as `kubectl apply -f file` (recorded, replayed). */
  applyText(text: string, file: string): KubectlResult {
    return this.record({ t: this.wholeMs(), kind: 'applyText', text, file });
  }

  /**
   * `kubectl edit LINE` in the console, opening: kubectl's file (header and object), or what
   * kubectl prints when it cannot open one (not found, a bad line). Changes nothing.
   */
  openEdit(line: string): { text: string } | KubectlResult {
    const parsed = parseKubectl(line);
    if (!parsed.ok) return { output: parsed.output, exitCode: parsed.exitCode };
    const cmd = parsed.cmd;
    if (cmd.verb !== 'edit')
      return { output: `error: not an edit command: ${line}\n`, exitCode: 1 };
    return this.engine.readKubectl((host) => editView(host, cmd));
  }

  /** `kubectl edit LINE`'s file saved: unchanged cancels (not recorded); else patched, recorded. */
  saveEdit(line: string, original: string, text: string): KubectlResult {
    // Cancelled before anything is sent: nothing to replay.
    const cancelled = cancelledEdit(original, text);
    if (cancelled) return cancelled;
    return this.record({
      t: this.wholeMs(),
      kind: 'applyText',
      text,
      file: '',
      edit: { line, original },
    });
  }

  /**
   * A write through the served Kubernetes API (`sim serve`), now: recorded and replayed like a
   * console command, by `performer` (servedWrites.ts). A dry run changes nothing, so it is not
   * recorded.
   */
  apiWrite<Req, Out extends KubectlResult>(request: Req, performer: WritePerformer<Req, Out>): Out {
    if (performer.dryRun(request))
      return this.engine.readKubectl((host) => performer.perform(host, request));
    this.writer = performer as WritePerformer<unknown, KubectlResult>;
    // apply() returns what the performer returned for this action.
    return this.record({ t: this.wholeMs(), kind: 'api', request }) as Out;
  }

  setTraffic(patch: Partial<TrafficSpec>): void {
    this.record({ t: this.wholeMs(), kind: 'traffic', patch });
  }

  /** Ctrl-C in the console: stops the kubectl commands still running (recorded: it changes what happens). */
  interrupt(): void {
    // Nothing to stop: nothing to remember either (links stay short).
    if (!this.engine.clientsRunning) return;
    this.record({ t: this.wholeMs(), kind: 'interrupt' });
  }

  /** The "pod start time" slider: how long every image takes from container start to listening. */
  setStartTime(ms: number): void {
    this.record({ t: this.wholeMs(), kind: 'startTime', ms });
  }

  /**
   * A slider drag (or a burst of arrow keys) starts: every value applies at once, as the person
   * sees it, but only the last one is kept in the history (the replay log and the link).
   */
  beginGesture(): void {
    this.gesture ??= [];
  }

  /**
   * The drag is released: the actions it recorded before the last are dropped from the history,
   * so a seek back or a shared link replays the released value at the time it was released.
   * The cluster keeps what the live values did meanwhile (pods a passing value created are not
   * made to vanish); that is the one thing the replay does not repeat.
   */
  endGesture(): void {
    const g = this.gesture;
    this.gesture = null;
    if (!g || g.length < 2) return;
    const drop = new Set(g.slice(0, -1));
    const from = Math.min(...g.slice(0, -1).map((a) => a.t));
    const appliedDropped = this.actions.slice(0, this.applied).filter((a) => drop.has(a)).length;
    this.actions = this.actions.filter((a) => !drop.has(a));
    this.applied -= appliedDropped;
    // Checkpoints taken during the drag count the dropped actions as applied.
    this.checkpoints = this.checkpoints.filter((c) => c.t < from);
  }

  /**
   * Moves the clock up to the next whole millisecond (less than 1 ms of simulated time) so an
   * action is recorded, applied and replayed at exactly the same instant, written as an integer.
   */
  private wholeMs(): number {
    const t = Math.ceil(this.cluster.now);
    if (t > this.cluster.now) this.advanceTo(t);
    return t;
  }

  /** Logs an action at the current time (before any later ones kept from a seek back) and runs it. */
  private record(a: UserAction | ApiWrite): KubectlResult {
    // Checkpoints from this instant on no longer describe what happens.
    this.checkpoints = this.checkpoints.filter((c) => c.t < a.t);
    this.actions.splice(this.applied, 0, a);
    this.applied++;
    this.gesture?.push(a);
    return this.apply(a);
  }

  private apply(a: UserAction | ApiWrite): KubectlResult {
    // The requests before this instant come first, as before a scenario step (exportScenario).
    this.engine.flushTraffic();
    if (a.kind === 'kubectl') {
      const r = this.engine.exec(a.line);
      return { output: r.output, exitCode: r.exitCode };
    }
    if (a.kind === 'applyText') return this.applyTextAction(a);
    if (a.kind === 'api') {
      const { request } = a;
      const w = this.writer;
      // Only apiWrite records these, after setting the writer.
      if (!w) throw new Error('a served write without its performer');
      return this.engine.runRecorded(w.line(request), (host) => w.perform(host, request));
    }
    if (a.kind === 'traffic') this.engine.setTraffic(a.patch);
    else if (a.kind === 'interrupt') this.engine.interrupt();
    else this.engine.setStartTime(a.ms);
    return { output: '', exitCode: 0 };
  }

  private applyTextAction(a: AppliedText): KubectlResult {
    const edit = a.edit;
    if (edit)
      return this.engine.runRecorded(edit.line.trim(), (host) =>
        saveEdit(host, edit.original, a.text),
      );
    return this.engine.runRecorded(`apply -f ${a.file}`, (host) => applyText(host, a.text, a.file));
  }

  /** The frame since the previous call, with the chart points taken meanwhile. */
  frame(): { frame: FrameUpdate; points: ChartPoint[]; epoch: number } {
    const { frame, cursor } = buildFrame(this.cluster, this.cursor, this.rates.view());
    this.cursor = cursor;
    const points = this.pendingPoints;
    this.pendingPoints = [];
    return { frame, points, epoch: this.epoch };
  }

  private takePoint(): void {
    this.budget.spend(this.cluster.now, POINT_COST); // a quiet cluster still costs its points
    const point = chartPoint(this.cluster, this.chartBefore);
    this.rates.close(this.cluster, this.chartBefore);
    this.pendingPoints.push(point);
    this.points.push(point);
    this.chartBefore = copyCounters(this.cluster.traffic.counters);
    this.chartNext += CHART_STEP_MS;
    const t = this.cluster.now;
    const last = this.checkpoints.at(-1)?.t ?? 0;
    if (t % CHECKPOINT_MS === 0 && t > last && this.checkpoints.length < MAX_CHECKPOINTS) {
      this.checkpoints.push({
        t,
        engine: this.engine.snapshot(),
        chartBefore: copyCounters(this.chartBefore),
        rates: this.rates.snapshot(),
        points: this.points.length,
        applied: this.applied,
      });
    }
  }

  /** Back to `t`: from the newest checkpoint before it, or from the start. */
  private rebuild(t: number): void {
    this.epoch++;
    const cp = [...this.checkpoints].reverse().find((c) => c.t <= t);
    if (cp) {
      this.engine.restore(cp.engine);
      this.chartBefore = copyCounters(cp.chartBefore);
      this.rates.restore(cp.rates);
      this.chartNext = cp.t + CHART_STEP_MS;
      this.applied = cp.applied;
      this.points = this.points.slice(0, cp.points);
    } else {
      this.engine = new Engine(this.scenario, { seed: this.seed, budget: this.budget });
      this.watchChanges();
      this.chartBefore = copyCounters(this.cluster.traffic.counters);
      this.rates = new RateWindows(CHART_STEP_MS);
      this.chartNext = CHART_STEP_MS;
      this.applied = 0;
      this.points = [];
    }
    this.cursor = initialCursor(this.cluster);
    try {
      this.advanceTo(t);
    } finally {
      // The UI starts its history over with this epoch: send every point since t = 0 (also
      // when a runaway stopped the replay short of `t`).
      this.pendingPoints = this.points.slice();
    }
  }

  /** `sim serve`'s view of the cluster (apiserver/): see ApiView. */
  private api: ApiView | undefined;

  /**
   * The API server's storage and event log (sim serve: reads, lists and its watch cache), with
   * listeners for every store write and recorded event that stay registered when the engine is
   * rebuilt (a rebuild bumps `epoch`: resourceVersions start over).
   */
  apiView(): ApiView {
    this.api ??= new ApiView(this.engine);
    return this.api;
  }

  /**
   * Forgets the chart points taken so far: `sim serve` draws no charts, and a server running for
   * hours must not keep two points per simulated second.
   */
  dropChartPoints(): void {
    this.points = [];
    this.pendingPoints = [];
  }
}
