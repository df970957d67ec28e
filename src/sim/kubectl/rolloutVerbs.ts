/**
 * `kubectl rollout status|history|undo|pause|resume|restart`. kubectl's polymorphic helpers
 * (pkg/polymorphichelpers) implement them per kind; of the kinds simulated only Deployments have
 * them, and the others get kubectl's "not implemented" / "not supported" errors. `rollout status`
 * with watching keeps printing on every Deployment update until the rollout finishes, as
 * kubectl's watch does.
 */
import type { Deployment, ReplicaSet } from '../api/objects';
import type { KubectlCommand } from './parse/command';
import * as mutate from './mutate';
import { deploymentRolloutStatus } from './rolloutStatus';
import { rolloutHistory } from './print/rolloutHistory';
import { ownedBy } from './describers';
import { each, fail, kindOf, nameOf } from './targets';
import type { Ctx } from '../controllers/context';
import type { KubectlHost, KubectlResult } from './host';

type Cmd<V extends KubectlCommand['verb']> = Extract<KubectlCommand, { verb: V }>;
/** pause, resume and restart share one command shape. */
type ObjectRolloutCmd = Cmd<'rollout pause' | 'rollout resume' | 'rollout restart'>;

export function runRolloutHistory(host: KubectlHost, cmd: Cmd<'rollout history'>): KubectlResult {
  return each(host, cmd, (o) => {
    if (o.kind !== 'Deployment')
      return fail(`error: no history viewer has been implemented for ${o.kind}`);
    return historyOf(host.ctx, o as Deployment, cmd.revision);
  });
}

export function runRolloutUndo(host: KubectlHost, cmd: Cmd<'rollout undo'>): KubectlResult {
  return each(host, cmd, (o) =>
    o.kind === 'Deployment'
      ? mutate.undo(host.ctx, nameOf(o), cmd.toRevision, cmd.dryRun === 'client')
      : fail(`error: no rollbacker has been implemented for "${o.kind}"`),
  );
}

export function runRolloutPause(host: KubectlHost, cmd: ObjectRolloutCmd): KubectlResult {
  return each(host, cmd, (o) =>
    o.kind === 'Deployment'
      ? mutate.setPaused(host.ctx, nameOf(o), cmd.verb === 'rollout pause')
      : fail(`error: ${kindOf(o).toLowerCase()}s "${nameOf(o)}" pausing is not supported`),
  );
}

export function runRolloutRestart(host: KubectlHost, cmd: ObjectRolloutCmd): KubectlResult {
  return each(host, cmd, (o) =>
    o.kind === 'Deployment'
      ? mutate.restart(host.ctx, nameOf(o))
      : fail(`error: ${kindOf(o).toLowerCase()}s "${nameOf(o)}" restarting is not supported`),
  );
}

function historyOf(ctx: Ctx, d: Deployment, revision: number): KubectlResult {
  const r = rolloutHistory(
    d.metadata?.name ?? '',
    ownedBy<ReplicaSet>(ctx.store, 'ReplicaSet', d),
    revision,
  );
  return typeof r === 'string' ? { output: r, exitCode: 0 } : r;
}

export function runRolloutStatus(host: KubectlHost, cmd: Cmd<'rollout status'>): KubectlResult {
  const target = cmd.targets[0];
  if (!target?.name) return fail('error: required resource not specified');
  if (target.kind !== 'Deployment')
    return fail(`error: no status viewer has been implemented for ${target.kind}`);
  const name = target.name;
  const d = host.ctx.store.get<Deployment>('Deployment', name);
  if (!d) return mutate.notFound('Deployment', name);
  const first = statusStep(d, cmd.revision);
  if (first.exitCode !== -1 || !cmd.watch)
    return { output: first.output, exitCode: Math.max(0, first.exitCode) };
  return { output: first.output, exitCode: 0, watch: { deployment: name, revision: cmd.revision } };
}

/**
 * One line of a watching `kubectl rollout status`, printed on each watch event of the
 * Deployment (rollout_status.go); exitCode -1 while it keeps watching.
 */
export function statusStep(d: Deployment | undefined, revision: number, name = ''): KubectlResult {
  if (!d) return { output: `error: deployments.apps "${name}" not found\n`, exitCode: 1 };
  const s = deploymentRolloutStatus(d, revision);
  if (s.error) return { output: `error: ${s.error}\n`, exitCode: 1 };
  return { output: s.message, exitCode: s.done ? 0 : -1 };
}
