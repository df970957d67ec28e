/**
 * Why a canary step's pods and weight are what the simulator made them, in words — the questions
 * behind argo-rollouts #1068 (expected 3 canary / 10 stable, got 3 / 7), #2281 (setWeight 70,
 * actual 50) and #3284 (maxSurge 10 % yet half the pods at once). The numbers are the row's, read
 * off the running copy; this only names the rule in Argo's utils/replicaset/canary.go behind them:
 *
 * - with a traffic router, CalculateReplicaCountsForTrafficRoutedCanary: canary =
 *   ceil(weight × replicas / 100) (trafficWeightToReplicas), stable stays at replicas (without
 *   dynamicStableScale), and maxSurge plays no part; the router sends exactly the weight;
 * - without one, CalculateReplicaCountsForBasicCanary: the Service spreads requests over every
 *   ready pod, so Argo sizes both ReplicaSets to the whole split nearest the weight within
 *   replicas (+1 when maxSurge allows), moving only as maxSurge/maxUnavailable let it; traffic
 *   sees the canary's share of available pods (the plugin's ActualWeight).
 */
import type { Rollout } from '../api/objects';
import type { CanaryStepRow } from './planTypes';
import { resolveCanarySurge } from '../controllers/rollout/canaryMath';
import { PROMOTED_STEP } from './planTypes';

const pods = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`;
const num = (x: number): string => String(Math.round(x * 100) / 100);

export function canaryWhy(ro: Rollout, row: CanaryStepRow, router: string | null): string {
  const c = ro.spec.strategy?.canary;
  const R = ro.spec.replicas ?? 1;
  const w = row.setWeight;
  if (row.step === PROMOTED_STEP) {
    return row.stable > 0
      ? `All steps done: the canary is now stable and takes 100 %; the old ReplicaSet keeps ${pods(row.stable)} until its scale-down delay ends.`
      : 'All steps done: the canary is now stable and takes 100 %.';
  }
  const exact = (w * R) / 100;
  const parts: string[] = [];
  if (router !== null) {
    const sized = Number.isInteger(exact)
      ? `${w} % of ${R} = ${pods(row.canary)}`
      : `${w} % of ${R} = ${num(exact)}, rounded up to ${pods(row.canary)}`;
    parts.push(
      `Traffic router (${router}): it sends ${row.actualWeight} % to the canary whatever the pod counts. ` +
        `The canary is sized from the weight (${sized}); stable stays at ${R}` +
        (c?.dynamicStableScale
          ? ' (dynamicStableScale is not simulated).'
          : ' (only dynamicStableScale would shrink it).'),
    );
    const { maxSurge } = resolveCanarySurge(R, c?.maxSurge, c?.maxUnavailable);
    if (row.waves === 1 && row.canary > Math.max(1, maxSurge))
      parts.push(
        `All ${pods(row.canary)} start at once: maxSurge (${maxSurge}) does not limit a routed canary.`,
      );
    return parts.join(' ');
  }
  parts.push(
    `No traffic router: the Service spreads requests over every available pod, so traffic sees ` +
      `the canary's share: ${row.canaryAvailable} of ${row.available} available = ${row.actualWeight} %.`,
  );
  if (w > 0 && w < 100) {
    const split = `${row.canary} canary + ${row.stable} stable`;
    if (!Number.isInteger(exact))
      parts.push(
        `${w} % of ${R} is ${num(exact)} pods, not a whole number: Argo takes the split nearest ${w} %, ${split}.`,
      );
    else parts.push(`Argo splits the pods by the weight: ${split}.`);
    if (Math.ceil(exact) >= R && row.stable > 0)
      parts.push(`Below 100 % the stable side always keeps a pod.`);
    if (row.stable < R)
      parts.push(
        `Stable shrinks from ${R} to ${row.stable}: without a router the pod ratio is the traffic split.`,
      );
    const total = row.canary + row.stable;
    if (total > R) parts.push(`maxSurge lets it run ${pods(total - R)} over ${R}.`);
  }
  if (row.waves > 1)
    parts.push(`Reached in ${row.waves} waves: maxSurge and maxUnavailable limit each one.`);
  return parts.join(' ');
}
