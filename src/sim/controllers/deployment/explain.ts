/**
 * The Deployment controller's decisions in words, with the arithmetic that drove them — what
 * learners get wrong and no tool shows: "4 pods allowed (3 + 1 surge), 3 exist → scaled up
 * web-7d9f from 1 to 2". Pure: numbers in, a sentence out.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { maxSurge, maxUnavailable } from './util';

export interface RolloutNumbers {
  replicas: number;
  surge: number;
  unavailable: number;
  maxTotal: number;
  minAvailable: number;
  specSum: number;
  availableSum: number;
  newSpec: number;
  newAvailable: number;
  oldActive: number;
}

export function rolloutNumbers(
  d: Deployment,
  rsList: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): RolloutNumbers {
  const replicas = d.spec?.replicas ?? 1;
  const surge = maxSurge(d);
  const unavailable = maxUnavailable(d);
  let specSum = 0;
  let availableSum = 0;
  let oldActive = 0;
  for (const rs of rsList) {
    specSum += rs.spec?.replicas ?? 0;
    availableSum += rs.status?.availableReplicas ?? 0;
    if (rs !== newRS && rs.metadata?.name !== newRS?.metadata?.name)
      oldActive += rs.spec?.replicas ?? 0;
  }
  return {
    replicas,
    surge,
    unavailable,
    maxTotal: replicas + surge,
    minAvailable: replicas - unavailable,
    specSum,
    availableSum,
    newSpec: newRS?.spec?.replicas ?? 0,
    newAvailable: newRS?.status?.availableReplicas ?? 0,
    oldActive,
  };
}

const pods = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`;

export type ScaleReason =
  'new' | 'old' | 'unhealthy' | 'lowered' | 'proportional' | 'recreate-down' | 'recreate-up';

export function explainScale(
  n: RolloutNumbers,
  reason: ScaleReason,
  rs: string,
  from: number,
  to: number,
): string {
  const dir = to > from ? 'up' : 'down';
  const action = `scaled ${dir} ${rs} from ${from} to ${to}`;
  switch (reason) {
    case 'new':
      return `${pods(n.maxTotal)} allowed (${n.replicas} + ${n.surge} surge), ${n.specSum} exist → ${action}`;
    case 'old':
      return `${n.availableSum} available, ${n.minAvailable} must stay (${n.replicas} − ${n.unavailable} unavailable) → ${action}`;
    case 'unhealthy':
      return `old pods that are not available go first → ${action}`;
    case 'lowered':
      return `replicas is ${n.replicas}, the new ReplicaSet has more → ${action}`;
    case 'proportional':
      return `replicas changed to ${n.replicas} → ${action} in proportion (at most ${n.maxTotal} pods)`;
    case 'recreate-down':
      return `Recreate: every old pod stops before a new one starts → ${action}`;
    case 'recreate-up':
      return `no old pod is left → ${action}`;
  }
}

export function explainIdle(
  n: RolloutNumbers,
  state: { complete: boolean; paused: boolean; recreateWaiting: number | null },
): string {
  if (state.paused) return 'paused: template changes wait; only scaling happens until resume';
  if (state.recreateWaiting !== null)
    return `Recreate: waiting for ${pods(state.recreateWaiting)} of the old version to terminate`;
  if (state.complete)
    return `rollout complete: ${n.replicas} of ${n.replicas} pods updated and available`;
  const newUnavailable = n.newSpec - n.newAvailable;
  if (n.oldActive > 0 && newUnavailable > 0 && n.specSum - n.minAvailable - newUnavailable <= 0) {
    return `${newUnavailable} new ${newUnavailable === 1 ? 'pod' : 'pods'} not yet available → no old pod may go`;
  }
  if (n.oldActive > 0 && n.availableSum <= n.minAvailable) {
    return `${n.availableSum} available, ${n.minAvailable} must stay → no old pod may go`;
  }
  if (n.newSpec < n.replicas && n.specSum >= n.maxTotal) {
    return `${n.specSum} of ${pods(n.maxTotal)} allowed exist → no room to surge until an old pod goes`;
  }
  return `waiting for ${newUnavailable} new ${newUnavailable === 1 ? 'pod' : 'pods'} to become available`;
}
