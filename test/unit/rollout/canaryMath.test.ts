/**
 * Table tests ported from argo-rollouts utils/replicaset/canary_test.go and
 * utils/replicaset/replicaset_test.go (expected values are Argo's). The harness for
 * TestCalculateReplicaCountsForCanary mirrors Argo's: a one-step rollout (setWeight plus optional
 * setCanaryScale), status.currentPodHash 'canary', status.stableRS 'stable', and the weight taken
 * through getCanaryReplicasOrWeight exactly as Argo's callers do.
 */
import { describe, expect, it } from 'vitest';
import {
  approximateWeightedCanaryStableReplicaCounts,
  basicCanaryCounts,
  getCanaryReplicasOrWeight,
  getCurrentCanaryStep,
  getCurrentSetWeight,
  getReplicasForScaleDown,
  resolveCanarySurge,
  resolveFenceposts,
  trafficRoutedCanaryCounts,
  trafficWeightToReplicas,
  type CanaryProgress,
  type CanaryStep,
  type RsCounts,
  type SetCanaryScale,
} from '../../../src/sim/controllers/rollout/canaryMath';

// canary_test.go newRS: spec.replicas and status.availableReplicas, named after its pod hash.
const rs = (name: string, replicas: number, available: number): RsCounts => ({
  name,
  replicas,
  available,
});

// Go zero values stand in for omitted fields: 0, false, nil.
interface CanaryRow {
  name: string;
  rolloutSpecReplicas: number;
  setWeight?: number;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  promoteFull?: boolean;
  stableSpecReplica: number;
  stableAvailableReplica: number;
  canarySpecReplica?: number;
  canaryAvailableReplica?: number;
  expectedStableReplicaCount: number;
  expectedCanaryReplicaCount: number;
  olderRS?: RsCounts;
  setCanaryScale?: SetCanaryScale;
  trafficRouting?: boolean;
  abortScaleDownDelaySeconds?: number;
  statusAbort?: boolean;
  minPodsPerReplicaSet?: number;
}

// canary_test.go TestCalculateReplicaCountsForCanary
const calculateReplicaCountsForCanary: CanaryRow[] = [
  {
    name: 'Do not add extra RSs in scaleDownCount when .Spec.Replica < AvailableReplicas',
    rolloutSpecReplicas: 10,
    setWeight: 100,
    maxSurge: 3,
    maxUnavailable: 0,
    stableSpecReplica: 7,
    stableAvailableReplica: 8,
    canarySpecReplica: 6,
    canaryAvailableReplica: 3,
    expectedStableReplicaCount: 7,
    expectedCanaryReplicaCount: 6,
  },
  {
    name: 'Use max surge int to scale up canary',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: 2,
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Use max surge percentage to scale up canary',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: '20%',
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Scale down extra stable replicas',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: '20%',
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 2,
    canaryAvailableReplica: 2,
    expectedStableReplicaCount: 8,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Do not go past max surge',
    rolloutSpecReplicas: 10,
    setWeight: 30,
    maxSurge: 2,
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Use max unavailable int to scale down stableRS',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: 0,
    maxUnavailable: 2,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 8,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Use max surge percentage to scale down stableRS',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: 0,
    maxUnavailable: '20%',
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 8,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Do not go past max unavailable',
    rolloutSpecReplicas: 10,
    setWeight: 30,
    maxSurge: 0,
    maxUnavailable: 2,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 8,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Use Max Surge and Max Unavailable',
    rolloutSpecReplicas: 10,
    setWeight: 50,
    maxSurge: 2,
    maxUnavailable: 1,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 9,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Scale canaryRS to zero on setWeight of 0%',
    rolloutSpecReplicas: 10,
    setWeight: 0,
    maxSurge: 1,
    maxUnavailable: 1,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 1,
    canaryAvailableReplica: 1,
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Scale stable to zero on setWeight of 100%',
    rolloutSpecReplicas: 10,
    setWeight: 100,
    maxSurge: 1,
    maxUnavailable: 1,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 10,
    canaryAvailableReplica: 10,
    expectedStableReplicaCount: 0,
    expectedCanaryReplicaCount: 10,
  },
  {
    name: 'Do not scale canaryRS down to zero on non-zero weight',
    rolloutSpecReplicas: 1,
    setWeight: 20,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'Do not scale canaryRS down to zero on non-100 weight',
    rolloutSpecReplicas: 1,
    setWeight: 90,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'Scale canaryRS to zero on <50 weight without surge',
    rolloutSpecReplicas: 1,
    setWeight: 49,
    maxSurge: 0,
    maxUnavailable: 1,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Scale stableRS down to zero on >=50 weight without surge',
    rolloutSpecReplicas: 1,
    setWeight: 51,
    maxSurge: 0,
    maxUnavailable: 1,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 0,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Scale canaryRS to one on >=50 weight without surge and stable replicas',
    rolloutSpecReplicas: 1,
    setWeight: 51,
    maxSurge: 0,
    maxUnavailable: 1,
    stableSpecReplica: 0,
    stableAvailableReplica: 0,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 0,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'Scale up Stable before canaryRS',
    rolloutSpecReplicas: 10,
    setWeight: 30,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 7,
    expectedCanaryReplicaCount: 1,
    olderRS: { name: 'older', replicas: 3, available: 3 },
  },
  {
    name: 'Scale down canaryRS and stable',
    rolloutSpecReplicas: 10,
    setWeight: 30,
    maxSurge: 0,
    maxUnavailable: 3,
    stableSpecReplica: 8,
    stableAvailableReplica: 5,
    canarySpecReplica: 4,
    canaryAvailableReplica: 4,
    expectedStableReplicaCount: 7,
    expectedCanaryReplicaCount: 3,
  },
  {
    name: 'Scale down stable and canary available',
    rolloutSpecReplicas: 10,
    setWeight: 100,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 2,
    canarySpecReplica: 10,
    canaryAvailableReplica: 8,
    expectedStableReplicaCount: 2,
    expectedCanaryReplicaCount: 9,
  },
  {
    name: 'Do not scale down canaryRS or stable when older RS count >= scaleDownCount',
    rolloutSpecReplicas: 10,
    setWeight: 30,
    maxSurge: 0,
    maxUnavailable: 1,
    stableSpecReplica: 8,
    stableAvailableReplica: 6,
    canarySpecReplica: 4,
    canaryAvailableReplica: 2,
    expectedStableReplicaCount: 8,
    expectedCanaryReplicaCount: 4,
    olderRS: { name: 'older', replicas: 3, available: 3 },
  },
  {
    name: 'Do not round past maxSurge with uneven setWeight divisor',
    rolloutSpecReplicas: 10,
    setWeight: 5,
    maxSurge: 0,
    maxUnavailable: 1,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 9,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Do not round past maxSurge with uneven setWeight divisor (part 2)',
    rolloutSpecReplicas: 10,
    setWeight: 5,
    maxSurge: 0,
    maxUnavailable: 1,
    stableSpecReplica: 9,
    stableAvailableReplica: 9,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 9,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'Use maxUnavailable of 1 when percentage of maxUnavailable and maxSurge result in 0 replicas',
    rolloutSpecReplicas: 10,
    setWeight: 10,
    maxSurge: '0%',
    maxUnavailable: '0%',
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 9,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'For canary replicas, use setCanaryScale.replicas when specified along with trafficRouting (and ignore setWeight)',
    rolloutSpecReplicas: 1,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 9,
    setWeight: 100,
    setCanaryScale: { replicas: 9, matchTrafficWeight: false },
    trafficRouting: true,
  },
  {
    name: 'Use setCanaryScale.weight for canary replicas when specified with trafficRouting (and ignore setWeight)',
    rolloutSpecReplicas: 4,
    stableSpecReplica: 4,
    stableAvailableReplica: 4,
    expectedStableReplicaCount: 4,
    expectedCanaryReplicaCount: 8,
    setWeight: 100,
    setCanaryScale: { weight: 200, matchTrafficWeight: false },
    trafficRouting: true,
  },
  {
    name: 'Ignore setCanaryScale replicas/weight when matchTrafficWeight is true',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: '20%',
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    setCanaryScale: { replicas: 9, weight: 100, matchTrafficWeight: true },
    trafficRouting: true,
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Ignore setCanaryScale when trafficRouting is missing and use setWeight for replicas',
    rolloutSpecReplicas: 10,
    setWeight: 20,
    maxSurge: '20%',
    maxUnavailable: 0,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    setCanaryScale: { replicas: 9, weight: 100, matchTrafficWeight: false },
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'honor maxSurge during scale up when stableRS unavailable',
    rolloutSpecReplicas: 4,
    setWeight: 100,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 4,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 4,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'scale down to maxunavailable without exceeding maxSurge',
    rolloutSpecReplicas: 3,
    setWeight: 99,
    maxSurge: 0,
    maxUnavailable: 2,
    stableSpecReplica: 3,
    stableAvailableReplica: 3,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'scale down to maxunavailable without exceeding maxSurge (part 2)',
    rolloutSpecReplicas: 3,
    setWeight: 99,
    maxSurge: 0,
    maxUnavailable: 2,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'honor maxUnavailable during scale down stableRS unavailable',
    rolloutSpecReplicas: 4,
    setWeight: 100,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 4,
    stableAvailableReplica: 1,
    canarySpecReplica: 1,
    canaryAvailableReplica: 1,
    expectedStableReplicaCount: 3,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'honor maxUnavailable when aborting or reducing weight part 1',
    rolloutSpecReplicas: 4,
    setWeight: 0,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 0,
    stableAvailableReplica: 0,
    canarySpecReplica: 4,
    canaryAvailableReplica: 4,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 4,
  },
  {
    name: 'honor maxUnavailable when aborting or reducing weight part 2',
    rolloutSpecReplicas: 4,
    setWeight: 0,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 1,
    stableAvailableReplica: 0,
    canarySpecReplica: 4,
    canaryAvailableReplica: 4,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 4,
  },
  {
    name: 'honor maxUnavailable when aborting or reducing weight part 3',
    rolloutSpecReplicas: 4,
    setWeight: 0,
    maxSurge: 1,
    maxUnavailable: 0,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 4,
    canaryAvailableReplica: 4,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 3,
  },
  {
    name: 'promote full does not consider weight',
    promoteFull: true,
    rolloutSpecReplicas: 4,
    setWeight: 1,
    maxSurge: 4,
    maxUnavailable: 4,
    stableSpecReplica: 4,
    stableAvailableReplica: 4,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 0,
    expectedCanaryReplicaCount: 4,
  },
  {
    name: 'promote full still honors maxSurge/maxUnavailable',
    promoteFull: true,
    rolloutSpecReplicas: 4,
    setWeight: 1,
    maxSurge: 3,
    maxUnavailable: 0,
    stableSpecReplica: 4,
    stableAvailableReplica: 4,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    expectedStableReplicaCount: 4,
    expectedCanaryReplicaCount: 3,
  },
  {
    name: 'aborted with abortScaleDownDelaySeconds:0 and setCanaryScale',
    rolloutSpecReplicas: 1,
    setCanaryScale: { replicas: 1, matchTrafficWeight: false },
    trafficRouting: true,
    abortScaleDownDelaySeconds: 0,
    statusAbort: true,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 1,
    canaryAvailableReplica: 1,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 1,
  },
  {
    name: 'aborted with abortScaleDownDelaySeconds>0 and setCanaryScale',
    rolloutSpecReplicas: 1,
    setCanaryScale: { replicas: 1, matchTrafficWeight: false },
    trafficRouting: true,
    abortScaleDownDelaySeconds: 30,
    statusAbort: true,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 1,
    canaryAvailableReplica: 1,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 0,
  },
  {
    name: 'Honor MinPodsPerReplicaSet when using trafficRouting and starting canary',
    rolloutSpecReplicas: 10,
    setWeight: 5,
    stableSpecReplica: 10,
    stableAvailableReplica: 10,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    trafficRouting: true,
    minPodsPerReplicaSet: 2,
    expectedStableReplicaCount: 10,
    expectedCanaryReplicaCount: 2,
  },
  {
    name: 'Cap MinPodsPerReplicaSet when it exceeds rollout replicas with trafficRouting',
    rolloutSpecReplicas: 1,
    setWeight: 100,
    promoteFull: true,
    stableSpecReplica: 1,
    stableAvailableReplica: 1,
    canarySpecReplica: 0,
    canaryAvailableReplica: 0,
    trafficRouting: true,
    minPodsPerReplicaSet: 2,
    expectedStableReplicaCount: 1,
    expectedCanaryReplicaCount: 1,
  },
];

describe('TestCalculateReplicaCountsForCanary', () => {
  it.each(calculateReplicaCountsForCanary)('$name', (row) => {
    const progress: CanaryProgress = {
      steps: [{ setWeight: row.setWeight ?? 0, setCanaryScale: row.setCanaryScale }],
      currentStepIndex: undefined,
      aborted: row.statusAbort ?? false,
      promoteFull: row.promoteFull ?? false,
      stableRS: 'stable',
      currentPodHash: 'canary',
      trafficRouting: row.trafficRouting ?? false,
      abortScaleDownDelaySeconds: row.abortScaleDownDelaySeconds,
    };
    const stableRS = rs('stable', row.stableSpecReplica, row.stableAvailableReplica);
    const canaryRS = rs('canary', row.canarySpecReplica ?? 0, row.canaryAvailableReplica ?? 0);
    const desired = getCanaryReplicasOrWeight(progress);
    let got;
    if (row.trafficRouting === true) {
      // Argo's test passes nil new/stable RSs and weights here.
      got = trafficRoutedCanaryCounts({
        replicas: row.rolloutSpecReplicas,
        desired,
        minPodsPerReplicaSet: row.minPodsPerReplicaSet,
      });
    } else {
      const { maxSurge, maxUnavailable } = resolveCanarySurge(
        row.rolloutSpecReplicas,
        row.maxSurge ?? 0,
        row.maxUnavailable ?? 0,
      );
      got = basicCanaryCounts({
        replicas: row.rolloutSpecReplicas,
        desiredWeight: desired.weight,
        maxSurge,
        maxUnavailable,
        newRS: canaryRS,
        stableRS,
        oldRSs: row.olderRS === undefined ? [] : [row.olderRS],
      });
    }
    expect(got).toEqual({
      canary: row.expectedCanaryReplicaCount,
      stable: row.expectedStableReplicaCount,
    });
  });
});

// canary_test.go TestApproximateWeightedNewStableReplicaCounts:
// [replicas, weight, maxWeight, maxSurge, expCanary, expStable], with Argo's comment (the
// resulting canary share of pods).
const approximateWeighted: [number, number, number, number, number, number][] = [
  [0, 0, 100, 0, 0, 0], // 0%
  [0, 50, 100, 0, 0, 0], // 0%
  [0, 100, 100, 0, 0, 0], // 0%
  [0, 0, 100, 1, 0, 0], // 0%
  [0, 50, 100, 1, 0, 0], // 0%
  [0, 100, 100, 1, 0, 0], // 0%
  [1, 0, 100, 0, 0, 1], // 0%
  [1, 1, 100, 0, 0, 1], // 0%
  [1, 49, 100, 0, 0, 1], // 0%
  [1, 50, 100, 0, 1, 0], // 100%
  [1, 99, 100, 0, 1, 0], // 100%
  [1, 100, 100, 0, 1, 0], // 100%
  [1, 0, 100, 1, 0, 1], // 0%
  [1, 1, 100, 1, 1, 1], // 50%
  [1, 49, 100, 1, 1, 1], // 50%
  [1, 50, 100, 1, 1, 1], // 50%
  [1, 99, 100, 1, 1, 1], // 50%
  [1, 100, 100, 1, 1, 0], // 100%
  [2, 0, 100, 0, 0, 2], // 0%
  [2, 1, 100, 0, 1, 1], // 50%
  [2, 50, 100, 0, 1, 1], // 50%
  [2, 99, 100, 0, 1, 1], // 50%
  [2, 100, 100, 0, 2, 0], // 100%
  [2, 0, 100, 1, 0, 2], // 0%
  [2, 1, 100, 1, 1, 2], // 33.3%
  [2, 50, 100, 1, 1, 1], // 50%
  [2, 99, 100, 1, 2, 1], // 66.6%
  [2, 100, 100, 1, 2, 0], // 100%
  [3, 10, 100, 0, 1, 2], // 33.3%
  [3, 25, 100, 0, 1, 2], // 33.3%
  [3, 33, 100, 0, 1, 2], // 33.3%
  [3, 34, 100, 0, 1, 2], // 33.3%
  [3, 49, 100, 0, 1, 2], // 33.3%
  [3, 50, 100, 0, 2, 1], // 66.6%
  [3, 10, 100, 1, 1, 3], // 25%
  [3, 25, 100, 1, 1, 3], // 25%
  [3, 33, 100, 1, 1, 2], // 33.3%
  [3, 34, 100, 1, 1, 2], // 33.3%
  [3, 49, 100, 1, 2, 2], // 50%
  [3, 50, 100, 1, 2, 2], // 50%
  [10, 0, 100, 1, 0, 10], // 0%
  [10, 1, 100, 0, 1, 9], // 10%
  [10, 14, 100, 0, 1, 9], // 10%
  [10, 15, 100, 0, 2, 8], // 20%
  [10, 16, 100, 0, 2, 8], // 20%
  [10, 99, 100, 0, 9, 1], // 90%
  [10, 100, 100, 1, 10, 0], // 100%
  [10, 0, 100, 1, 0, 10], // 0%
  [10, 1, 100, 1, 1, 10], // 9.1%
  [10, 18, 100, 1, 2, 9], // 18.1%
  [10, 19, 100, 1, 2, 9], // 18.1%
  [10, 20, 100, 1, 2, 8], // 20%
  [10, 23, 100, 1, 2, 8], // 20%
  [10, 24, 100, 1, 3, 8], // 27.2%
  [10, 25, 100, 1, 3, 8], // 27.2%
  [10, 99, 100, 1, 10, 1], // 90.9%
  [10, 100, 100, 1, 10, 0], // 100%
];

describe('TestApproximateWeightedNewStableReplicaCounts', () => {
  it.each(approximateWeighted)(
    'replicas:%i weight:%i maxweight:%i surge:%i',
    (replicas, weight, maxWeight, maxSurge, expCanary, expStable) => {
      expect(
        approximateWeightedCanaryStableReplicaCounts(replicas, weight, maxSurge, maxWeight),
      ).toEqual({ canary: expCanary, stable: expStable });
    },
  );
});

// newRollout(10, 10, intstr.FromInt(0), intstr.FromInt(1), currentPodHash, stablePodHash, nil, nil)
const tenAtTen = (
  currentPodHash: string,
  stableRS: string,
  trafficRouting = false,
): { progress: CanaryProgress; maxSurge: number; maxUnavailable: number } => ({
  progress: {
    steps: [{ setWeight: 10 }],
    currentStepIndex: undefined,
    aborted: false,
    promoteFull: false,
    stableRS,
    currentPodHash,
    trafficRouting,
  },
  ...resolveCanarySurge(10, 0, 1),
});

describe('TestCalculateReplicaCountsForNewDeployment', () => {
  it('a stable RS that is the new RS is not scaled as stable', () => {
    const { progress, maxSurge, maxUnavailable } = tenAtTen('canary', 'stable');
    expect(
      basicCanaryCounts({
        replicas: 10,
        desiredWeight: getCanaryReplicasOrWeight(progress).weight,
        maxSurge,
        maxUnavailable,
        newRS: rs('stable', 10, 0),
        stableRS: rs('stable', 10, 0),
        oldRSs: [],
      }),
    ).toEqual({ canary: 10, stable: 0 });
  });
});

describe('TestCalculateReplicaCountsForCanaryTrafficRouting', () => {
  it('canary follows setWeight, stable stays at spec.replicas', () => {
    const { progress } = tenAtTen('canary', 'stable', true);
    expect(
      trafficRoutedCanaryCounts({ replicas: 10, desired: getCanaryReplicasOrWeight(progress) }),
    ).toEqual({ canary: 1, stable: 10 });
  });
});

describe('TestCalculateReplicaCountsForCanaryStableRSdEdgeCases', () => {
  const { progress, maxSurge, maxUnavailable } = tenAtTen('', '');
  const newRS = rs('stable', 9, 9);
  const input = {
    replicas: 10,
    desiredWeight: getCanaryReplicasOrWeight(progress).weight,
    maxSurge,
    maxUnavailable,
    newRS,
    oldRSs: [],
  };
  it('no stable RS', () => {
    expect(basicCanaryCounts({ ...input, stableRS: null })).toEqual({ canary: 10, stable: 0 });
  });
  it('stable RS is the new RS', () => {
    expect(basicCanaryCounts({ ...input, stableRS: newRS })).toEqual({ canary: 10, stable: 0 });
  });
});

describe('TestTrafficWeightToReplicas', () => {
  it.each([
    [10, 0, 100, 0],
    [10, 20, 100, 2],
    [10, 25, 100, 3],
    [10, 33, 100, 4],
    [10, 99, 100, 10],
    [10, 100, 100, 10],
    [23, 100000000, 100000000, 23],
  ])('replicas:%i weight:%i maxWeight:%i', (replicas, weight, maxWeight, want) => {
    expect(trafficWeightToReplicas(replicas, weight, maxWeight)).toBe(want);
  });
});

describe('TestGetCurrentCanaryStep', () => {
  it('no steps: no current step', () => {
    expect(getCurrentCanaryStep(undefined, undefined).step).toBeNull();
  });
  const steps: CanaryStep[] = [{ pause: {} }];
  it('index 0 of one step', () => {
    const { step, index } = getCurrentCanaryStep(steps, 0);
    expect(step).not.toBeNull();
    expect(index).toBe(0);
  });
  it('past the last step: no step', () => {
    expect(getCurrentCanaryStep(steps, 1).step).toBeNull();
  });
});

describe('TestGetCurrentSetWeight', () => {
  const steps: CanaryStep[] = [{ setWeight: 10 }];
  it('past the last step: 100', () => {
    expect(getCurrentSetWeight(steps, 1, false)).toBe(100);
  });
  it('at the setWeight step: 10', () => {
    expect(getCurrentSetWeight(steps, 0, false)).toBe(10);
  });
  it('aborted: 0', () => {
    expect(getCurrentSetWeight(steps, 0, true)).toBe(0);
  });
});

describe('TestGetReplicasForScaleDown', () => {
  it.each<{ name: string; rs: RsCounts | null; ignoreAvailability: boolean; want: number }>([
    { name: 'test rs is nil', rs: null, ignoreAvailability: false, want: 0 },
    {
      name: 'test expected replicas is less than actual replicas',
      rs: rs('', 3, 5),
      ignoreAvailability: false,
      want: 3,
    },
    { name: 'test ignore availability', rs: rs('', 3, 2), ignoreAvailability: true, want: 3 },
    { name: 'test not ignore availability', rs: rs('', 3, 2), ignoreAvailability: false, want: 2 },
  ])('$name', ({ rs: r, ignoreAvailability, want }) => {
    expect(getReplicasForScaleDown(r, ignoreAvailability)).toBe(want);
  });
});

describe('TestGetCanaryReplicasOrWeight', () => {
  const none: CanaryProgress = {
    steps: undefined,
    currentStepIndex: undefined,
    aborted: false,
    promoteFull: false,
    stableRS: '',
    currentPodHash: '',
    trafficRouting: false,
  };
  const twoSteps = (setCanaryScale: SetCanaryScale): CanaryProgress => ({
    ...none,
    steps: [{ setWeight: 10 }, { setCanaryScale }],
    trafficRouting: true,
    currentStepIndex: 1,
    stableRS: 'stable-rs',
  });
  it.each<{ name: string; progress: CanaryProgress; replicas: number | null; weight: number }>([
    {
      name: 'test full promote rollout',
      progress: { ...none, promoteFull: true },
      replicas: null,
      weight: 100,
    },
    {
      name: 'test canary step weight',
      progress: twoSteps({ weight: 20 }),
      replicas: null,
      weight: 20,
    },
    {
      name: 'test canary step replicas',
      progress: twoSteps({ replicas: 5 }),
      replicas: 5,
      weight: 0,
    },
    {
      // Argo's row is a blueGreen rollout; what it exercises is the empty status.stableRS.
      name: 'test get current step weight',
      progress: { ...none, aborted: true },
      replicas: null,
      weight: 100,
    },
  ])('$name', ({ progress, replicas, weight }) => {
    expect(getCanaryReplicasOrWeight(progress)).toEqual({ replicas, weight });
  });
});

// replicaset_test.go TestResolveFenceposts (Argo's rows pass strings; nil is an absent value).
describe('TestResolveFenceposts', () => {
  it.each<[string | undefined, string | undefined, number, number, number]>([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    ['oops', '39%', 10, 0, 0],
    ['55%', 'urg', 10, 0, 0],
    [undefined, '39%', 10, 0, 3],
    ['39%', undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
  ])(
    'surge:%s unavailable:%s desired:%i',
    (maxSurge, maxUnavailable, desired, surge, unavailable) => {
      expect(resolveFenceposts(maxSurge, maxUnavailable, desired)).toEqual({ surge, unavailable });
    },
  );
});

// replicaset_test.go TestMaxSurge (maxUnavailable 1); the blueGreen row is out of scope.
describe('TestMaxSurge', () => {
  it.each<[string, number, number | string, number]>([
    ['maxSurge with int', 10, 5, 5],
    ['maxSurge with percents', 10, '50%', 5],
  ])('%s', (_name, replicas, maxSurge, expected) => {
    expect(resolveCanarySurge(replicas, maxSurge, 1).maxSurge).toBe(expected);
  });
});

// replicaset_test.go TestMaxUnavailable (maxSurge 1); the blueGreen row is out of scope.
describe('TestMaxUnavailable', () => {
  it.each<[string, number, number | string, number]>([
    ['maxUnavailable less than replicas', 10, 5, 5],
    ['maxUnavailable equal replicas', 10, 10, 10],
    ['maxUnavailable greater than replicas', 5, 10, 5],
    ['maxUnavailable with replicas is 0', 0, 10, 0],
    ['maxUnavailable less than replicas with percents', 10, '50%', 5],
    ['maxUnavailable equal replicas with percents', 10, '100%', 10],
    ['maxUnavailable greater than replicas with percents', 5, '100%', 5],
  ])('%s', (_name, replicas, maxUnavailable, expected) => {
    expect(resolveCanarySurge(replicas, 1, maxUnavailable).maxUnavailable).toBe(expected);
  });
});
