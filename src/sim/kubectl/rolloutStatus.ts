/**
 * `kubectl rollout status deployment/<name>`: kubectl's DeploymentStatusViewer.Status
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go, §10.1). Called on every
 * watch event of the Deployment; `done` ends the watch, `error` ends it with a failure (kubectl
 * prints it as "error: <text>").
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import {
  TIMED_OUT_REASON,
  getDeploymentCondition,
  revision as revisionOf,
} from '../controllers/deployment/util';

export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

export function deploymentRolloutStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const running = revisionOf(d);
    if (Number.isNaN(running)) {
      return { message: '', done: false, error: `cannot get the revision of deployment "${name}"` };
    }
    if (revision !== running) {
      return {
        message: '',
        done: false,
        error: `desired revision (${revision}) is different from the running revision (${running})`,
      };
    }
  }
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  if (getDeploymentCondition(s, 'Progressing')?.reason === TIMED_OUT_REASON) {
    return {
      message: '',
      done: false,
      error: `deployment "${name}" exceeded its progress deadline`,
    };
  }
  const updated = s.updatedReplicas ?? 0;
  const replicas = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const desired = d.spec?.replicas;
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (desired !== undefined && updated < desired) {
    return {
      message: `${waiting}${updated} out of ${desired} new replicas have been updated...\n`,
      done: false,
    };
  }
  if (replicas > updated) {
    return {
      message: `${waiting}${replicas - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if (available < updated) {
    return {
      message: `${waiting}${available} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}
