/**
 * "What will this rollout do": the plan of applying an edit to the running cluster, made by
 * running the simulator ahead on a copy (Session.fork) — never by a formula beside it, so it
 * cannot disagree with what then plays. The text is applied as `kubectl apply` would apply it
 * (Engine.apply, the same path as a scenario's `apply` step); then the copy runs one instant at a
 * time and the recorder for the changed workload notes each distinct state, until the rollout is
 * complete, waits for a person (a pause with no duration, spec.paused), aborts, exceeds its
 * progress deadline, or the plan's horizon is reached.
 */
import type { Deployment, KubeObject, Rollout } from '../api/objects';
import { deepEqual } from '../core/clone';
import type { Engine } from '../engine/engine';
import { CanaryRecorder, canaryPlan } from './canarySteps';
import { DeploymentRecorder, deploymentPlan } from './deploymentWaves';
import { manifestsOf } from './planText';
import type { PlanEnd, RolloutPlan } from './planTypes';

/** The plan looks this far ahead of the apply (simulated ms): past a default progress deadline. */
export const PLAN_HORIZON_MS = 15 * 60_000;
/** And processes at most this many happenings (a runaway run ahead stops with a message). */
export const PLAN_MAX_HAPPENINGS = 400_000;
/** And stops once this many pods exist (replicas: 1000000 must not hang the worker). */
export const PLAN_MAX_PODS = 5_000;
/** Longer texts are not planned as the person types (parsing alone would take seconds). */
export const PLAN_MAX_TEXT = 1_000_000;

type Workload = { kind: 'Deployment' | 'Rollout'; name: string };

const templateOf = (o: KubeObject | undefined): unknown =>
  (o as { spec?: { template?: unknown } } | undefined)?.spec?.template;

/** The plan of applying `text` to `engine`, which it changes: pass a copy (Session.fork()). */
export function planRollout(engine: Engine, text: string): RolloutPlan {
  if (text.length > PLAN_MAX_TEXT)
    return {
      kind: 'error',
      message: `the text is too long to preview (${text.length} characters; at most ${PLAN_MAX_TEXT})`,
    };
  const parsed = manifestsOf(text);
  if (!parsed.ok) return { kind: 'error', message: parsed.error };
  const workloads: Workload[] = [];
  for (const m of parsed.manifests) {
    if (m.kind === 'Deployment' || m.kind === 'Rollout')
      workloads.push({ kind: m.kind, name: m.metadata?.name ?? '' });
  }
  const before = workloads.map((w) => templateOf(engine.get(w.kind, w.name)));
  for (const m of parsed.manifests) {
    const r = engine.apply(m);
    if (r.exitCode !== 0) return { kind: 'error', message: firstLine(r.output) };
  }
  if (!workloads.length)
    return { kind: 'none', message: 'no rollout: the text has no Deployment or Rollout' };
  const i = workloads.findIndex(
    (w, k) => !deepEqual(templateOf(engine.get(w.kind, w.name)), before[k]),
  );
  const target = workloads[i];
  if (!target) return { kind: 'none', message: 'no rollout: the pod template is unchanged' };
  const t0 = engine.now;
  if (target.kind === 'Deployment') {
    const d = () => engine.get<Deployment>('Deployment', target.name)!;
    if (d().spec?.paused)
      return {
        kind: 'none',
        message: `no rollout: deployment "${target.name}" is paused (spec.paused); the new template waits for kubectl rollout resume`,
      };
    const rec = new DeploymentRecorder(engine, target.name, t0);
    const end = runAhead(engine, t0, () => rec.observe());
    return deploymentPlan(d(), rec.waves, end);
  }
  const ro = () => engine.get<Rollout>('Rollout', target.name)!;
  if (!ro().spec.strategy?.canary)
    return {
      kind: 'none',
      message: `no plan for a blueGreen Rollout yet: the preview covers Deployments and canary Rollouts`,
    };
  const rec = new CanaryRecorder(engine, target.name, t0);
  const end = runAhead(engine, t0, () => rec.observe());
  return canaryPlan(ro(), rec.steps, end);
}

/** Runs the copy one instant at a time, observing after each, until the observer says it ended. */
function runAhead(engine: Engine, t0: number, observe: () => PlanEnd | null): PlanEnd {
  const first = observe();
  if (first) return first;
  // A row can change only when a workload object is written: most instants (probe ticks, pods
  // starting) write none, and skipping the look there keeps the plan fast enough to retype.
  let written = false;
  engine.store.watch((e) => {
    if (e.kind === 'ReplicaSet' || e.kind === 'Deployment' || e.kind === 'Rollout') written = true;
  });
  let happenings = 0;
  for (;;) {
    const next = engine.nextTime();
    const t = (next ?? engine.now) - t0;
    if (next === undefined)
      return { state: 'horizon', t, message: 'nothing more happens: the rollout stops here' };
    const pods = engine.store.count('Pod');
    if (pods > PLAN_MAX_PODS)
      return {
        state: 'horizon',
        t: engine.now - t0,
        message: `${pods} pods exist: the plan stops looking at ${PLAN_MAX_PODS}`,
      };
    if (next - t0 > PLAN_HORIZON_MS || happenings > PLAN_MAX_HAPPENINGS)
      return {
        state: 'horizon',
        t: engine.now - t0,
        message: `still rolling out ${Math.round((engine.now - t0) / 1000)} s after the apply; the plan stops looking here`,
      };
    // Every happening of this instant, then one look: the state as the instant leaves it.
    while (engine.nextTime() === next) {
      engine.processNext();
      happenings++;
    }
    if (!written) continue;
    written = false;
    const end = observe();
    if (end) return end;
  }
}

function firstLine(output: string): string {
  return output.split('\n').find((l) => l.trim() !== '') ?? 'error';
}
