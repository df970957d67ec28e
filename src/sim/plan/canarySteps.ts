/**
 * An Argo canary as the plan records it: for each step the run ahead goes through, the pods of
 * the canary (the new ReplicaSet) and of the stable one, the weight traffic actually sees (the
 * plugin's ActualWeight), and the state the controller left the step in. Nothing here predicts:
 * it reads the copy the simulator is running; canaryWhy only puts the numbers into words.
 */
import type { ReplicaSet, Rollout } from '../api/objects';
import { controllerRef } from '../api/podIndex';
import type { ClusterReader } from '../engine/clusterReader';
import { canaryStepString } from '../controllers/rollout/phase';
import { getCurrentCanaryStep, resolveCanarySurge } from '../controllers/rollout/canaryMath';
import { rolloutSample } from '../runner/rolloutSample';
import { rsHash, templateHash } from '../controllers/rollout/rolloutReplicaSets';
import { PROMOTED_STEP, type CanaryPlan, type CanaryStepRow, type PlanEnd } from './planTypes';
import { canaryWhy } from './canaryWhy';
import { replaced } from './planEnd';

interface Counts {
  index: number | null;
  setWeight: number;
  canary: number;
  stable: number;
  canaryAvailable: number;
  available: number;
  actualWeight: number;
}

/** The traffic router a canary names (its first trafficRouting entry), or null. */
export function routerOf(ro: Rollout): string | null {
  const tr = ro.spec.strategy?.canary?.trafficRouting as Record<string, unknown> | undefined;
  if (!tr) return null;
  const key = Object.keys(tr).find((k) => k !== 'maxTrafficWeight' && tr[k] !== undefined);
  if (key === 'plugins') {
    const names = Object.keys((tr.plugins ?? {}) as Record<string, unknown>);
    return names[0] ?? 'plugin';
  }
  return key ?? 'trafficRouting';
}

export class CanaryRecorder {
  readonly steps: CanaryStepRow[] = [];
  /** The pod-template hash of the ReplicaSet that was stable when the change came, once seen. */
  private stableHash: string | null = null;
  private newHash: string | null = null;
  private lastPods = '';

  constructor(
    private readonly c: ClusterReader,
    private readonly name: string,
    private readonly t0: number,
  ) {}

  observe(): PlanEnd | null {
    const t = this.c.now - this.t0;
    const ro = this.c.get<Rollout>('Rollout', this.name);
    if (!ro) return { state: 'aborted', t, message: `rollout "${this.name}" is gone` };
    const st = ro.status ?? {};
    const hash = templateHash(ro);
    if (this.newHash !== null && hash !== this.newHash) return replaced(t);
    // Until the controller has taken up the new template, its status describes the old one.
    if (st.currentPodHash !== hash) return null;
    this.newHash = hash;
    this.stableHash ??= st.stableRS && st.stableRS !== hash ? st.stableRS : '';
    const counts = this.counts(ro);
    const promoted = st.stableRS === hash;
    const past = (counts.index ?? 0) >= (ro.spec.strategy?.canary?.steps ?? []).length;
    // Past the last step there is no step left: the row is the full promotion.
    const index = promoted || past ? null : counts.index;
    const row = this.steps.at(-1);
    if (row && row.index === index) this.update(ro, row, counts);
    else {
      // The instant the controller moves on is the step's last: what it did to finish it (the
      // router's weight, the last pods) belongs to that step; the next starts from there.
      if (row) {
        // Unless moving on changed the weight in force (a new setWeight, the full promotion).
        if (counts.setWeight === row.setWeight) this.update(ro, row, counts);
        row.to = t;
      } else this.lastPods = `0/${counts.stable}`;
      const next = this.row(ro, counts, index, t);
      this.steps.push(next);
      this.update(ro, next, counts);
    }
    return this.ended(ro, t, promoted, counts.stable);
  }

  /** The step's state is now `k`; a new pair of ReplicaSet sizes is one more wave. */
  private update(ro: Rollout, row: CanaryStepRow, k: Counts): void {
    const pods = `${k.canary}/${k.stable}`;
    if (pods !== this.lastPods) {
      row.waves++;
      this.lastPods = pods;
    }
    row.setWeight = k.setWeight;
    row.canary = k.canary;
    row.stable = k.stable;
    row.canaryAvailable = k.canaryAvailable;
    row.available = k.available;
    row.actualWeight = k.actualWeight;
    row.why = canaryWhy(ro, row, routerOf(ro));
  }

  private row(ro: Rollout, k: Counts, index: number | null, t: number): CanaryStepRow {
    const steps = ro.spec.strategy?.canary?.steps ?? [];
    const step = index === null ? undefined : steps[index];
    return {
      ...k,
      index,
      step: step ? canaryStepString(step) : PROMOTED_STEP,
      from: t,
      to: null,
      waves: 0,
      why: '',
    };
  }

  private counts(ro: Rollout): Counts {
    const uid = ro.metadata?.uid;
    const owned = this.c
      .list<ReplicaSet>('ReplicaSet')
      .filter((rs) => uid !== undefined && controllerRef(rs)?.uid === uid);
    const byHash = (h: string | null) => (h ? owned.find((rs) => rsHash(rs) === h) : undefined);
    const canaryRS = byHash(this.newHash);
    const stableRS = byHash(this.stableHash);
    const canaryAvailable = canaryRS?.status?.availableReplicas ?? 0;
    // Step, setWeight and ActualWeight as `kubectl argo rollouts get` reports them (the runner's
    // rolloutSample): the canary's share of the available pods without a router, the router's
    // weight with one.
    const sample = rolloutSample(ro, owned);
    return {
      index: sample.step,
      setWeight: sample.setWeight ?? 0,
      canary: canaryRS?.spec?.replicas ?? 0,
      stable: stableRS?.spec?.replicas ?? 0,
      canaryAvailable,
      available: ro.status?.availableReplicas ?? 0,
      actualWeight: sample.actualWeight ?? 0,
    };
  }

  private ended(ro: Rollout, t: number, promoted: boolean, stable: number): PlanEnd | null {
    const st = ro.status ?? {};
    if (promoted && stable === 0) return { state: 'complete', t, message: 'rollout complete' };
    if (st.abort) {
      const c = (st.conditions ?? []).find((x) => x.reason === 'RolloutAborted');
      return { state: 'aborted', t, message: c?.message ?? 'rollout aborted' };
    }
    const deadline = (st.conditions ?? []).find((x) => x.reason === 'ProgressDeadlineExceeded');
    if (deadline)
      return { state: 'deadline', t, message: deadline.message ?? 'progress deadline exceeded' };
    if (ro.spec.paused)
      return {
        state: 'paused',
        t,
        message: `paused (spec.paused) until resumed: kubectl argo rollouts resume ${this.name}`,
      };
    const pause = (st.pauseConditions ?? [])[0];
    if (pause) {
      const steps = ro.spec.strategy?.canary?.steps;
      const step = getCurrentCanaryStep(steps, st.currentStepIndex).step;
      const timed = pause.reason === 'CanaryPauseStep' && step?.pause?.duration !== undefined;
      if (!timed)
        return {
          state: 'paused',
          t,
          message: `paused with no duration: waits until promoted (kubectl argo rollouts promote ${this.name})`,
        };
    }
    return null;
  }
}

export function canaryPlan(ro: Rollout, steps: CanaryStepRow[], end: PlanEnd): CanaryPlan {
  const c = ro.spec.strategy?.canary;
  const replicas = ro.spec.replicas ?? 1;
  const router = routerOf(ro);
  const fence = resolveCanarySurge(replicas, c?.maxSurge, c?.maxUnavailable);
  return {
    kind: 'canary',
    name: ro.metadata?.name ?? '',
    replicas,
    router,
    maxSurge: fence.maxSurge,
    maxUnavailable: fence.maxUnavailable,
    steps,
    end,
  };
}
