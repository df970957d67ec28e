/**
 * What the plugin's mutating commands send to the API server, and what they print: ported from
 * argo-rollouts pkg/kubectl-argo-rollouts/cmd/{promote,abort,retry,pause,restart,set,terminate}/*.go.
 * Each command is a JSON merge patch (or, for `set image`, a full update) of the Rollout; a
 * status patch goes to the status subresource, a spec patch to the main resource, in the
 * plugin's order, one API write each.
 */
import type { AnalysisRun, Deployment, Rollout } from '../../api/objects';
import { parseGoDuration } from '../parse/flags';
import type { Ctx } from '../../controllers/context';
import { clone, deepEqual } from '../../core/clone';
import { toTimestamp } from '../../core/time';
import { mergePatch } from '../patch';
import { currentCanaryStep } from './info';

export interface VerbResult {
  output: string;
  exitCode: number;
}

export const ok = (output: string): VerbResult => ({ output, exitCode: 0 });
/** cobra's ExecuteC: `Error: <err>` on stderr, exit 1 (main.go os.Exit(1)). */
export const error = (message: string): VerbResult => ({
  output: `Error: ${message}\n`,
  exitCode: 1,
});

/** The clientset's NotFound (rollouts.argoproj.io); listers say rollout.argoproj.io. */
export const rolloutNotFound = (name: string) => `rollouts.argoproj.io "${name}" not found`;

/** The Rollout `name` in namespace `ns`, as the API server would find it. */
export function findRollout(ctx: Ctx, ns: string, name: string): Rollout | undefined {
  const ro = ctx.store.get<Rollout>('Rollout', name);
  return ro && (ro.metadata?.namespace ?? 'default') === ns ? ro : undefined;
}

/**
 * Writes a merge patch of the Rollout as the API server applies it to a custom resource: the
 * JSON is stored as patched (a `false` stays `false`, a `null` removes the field), and
 * metadata.generation moves on when the spec changed.
 */
function patchRollout(ctx: Ctx, ro: Rollout, patch: Record<string, unknown>): Rollout {
  const next = mergePatch(ro, patch, false) as Rollout;
  return writeRollout(ctx, ro, next);
}

/**
 * Stores `next`. A CRD with the status subresource bumps metadata.generation on every change
 * outside metadata and status; the object store does that only for built-in workload kinds,
 * so it is done here (the store recomputes it if it ever handles Rollouts itself).
 */
function writeRollout(ctx: Ctx, ro: Rollout, next: Rollout): Rollout {
  if (!deepEqual(ro.spec, next.spec)) {
    next.metadata = { ...next.metadata, generation: (ro.metadata?.generation ?? 1) + 1 };
  }
  return ctx.store.update(next);
}

export interface PromoteOptions {
  skipCurrentStep: boolean;
  skipAllSteps: boolean;
  full: boolean;
}

/** promote.go getPatches: the spec patch and the status patch (either may be absent). */
export function promotePatches(
  ro: Rollout,
  o: PromoteOptions,
): { spec?: Record<string, unknown>; status?: Record<string, unknown> } {
  const st = ro.status ?? {};
  const steps = ro.spec.strategy?.canary?.steps ?? [];
  const nextIndex = (): number | undefined => {
    const { index } = currentCanaryStep(ro);
    if (index === undefined) return undefined;
    return index < steps.length ? index + 1 : index;
  };
  const unpause = ro.spec.paused ? { paused: false } : undefined;
  if (o.skipCurrentStep) {
    const index = nextIndex();
    return index === undefined ? {} : { status: { currentStepIndex: index } };
  }
  if (o.skipAllSteps) return { status: { currentStepIndex: steps.length } };
  if (o.full) {
    return {
      ...(unpause ? { spec: unpause } : {}),
      ...((st.currentPodHash ?? '') !== (st.stableRS ?? '')
        ? { status: { promoteFull: true } }
        : {}),
    };
  }
  const paused = (st.pauseConditions ?? []).length > 0;
  const inconclusive =
    ro.spec.strategy?.canary !== undefined &&
    st.canary?.currentStepAnalysisRunStatus?.status === 'Inconclusive';
  let status: Record<string, unknown> | undefined;
  if (inconclusive && paused && st.controllerPause) {
    // An inconclusive analysis step: clear the pause and move past the step.
    const index = nextIndex();
    if (index !== undefined)
      status = { pauseConditions: null, controllerPause: false, currentStepIndex: index };
  } else if (paused) {
    status = { pauseConditions: null };
  } else if (ro.spec.strategy?.canary) {
    // Promoting during an analysis or experiment step: skip the step.
    const index = nextIndex();
    if (index !== undefined) status = { pauseConditions: null, currentStepIndex: index };
  }
  return { ...(unpause ? { spec: unpause } : {}), ...(status ? { status } : {}) };
}

/** `promote NAME [--full]`: PromoteRollout. */
export function promote(ctx: Ctx, ns: string, name: string, o: PromoteOptions): VerbResult {
  let ro = findRollout(ctx, ns, name);
  if (!ro) return error(rolloutNotFound(name));
  if (o.skipCurrentStep || o.skipAllSteps) {
    if (ro.spec.strategy?.blueGreen)
      return error('Cannot skip steps of a bluegreen rollout. Run without a flags');
    if (ro.spec.strategy?.canary && (ro.spec.strategy.canary.steps ?? []).length === 0)
      return error('Cannot skip steps of a rollout without steps');
  }
  const { spec, status } = promotePatches(ro, o);
  if (status) ro = patchRollout(ctx, ro, { status });
  if (spec) patchRollout(ctx, ro, { spec });
  return ok(`rollout '${name}' ${o.full ? 'fully promoted' : 'promoted'}\n`);
}

/** One status or spec patch per named rollout; stops at the first error (abort, retry, pause). */
function patchEach(
  ctx: Ctx,
  ns: string,
  names: readonly string[],
  patch: Record<string, unknown>,
  done: string,
): VerbResult {
  let output = '';
  for (const name of names) {
    const ro = findRollout(ctx, ns, name);
    if (!ro) return { output: output + error(rolloutNotFound(name)).output, exitCode: 1 };
    patchRollout(ctx, ro, patch);
    output += `rollout '${name}' ${done}\n`;
  }
  return ok(output);
}

/** `abort NAME...`: {"status":{"abort":true}}; the controller then sets status.abortedAt. */
export function abort(ctx: Ctx, ns: string, names: readonly string[]): VerbResult {
  return patchEach(ctx, ns, names, { status: { abort: true } }, 'aborted');
}

/** `retry rollout NAME...`: {"status":{"abort":false}}. */
export function retry(ctx: Ctx, ns: string, names: readonly string[]): VerbResult {
  return patchEach(ctx, ns, names, { status: { abort: false } }, 'retried');
}

/** `pause NAME...`: {"spec":{"paused":true}}. */
export function pause(ctx: Ctx, ns: string, names: readonly string[]): VerbResult {
  return patchEach(ctx, ns, names, { spec: { paused: true } }, 'paused');
}

/** v1alpha1.DurationString.Duration: whole seconds, or a Go duration; milliseconds. */
function durationString(s: string): number | string {
  if (/^[+-]?\d+$/.test(s)) return Number.parseInt(s, 10) * 1000;
  const d = parseGoDuration(s);
  return 'ms' in d ? d.ms : d.error;
}

/** `restart NAME [--in D]`: {"spec":{"restartAt":"<now + D, RFC 3339>"}}. */
export function restart(ctx: Ctx, ns: string, name: string, inFlag: string): VerbResult {
  let at = ctx.now();
  if (inFlag !== '') {
    const d = durationString(inFlag);
    // The plugin panics on a bad duration (restart.go); Go exits 2 after printing the panic.
    if (typeof d === 'string') return { output: `panic: ${d}\n`, exitCode: 2 };
    at += d;
  }
  const ro = findRollout(ctx, ns, name);
  if (!ro) return error(rolloutNotFound(name));
  // time.RFC3339 has whole seconds.
  const restartAt = toTimestamp(Math.floor(at / 1000) * 1000).replace(/\.\d+Z$/, 'Z');
  patchRollout(ctx, ro, { spec: { restartAt } });
  return ok(`rollout '${name}' restarts in ${inFlag === '' ? '0s' : inFlag}\n`);
}

/** `terminate analysisrun NAME...` (terminate.go): {"spec":{"terminate":true}} on each run. */
export function terminateAnalysisRuns(ctx: Ctx, ns: string, names: readonly string[]): VerbResult {
  let output = '';
  for (const name of names) {
    const run = ctx.store.get<AnalysisRun>('AnalysisRun', name);
    if (!run || (run.metadata?.namespace ?? 'default') !== ns)
      return {
        output: output + error(`analysisruns.argoproj.io "${name}" not found`).output,
        exitCode: 1,
      };
    ctx.store.update(mergePatch(run, { spec: { terminate: true } }, false) as AnalysisRun);
    output += `analysisRun '${name}' terminated\n`;
  }
  return ok(output);
}

type Containers = { name: string; image?: string }[];
type WithPodSpec = {
  spec?: {
    template?: {
      spec?: {
        initContainers?: Containers;
        containers?: Containers;
        ephemeralContainers?: Containers;
      };
    };
  };
};

/** newRolloutSetImage: every container, init container and ephemeral container so named. */
function setImageIn<T extends WithPodSpec>(obj: T, container: string, image: string): T | string {
  const next = clone(obj);
  const podSpec = next.spec?.template?.spec;
  let found = false;
  for (const list of [podSpec?.initContainers, podSpec?.containers, podSpec?.ephemeralContainers]) {
    for (const c of list ?? []) {
      if (c.name === container || container === '*') {
        c.image = image;
        found = true;
      }
    }
  }
  return found ? next : `unable to find container named "${container}"`;
}

/**
 * `set image NAME CONTAINER=IMAGE`: SetImage updates the Rollout's pod template, or the
 * Deployment named by spec.workloadRef, and prints `<kind> "<name>" image updated` (even when
 * the image was already that one: the update is sent regardless).
 */
export function setImage(
  ctx: Ctx,
  ns: string,
  name: string,
  container: string,
  image: string,
): VerbResult {
  const ro = findRollout(ctx, ns, name);
  if (!ro) return error(rolloutNotFound(name));
  const ref = ro.spec.workloadRef;
  if (ref) {
    const d = ctx.store.get<Deployment>('Deployment', ref.name ?? '');
    if (!d || (d.metadata?.namespace ?? 'default') !== ns)
      return error(`deployments.apps "${ref.name ?? ''}" not found`);
    const next = setImageIn(d, container, image);
    if (typeof next === 'string') return error(next);
    ctx.store.update(next);
    return ok(`deployment "${d.metadata?.name ?? ''}" image updated\n`);
  }
  const next = setImageIn(ro, container, image);
  if (typeof next === 'string') return error(next);
  writeRollout(ctx, ro, next);
  return ok(`rollout "${name}" image updated\n`);
}
