/**
 * The engine: one simulated cluster. It owns the clock, the event queue, the API store and
 * every controller, and advances them deterministically: same scenario + seed = same events,
 * samples and frames, whatever the caller's step sizes.
 *
 * Controllers react to each change after a small latency (as informers wake them), so pods
 * made by one sync with equal timings become ready together and pods made by different syncs
 * at different instants — the "wave rule" of k8s-traces.md. The timing model is in
 * workQueue.ts, who wakes for what in informers.ts; this module only runs the loop.
 */
import { QuietTracker } from './quiet';
import { applyManifest } from '../api/apply';
import { EventRecorder } from '../api/eventRecorder';
import type { Kind, KubeObject, Pod, Service } from '../api/objects';
import { ObjectStore } from '../api/objectStore';
import { PodIndex } from '../api/podIndex';
import type { Ctx } from '../controllers/context';
import { Kubelet } from '../controllers/kubelet/lifecycle';
import type { PodRuntime } from '../controllers/kubelet/runtime';
import { EventQueue } from '../core/eventQueue';
import { Rng } from '../core/rng';
import { ClientCommands, type ClientProcesses } from '../kubectl/clientCommands';
import { executeKubectl } from '../kubectl/exec';
import type { KubectlHost, KubectlResult } from '../kubectl/host';
import { KubeProxy, type Backend, type ServiceBackends } from '../network/kubeProxy';
import type { CommandRecord, EventRecord } from '../runner/runResult';
import type { ImageBehaviour, Scenario, TrafficSpec } from '../scenario/scenario';
import { TICK_MS, TrafficGenerator, type TrafficWorld } from '../traffic/generator';
import { Autoscalers } from './autoscalers';
import type { AutoscalerDecisions, ClusterReader, Decisions } from './clusterReader';
import { recordDecision } from './decisions';
import { eventRecord } from './eventRecord';
import { onChange } from './informers';
import { createNodes } from './nodes';
import { PodCounts } from './podCounts';
import { RolloutTracker } from './rolloutTracker';
import {
  loadParts,
  mapPart,
  own,
  saveParts,
  type EngineParts,
  type EngineSnapshot,
} from './snapshot';
import { runStep } from './steps';
import { syncController } from './syncController';
import { trafficWorld } from './trafficWorld';
import { PRIO_KUBELET, PRIO_STEP, WorkQueues, type QueueItem } from './workQueue';
import { WorkBudget } from './runaway';

export type { QueueItem } from './workQueue';
export type { EngineSnapshot } from './snapshot';

export interface EngineOptions {
  seed?: number;
  /** Shared by the engines a session rebuilds (runaway.ts); default: a fresh one. */
  budget?: WorkBudget;
}

export class Engine implements ClusterReader {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly store: ObjectStore;
  readonly events: EventRecorder;
  readonly pods: PodIndex;
  readonly kubelet: Kubelet;
  readonly proxy: KubeProxy;
  readonly traffic: TrafficGenerator;
  readonly rollouts: RolloutTracker;
  readonly commands: CommandRecord[] = [];
  /** Peak pods existing at once (terminating included), overall and per Deployment. */
  readonly podCounts: PodCounts;
  private readonly quiet: QuietTracker;
  /** The Deployment controller's latest decision per Deployment, in words. */
  readonly decisions = new Map<string, Decisions>();
  /** Caption of the latest scenario step that had one. */
  caption: string | null = null;
  captionAt: number | null = null;
  private readonly autoscalers: Autoscalers;
  private startTimeOverride: number | null = null;
  /** Bounds the work of one call (runaway.ts); the session `begin()`s it per call. */
  readonly budget: WorkBudget;

  private time = 0;
  private readonly queue = new EventQueue<QueueItem>();
  private readonly work: WorkQueues;
  private readonly names: Rng;
  private readonly ctx: Ctx;
  private readonly trafficWorld: TrafficWorld;
  private readonly commandListeners: ((c: CommandRecord) => void)[] = [];
  /** kubectl commands still running on the client (watches, rolling-update). */
  private readonly clients: ClientCommands;

  constructor(scenario: Scenario, opts: EngineOptions = {}) {
    this.scenario = scenario;
    this.seed = opts.seed ?? scenario.seed;
    this.budget = opts.budget ?? new WorkBudget();
    this.names = new Rng(this.seed, 1);
    const now = (): number => this.time;
    this.work = new WorkQueues(this.queue, now);
    this.store = new ObjectStore(now);
    this.events = new EventRecorder(now);
    this.pods = new PodIndex(this.store);
    this.podCounts = new PodCounts(this.store);
    this.quiet = new QuietTracker(this.store, now);
    this.ctx = {
      store: this.store,
      events: this.events,
      pods: this.pods,
      scenario,
      names: this.names,
      now,
      image: (name) => this.image(name),
      counters: () => this.traffic.counters,
      enqueue: (c, key, delayMs) => this.work.enqueue(c, key, delayMs),
      explain: (deployment, kind, text) =>
        recordDecision(this.decisions, this.time, deployment, kind, text),
      kubeletTimer: (at, pod, uid, what, gen) =>
        this.queue.push(at, { k: 'kubelet', pod, uid, what, gen }, PRIO_KUBELET),
    };
    this.autoscalers = new Autoscalers(this.ctx, this.queue);
    this.kubelet = new Kubelet(this.ctx);
    this.proxy = new KubeProxy(
      scenario.cluster.proxyMode,
      () => this.store.list('EndpointSlice'),
      (name) => this.store.get<Service>('Service', name),
    );
    this.traffic = new TrafficGenerator(
      scenario.traffic,
      new Rng(this.seed, 2),
      new Rng(this.seed, 3),
    );
    this.rollouts = new RolloutTracker();
    this.clients = new ClientCommands(
      this.commands,
      (rec, gen, inMs) => this.queue.push(this.time + inMs, { k: 'process', rec, gen }, PRIO_STEP),
      now,
    );
    this.trafficWorld = trafficWorld(this.store, this.proxy, this.kubelet, (name) =>
      this.image(name),
    );
    const { ctx, proxy, kubelet, podCounts, rollouts, clients, autoscalers } = this;
    const informed = { ctx, proxy, kubelet, podCounts, rollouts, clients, autoscalers };
    this.store.watch((e) => onChange(informed, e));
    createNodes(this.store, scenario.cluster);
    for (const m of scenario.manifests) applyManifest(this.ctx, m);
    scenario.steps.forEach((s, i) => this.queue.push(s.at, { k: 'step', index: i }, PRIO_STEP));
    this.settle();
  }

  /** Simulated milliseconds since the scenario started. */
  get now(): number {
    return this.time;
  }

  image(name: string | undefined): ImageBehaviour {
    // Own keys only: an image may be called `constructor` (issue 11 item 9, hostile names).
    const own = name !== undefined && Object.hasOwn(this.scenario.images, name);
    const b = (own && this.scenario.images[name]) || this.scenario.defaults;
    return this.startTimeOverride === null ? b : { ...b, startTime: this.startTimeOverride };
  }

  /** Advances simulated time by `ms`, processing every happening on the way. */
  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  advanceTo(target: number): void {
    for (;;) {
      const t = this.queue.peekTime();
      if (t === undefined || t > target) break;
      this.processNext();
    }
    // Only up to the last traffic tick: a flush to an arbitrary caller time would make the
    // random draws depend on how the caller steps (frame rate, sample interval).
    this.traffic.flush(Math.floor(target / TICK_MS) * TICK_MS, this.trafficWorld);
    this.time = Math.max(this.time, target);
  }

  /** Processes the next happening only (for step-by-step narration); returns its time. */
  processNext(): number | undefined {
    const due = this.queue.peekTime();
    if (due === undefined) return undefined;
    this.budget.spend(due); // before the pop: a runaway stops between two happenings
    const next = this.queue.pop();
    if (!next) return undefined;
    this.traffic.flush(next.t, this.trafficWorld);
    this.time = next.t;
    this.handle(next.item);
    return next.t;
  }

  /** Time of the next scheduled happening, if any. */
  nextTime(): number | undefined {
    return this.queue.peekTime();
  }

  /** Everything that changes as the simulation runs, copied (checkpoints for seeking). */
  snapshot(): EngineSnapshot {
    return saveParts(this.parts());
  }

  restore(s: EngineSnapshot): void {
    loadParts(this.parts(), s);
  }

  /** The engine's changing state, one part per snapshot field (snapshot.ts), in restore order. */
  private parts(): EngineParts {
    const { commands } = this;
    return {
      time: { save: () => this.time, load: (t) => (this.time = t) },
      queue: own(this.queue),
      pending: own(this.work),
      names: { save: () => this.names.state(), load: (s) => this.names.setState(s) },
      store: {
        save: () => this.store.snapshot(),
        load: (s) => {
          this.store.restore(s);
          this.pods.rebuild();
        },
      },
      events: { save: () => this.events.events.slice(), load: (s) => this.events.restore(s) },
      kubelet: own(this.kubelet),
      proxy: own(this.proxy),
      traffic: own(this.traffic),
      rollouts: own(this.rollouts),
      commands: {
        save: () => commands.map((c) => ({ ...c })),
        load: (s) => commands.splice(0, commands.length, ...s.map((c) => ({ ...c }))),
      },
      clients: own(this.clients),
      podCounts: own(this.podCounts),
      decisions: mapPart(this.decisions),
      caption: { save: () => this.caption, load: (c) => (this.caption = c) },
      captionAt: { save: () => this.captionAt, load: (t) => (this.captionAt = t) },
      lastChange: own(this.quiet),
      hpaMemory: own(this.autoscalers),
      startTimeOverride: {
        save: () => this.startTimeOverride,
        load: (ms) => (this.startTimeOverride = ms),
      },
    };
  }

  /** Runs a kubectl command line now, as the console and `kubectl` steps do. */
  exec(line: string): KubectlResult {
    const r = executeKubectl(this.kubectlHost(), line);
    const rec: CommandRecord = {
      t: this.time / 1000,
      command: line.trim(),
      exitCode: r.exitCode,
      output: r.output,
    };
    this.commands.push(rec);
    if (r.watch) this.clients.watch(this.commands.length - 1, r.watch);
    if (r.process) this.clients.start(this.commands.length - 1, r.process, r.nextInMs ?? 0);
    for (const l of this.commandListeners) l(rec);
    return r;
  }

  /**
   * A kubectl action that is not a typed line (the editor's Apply, `kubectl edit` saving its
   * file): run now against the API server and recorded under `command`, as `exec` records.
   */
  runRecorded(command: string, run: (host: KubectlHost) => KubectlResult): KubectlResult {
    const r = run(this.kubectlHost());
    const rec: CommandRecord = {
      t: this.time / 1000,
      command,
      exitCode: r.exitCode,
      output: r.output,
    };
    this.commands.push(rec);
    for (const l of this.commandListeners) l(rec);
    return r;
  }

  /** Reads through kubectl's view of the cluster without recording (`kubectl edit` opening). */
  readKubectl<T>(read: (host: KubectlHost) => T): T {
    return read(this.kubectlHost());
  }

  /**
   * `kubectl apply` of one manifest now (the rollout plan applies an edit to a copy this way):
   * what an `apply` step does, without the step's caption.
   */
  apply(manifest: KubeObject): KubectlResult {
    return applyManifest(this.ctx, manifest);
  }

  /** Ctrl-C: the kubectl commands still running on the client stop where they are. */
  interrupt(): void {
    this.clients.interrupt();
  }

  /** kubectl processes running on the client (rolling-update), and the ones that ended. */
  get clientProcesses(): ClientProcesses {
    return this.clients.list;
  }

  /** Whether a kubectl command is still running on the client (what Ctrl-C would stop). */
  get clientsRunning(): boolean {
    return this.clients.running;
  }

  /** Recorded events from index `from` on, as the runner reports them. */
  eventRecords(from = 0): EventRecord[] {
    return this.events.events.slice(from).map(eventRecord);
  }

  /** Changes the traffic from now on (a `traffic` step or the request-rate slider). */
  setTraffic(patch: Partial<TrafficSpec>): void {
    this.traffic.flush(this.time, this.trafficWorld);
    this.traffic.update(patch);
  }

  /**
   * Generates the traffic up to now, as a happening does before it runs (processNext): a
   * person's action then sees the same requests as a scenario step at that instant would, so a
   * session saved as steps ("Export scenario") runs the same.
   */
  flushTraffic(): void {
    this.traffic.flush(this.time, this.trafficWorld);
  }

  /**
   * The "pod start time" control: from now on every image takes `ms` from container start until
   * it accepts connections (containers already started keep their time).
   */
  setStartTime(ms: number): void {
    this.startTimeOverride = ms;
  }

  /** Ready endpoints of a Service right now. */
  readyEndpoints(service: string): number {
    return this.proxy.backends(service).ready.length;
  }

  get<T extends KubeObject>(kind: Kind, name: string): T | undefined {
    return this.store.get<T>(kind, name);
  }

  get eventCount(): number {
    return this.events.events.length;
  }

  decision(deployment: string): Decisions | undefined {
    return this.decisions.get(deployment);
  }

  autoscalerDecisions(hpa: string): AutoscalerDecisions {
    return this.autoscalers.decisions(hpa);
  }

  podRuntime(pod: string): Readonly<PodRuntime> | undefined {
    return this.kubelet.byName(pod);
  }

  deploymentOf(pod: Pod): string | undefined {
    return this.podCounts.deploymentOf(pod);
  }

  backends(service: string): ServiceBackends {
    return this.proxy.backends(service);
  }

  usableBackends(service: string): Backend[] {
    return this.proxy.usable(service);
  }

  get lastChange(): number {
    return this.quiet.lastChange;
  }

  get peakPods(): number {
    return this.podCounts.peakPods;
  }

  get peakPodsPerDeployment(): Readonly<Record<string, number>> {
    return this.podCounts.peakPodsPerDeployment;
  }

  rolloutSeconds(): number | null {
    return this.rollouts.rolloutSeconds();
  }

  private kubectlHost() {
    return { ctx: this.ctx, kubelet: this.kubelet, scenario: this.scenario, engine: this };
  }

  private handle(item: QueueItem): void {
    switch (item.k) {
      case 'wake':
        this.work.take(item.c, item.key);
        return syncController(this.ctx, item.c, item.key);
      case 'requeue':
        return this.work.enqueue(item.c, item.key);
      case 'kubelet':
        return this.kubelet.fire(item.pod, item.uid, item.what, item.gen);
      case 'step':
        return runStep(this.scenario.steps[item.index], this.ctx, this);
      case 'hpa':
        return this.autoscalers.sync(item.name);
      case 'process':
        return this.clients.step(this.kubectlHost(), item.rec, item.gen);
    }
  }

  /** Processes everything due at the current instant (used after loading manifests). */
  private settle(): void {
    while (this.queue.peekTime() === this.time) this.processNext();
  }

  /** Every stored object of a kind (for printers and frames). */
  list<T extends KubeObject>(kind: Kind): T[] {
    return this.store.list<T>(kind);
  }

  onCommand(l: (c: CommandRecord) => void): void {
    this.commandListeners.push(l);
  }
}
