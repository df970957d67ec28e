/**
 * Requests per second, per group and in total, for the arrows' labels when motion is reduced:
 * the simulation's rates over its fixed windows of simulated time (src/sim/view/rateWindows.ts),
 * summed from ReplicaSets to the stage's groups, and read a few times a wall second.
 */
import { useMemo } from 'react';
import type { RatesView, ReplicaSetView } from '../../sim/view/frame';
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';
import { selectReplicaSets } from '../../store/selectors';
import { useThrottledSim } from '../useThrottledSim';
import { groupKey } from './layout';

export interface Rates {
  total: number;
  byGroup: Record<string, number>;
}

/** Least wall time between two updates while playing (ms). */
const PUBLISH_MS = 500;
const NONE: Rates = { total: 0, byGroup: {} };
const NO_RS: ReplicaSetView[] = [];

const read = (s: SimState): RatesView | null => s.frame?.rates ?? null;
const changed = (s: SimState, prev: SimState): boolean => s.frame?.rates !== prev.frame?.rates;
const same = (a: RatesView | null, b: RatesView | null): boolean => a === b;

/** Rates per stage group: a ReplicaSet's requests count for its Deployment's group. */
export function ratesByGroup(rates: RatesView, replicaSets: readonly ReplicaSetView[]): Rates {
  const deploymentOf = new Map(replicaSets.map((rs) => [rs.name, rs.deployment]));
  const byGroup: Record<string, number> = {};
  for (const [owner, n] of Object.entries(rates.byOwner)) {
    const group = groupKey(deploymentOf.get(owner) ?? null, owner || null);
    byGroup[group] = (byGroup[group] ?? 0) + n;
  }
  for (const g of Object.keys(byGroup)) byGroup[g] = Math.round(byGroup[g]!);
  return { total: Math.round(rates.rps), byGroup };
}

export function useRates(enabled: boolean): Rates {
  const rates = useThrottledSim({ read, changed, same, ms: PUBLISH_MS, onlyWhilePlaying: true });
  // Without labels to show, ReplicaSet changes are none of its business.
  const replicaSets = useSim(enabled ? selectReplicaSets : () => NO_RS);
  return useMemo(
    () => (enabled && rates ? ratesByGroup(rates, replicaSets) : NONE),
    [enabled, rates, replicaSets],
  );
}
