/**
 * kubectl commands still running on the client after their first output: watching `rollout
 * status` (fed on every update of its Deployment) and processes such as `rolling-update` (woken
 * when they asked to be). Ctrl-C stops them all where they are. Everything here is plain data,
 * so checkpoints can copy it.
 */
import type { Deployment } from '../api/objects';
import type { CommandRecord } from '../runner/runResult';
import type { ClientProcess, KubectlHost, StatusWatch } from './host';
import { statusStep } from './rolloutVerbs';
import { INTERRUPTED_EXIT_CODE, stepProcess } from './process';
import { clone } from '../core/clone';

/** A running process by its command record; `gen` tells its wake-ups from an earlier one's. */
export interface RunningProcess {
  rec: number;
  gen: number;
  process: ClientProcess;
  /** Simulated ms of its next wake-up (a poll tick, the end of a sleep). */
  wakeAt?: number;
}

/** A process that ended: how (its exit code; 130 for Ctrl-C), when, and its last state. */
export interface EndedProcess {
  rec: number;
  process: ClientProcess;
  exitCode: number;
  /** Simulated ms. */
  at: number;
}

/** What the views read of the client processes: running ones, then the ones that ended. */
export interface ClientProcesses {
  running: readonly RunningProcess[];
  ended: readonly EndedProcess[];
}

export interface ClientCommandsState {
  watches: { rec: number; watch: StatusWatch }[];
  processes: RunningProcess[];
  ended: EndedProcess[];
}

export class ClientCommands {
  private watches: { rec: number; watch: StatusWatch }[] = [];
  private processes: RunningProcess[] = [];
  /** Ended processes, oldest first, so the stage can say what an interrupted one left behind. */
  private ended: EndedProcess[] = [];
  private gen = 0;

  constructor(
    private readonly commands: CommandRecord[],
    /** Asks the engine to wake process `rec` (generation `gen`) after `inMs`. */
    private readonly wake: (rec: number, gen: number, inMs: number) => void,
    /** The engine's clock (simulated ms), to tell when a process wakes next. */
    private readonly now: () => number,
  ) {}

  /** The client processes, running and ended, for the views (read-only). */
  get list(): ClientProcesses {
    return { running: this.processes, ended: this.ended };
  }

  private schedule(p: RunningProcess, inMs: number): void {
    p.wakeAt = this.now() + inMs;
    this.wake(p.rec, p.gen, inMs);
  }

  get running(): boolean {
    return this.watches.length + this.processes.length > 0;
  }

  watch(rec: number, watch: StatusWatch): void {
    this.watches.push({ rec, watch });
  }

  start(rec: number, process: ClientProcess, inMs: number): void {
    const gen = ++this.gen;
    const p: RunningProcess = { rec, gen, process };
    this.processes.push(p);
    this.schedule(p, inMs);
  }

  /** A process's wake-up: it prints, acts on the cluster, and asks to be woken again or ends. */
  step(host: KubectlHost, rec: number, gen: number): void {
    const i = this.processes.findIndex((p) => p.rec === rec && p.gen === gen);
    const running = this.processes[i];
    const c = this.commands[rec];
    if (!running || !c) return;
    const r = stepProcess(host, running.process);
    c.output += r.output;
    if (r.exitCode !== null) {
      c.exitCode = r.exitCode;
      this.processes.splice(i, 1);
      this.ended.push({ rec, process: r.process, exitCode: r.exitCode, at: this.now() });
      return;
    }
    running.process = r.process;
    this.schedule(running, r.nextInMs);
  }

  /** kubectl rollout status prints on every watch event of its Deployment until done. */
  feed(name: string, d: Deployment | undefined): void {
    if (!this.watches.length) return;
    this.watches = this.watches.filter((w) => {
      const rec = this.commands[w.rec];
      if (w.watch.deployment !== name || !rec) return true;
      const r = statusStep(d, w.watch.revision, name);
      rec.output += r.output;
      if (r.exitCode === -1) return true;
      rec.exitCode = r.exitCode;
      return false;
    });
  }

  /**
   * Ctrl-C: every command still running stops where it is (exit 130). What a rolling-update
   * already did to the cluster stays: both controllers keep their sizes.
   */
  interrupt(): void {
    for (const { rec } of [...this.watches, ...this.processes]) {
      const c = this.commands[rec];
      if (c) c.exitCode = INTERRUPTED_EXIT_CODE;
    }
    for (const { rec, process } of this.processes)
      this.ended.push({ rec, process, exitCode: INTERRUPTED_EXIT_CODE, at: this.now() });
    this.watches = [];
    this.processes = [];
  }

  snapshot(): ClientCommandsState {
    return {
      watches: clone(this.watches),
      processes: clone(this.processes),
      ended: clone(this.ended),
    };
  }

  restore(s: ClientCommandsState): void {
    this.watches = clone(s.watches);
    this.processes = clone(s.processes);
    this.ended = clone(s.ended);
    this.gen = Math.max(0, ...s.processes.map((p) => p.gen));
  }
}
