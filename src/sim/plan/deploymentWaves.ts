/**
 * A Deployment's rollout as the plan records it: after every instant of the run ahead, the
 * ReplicaSets' pods (old, new), the available ones, and which bound holds them — one row per
 * distinct state. Nothing here predicts: it reads the copy the simulator is running.
 */
import type { Deployment, ReplicaSet } from '../api/objects';
import { controllerRef } from '../api/podIndex';
import type { ClusterReader } from '../engine/clusterReader';
import { rolloutNumbers } from '../controllers/deployment/explain';
import {
  deploymentComplete,
  findNewReplicaSet,
  getDeploymentCondition,
  isRollingUpdate,
  maxSurge,
  maxUnavailable,
  TIMED_OUT_REASON,
} from '../controllers/deployment/util';
import { deepEqual } from '../core/clone';
import { replaced } from './planEnd';
import type { DeploymentPlan, DeploymentWave, PlanEnd, WaveBound } from './planTypes';

type State = Omit<DeploymentWave, 't' | 'cause' | 'said'>;

/** The Deployment's pods now, and the bounds that hold them (kube-controller-manager's numbers). */
export function deploymentState(c: ClusterReader, name: string): State | null {
  const d = c.get<Deployment>('Deployment', name);
  if (!d) return null;
  const uid = d.metadata?.uid;
  const owned = c
    .list<ReplicaSet>('ReplicaSet')
    .filter((rs) => controllerRef(rs)?.uid === uid && uid !== undefined);
  const newRS = findNewReplicaSet(d, owned);
  const n = rolloutNumbers(d, owned, newRS);
  const bounds: WaveBound[] = [];
  if (isRollingUpdate(d)) {
    // The two fenceposts of rollingPlan.ts: the new ReplicaSet may not grow past replicas +
    // maxSurge in total, and no old pod may go while only replicas − maxUnavailable are available.
    if (n.newSpec < n.replicas && n.specSum >= n.maxTotal) bounds.push('maxSurge');
    if (n.oldActive > 0 && n.availableSum <= n.minAvailable) bounds.push('maxUnavailable');
  }
  if (n.newSpec > n.newAvailable) bounds.push('readiness');
  return {
    old: n.oldActive,
    new: n.newSpec,
    total: n.specSum,
    available: n.availableSum,
    newAvailable: n.newAvailable,
    bounds,
  };
}

const same = (a: State, b: State): boolean =>
  a.old === b.old && a.new === b.new && a.available === b.available;

/** Records a Deployment's waves as the run ahead goes; `observe` after each instant. */
export class DeploymentRecorder {
  readonly waves: DeploymentWave[] = [];

  /** The template this plan is about (a later change may replace it). */
  private readonly template: unknown;

  constructor(
    private readonly c: ClusterReader,
    private readonly name: string,
    private readonly t0: number,
  ) {
    this.template = c.get<Deployment>('Deployment', name)?.spec?.template;
  }

  /** Records the state at the current instant if it changed; returns how the rollout ended, if it did. */
  observe(): PlanEnd | null {
    const t = this.c.now - this.t0;
    const s = deploymentState(this.c, this.name);
    const d = this.c.get<Deployment>('Deployment', this.name);
    if (!s || !d) return { state: 'aborted', t, message: `deployment "${this.name}" is gone` };
    const prev = this.waves.at(-1);
    if (!prev || !same(prev, s)) {
      const cause = !prev || prev.old !== s.old || prev.new !== s.new ? 'wave' : 'available';
      this.waves.push({ t, cause, ...s, said: this.said() });
    }
    if (!deepEqual(d.spec?.template, this.template)) return replaced(t);
    const st = d.status ?? {};
    if (deploymentComplete(d, st) && s.old === 0)
      return { state: 'complete', t, message: 'rollout complete' };
    const progressing = getDeploymentCondition(st, 'Progressing');
    if (progressing?.reason === TIMED_OUT_REASON)
      return {
        state: 'deadline',
        t,
        message: progressing.message ?? `deployment "${this.name}" exceeded its progress deadline`,
      };
    return null;
  }

  /** The Deployment controller's words for what it did (or waits for) at this instant. */
  private said(): string | null {
    const dec = this.c.decision(this.name);
    if (dec?.action?.t === this.c.now) return dec.action.text;
    if (dec?.idle?.t === this.c.now) return dec.idle.text;
    return null;
  }
}

export function deploymentPlan(
  d: Deployment,
  waves: DeploymentWave[],
  end: PlanEnd,
): DeploymentPlan {
  const rolling = isRollingUpdate(d);
  return {
    kind: 'deployment',
    name: d.metadata?.name ?? '',
    replicas: d.spec?.replicas ?? 1,
    strategy: rolling ? 'RollingUpdate' : 'Recreate',
    maxSurge: rolling ? maxSurge(d) : 0,
    maxUnavailable: rolling ? maxUnavailable(d) : 0,
    minReadySeconds: d.spec?.minReadySeconds ?? 0,
    waves,
    end,
  };
}
