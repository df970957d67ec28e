/**
 * The controller manager's dispatch: which sync function handles a key taken from each
 * controller's work queue. A table of its own so adding a controller is one line here plus its
 * latency in workQueue.ts, without touching the engine's loop.
 */
import type { ControllerName, Ctx } from '../controllers/context';
import { syncDeployment } from '../controllers/deployment/sync';
import { collectDependents } from '../controllers/garbageCollector';
import { syncEndpointSlices } from '../controllers/endpointSlice';
import { syncReplicaSet, updateStatus } from '../controllers/replicaSet';
import { syncAnalysisRun } from '../controllers/rollout/analysis';
import { syncRollout } from '../controllers/rollout/rollout';
import { schedulePod } from '../controllers/scheduler';

export function syncController(ctx: Ctx, c: ControllerName, key: string): void {
  switch (c) {
    case 'deployment':
      return syncDeployment(ctx, key);
    case 'replicaset':
      return syncReplicaSet(ctx, 'ReplicaSet', key);
    case 'replicationcontroller':
      return syncReplicaSet(ctx, 'ReplicationController', key);
    case 'replicasetstatus': {
      const [kind, name] = key.split('/') as ['ReplicaSet' | 'ReplicationController', string];
      return updateStatus(ctx, kind, name);
    }
    case 'scheduler':
      return schedulePod(ctx, key);
    case 'endpointslice':
      return syncEndpointSlices(ctx, key);
    case 'garbagecollector':
      return collectDependents(ctx, key);
    case 'rollout':
      return syncRollout(ctx, key);
    case 'analysisrun':
      return syncAnalysisRun(ctx, key);
  }
}
