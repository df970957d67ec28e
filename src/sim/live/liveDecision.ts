/**
 * The Deployment panel's "Deployment controller" lines for a live cluster, from what the API
 * shows: the controller's latest action is its own latest ScalingReplicaSet event (its words,
 * "Scaled up replica set web-6cfc788796 from 2 to 3"), and what it waits for now is the same
 * arithmetic the simulator explains (controllers/deployment/explain.ts) over the Deployment and
 * its ReplicaSets as served. Nothing else is inferred.
 */
import type { Deployment, ReplicaSet } from '../api/objects';
import type { Decisions } from '../engine/clusterReader';
import type { EventRecord } from '../runner/runResult';
import type { IdleState } from '../controllers/context';
import { controllerRef } from '../api/podIndex';
import { explainIdle, rolloutNumbers } from '../controllers/deployment/explain';
import { REVISION_ANNOTATION } from '../controllers/deployment/util';

export function liveDecision(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
  action: EventRecord | undefined,
  now: number,
): Decisions {
  const name = d.metadata?.name ?? '';
  const owned = replicaSets.filter((rs) => {
    const o = controllerRef(rs);
    return o?.kind === 'Deployment' && o.name === name;
  });
  const revision = d.metadata?.annotations?.[REVISION_ANNOTATION];
  const newRS = owned.find((rs) => rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
  const n = rolloutNumbers(d, owned, newRS);
  const replicas = d.spec?.replicas ?? 1;
  const s = d.status;
  // deploymentutil.DeploymentComplete: every replica updated and available, this generation seen.
  const complete =
    (s?.updatedReplicas ?? 0) === replicas &&
    (s?.replicas ?? 0) === replicas &&
    (s?.availableReplicas ?? 0) === replicas &&
    (s?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
  const paused = !!d.spec?.paused;
  const recreate = d.spec?.strategy?.type === 'Recreate';
  const oldPods = owned
    .filter((rs) => rs !== newRS)
    .reduce((sum, rs) => sum + (rs.status?.replicas ?? 0), 0);
  const state: IdleState = paused ? 'paused' : complete ? 'complete' : 'idle';
  return {
    action: action ? { t: action.t * 1000, text: action.message } : null,
    idle: {
      t: now,
      text: explainIdle(n, {
        complete,
        paused,
        recreateWaiting: recreate && !complete && oldPods > 0 ? oldPods : null,
      }),
      state,
    },
  };
}
