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
}

export interface ClientCommandsState {
  watches: { rec: number; watch: StatusWatch }[];
  processes: RunningProcess[];
}

export class ClientCommands {
  private watches: { rec: number; watch: StatusWatch }[] = [];
  private processes: RunningProcess[] = [];
  private gen = 0;

  constructor(
    private readonly commands: CommandRecord[],
    /** Asks the engine to wake process `rec` (generation `gen`) after `inMs`. */
    private readonly wake: (rec: number, gen: number, inMs: number) => void,
  ) {}

  get running(): boolean {
    return this.watches.length + this.processes.length > 0;
  }

  watch(rec: number, watch: StatusWatch): void {
    this.watches.push({ rec, watch });
  }

  start(rec: number, process: ClientProcess, inMs: number): void {
    const gen = ++this.gen;
    this.processes.push({ rec, gen, process });
    this.wake(rec, gen, inMs);
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
      return;
    }
    running.process = r.process;
    this.wake(rec, gen, r.nextInMs);
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
    this.watches = [];
    this.processes = [];
  }

  snapshot(): ClientCommandsState {
    return { watches: clone(this.watches), processes: clone(this.processes) };
  }

  restore(s: ClientCommandsState): void {
    this.watches = clone(s.watches);
    this.processes = clone(s.processes);
    this.gen = Math.max(0, ...s.processes.map((p) => p.gen));
  }
}
