/**
 * A scenario step when its time comes (scenario-format.md, `steps`): a kubectl command, an
 * inline manifest, a traffic change or Ctrl-C, plus its caption. Apart from the engine because
 * it is the scenario's script, not the cluster's machinery.
 */
import { applyManifest } from '../api/apply';
import type { Ctx } from '../controllers/context';
import type { CommandRecord } from '../runner/runResult';
import type { ScenarioStep, TrafficSpec } from '../scenario/scenario';

/** What a step acts on: the engine's public face. */
export interface StepTarget {
  caption: string | null;
  /** When the caption was set (simulated ms). */
  captionAt: number | null;
  readonly commands: CommandRecord[];
  readonly now: number;
  exec(line: string): unknown;
  interrupt(): void;
  setTraffic(patch: Partial<TrafficSpec>): void;
  setStartTime(ms: number): void;
}

export function runStep(step: ScenarioStep | undefined, ctx: Ctx, target: StepTarget): void {
  if (!step) return;
  if (step.caption) {
    target.caption = step.caption;
    target.captionAt = target.now;
  }
  if (step.kind === 'kubectl') target.exec(step.command);
  else if (step.kind === 'interrupt') target.interrupt();
  else if (step.kind === 'startTime') target.setStartTime(step.ms);
  else if (step.kind === 'apply') {
    const r = applyManifest(ctx, step.manifest);
    // An inline manifest is not a command the user typed: it shows only when it failed.
    const rec: CommandRecord = {
      t: target.now / 1000,
      command: 'apply (inline manifest)',
      exitCode: r.exitCode,
      output: r.output,
    };
    if (r.exitCode !== 0) target.commands.push(rec);
  } else target.setTraffic(step.traffic);
}
