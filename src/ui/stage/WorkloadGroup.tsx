/**
 * A Deployment with its ReplicaSets side by side (older left), or a ReplicaSet / RC without a
 * Deployment, or the pods no controller owns. The header carries the strategy and the
 * `kubectl rollout status` line.
 */
import { memo, useMemo } from 'react';
import type { SimState } from '../../store/createSimStore';
import type { DeploymentView } from '../../sim/view/frame';
import { useSim } from '../../store/SimStoreProvider';
import { PodList } from './PodList';
import { ReplicaSetColumn } from './ReplicaSetColumn';
import { sameGroupSpec, selectStandalonePodIds, type GroupSpec } from './stageSelectors';
import { useRegister } from './stageRegistry';
import { useShallow } from 'zustand/react/shallow';

function strategyText(d: DeploymentView): string {
  const replicas = `replicas ${d.spec.replicas}`;
  if (d.strategy.type === 'Recreate') return `${replicas} · Recreate`;
  const part = (label: string, raw: number | string | null, n: number) =>
    typeof raw === 'string' && raw.endsWith('%') ? `${label} ${raw} → ${n}` : `${label} ${n}`;
  return [
    replicas,
    'RollingUpdate',
    part('maxSurge', d.spec.maxSurge, d.strategy.maxSurge),
    part('maxUnavailable', d.spec.maxUnavailable, d.strategy.maxUnavailable),
  ].join(' · ');
}

const selectDeploymentHead =
  (name: string) =>
  (s: SimState): [string, string] => {
    const d = s.frame?.deployments.find((x) => x.name === name);
    return d ? [strategyText(d), d.rolloutStatus] : ['', ''];
  };

function tone(status: string): string {
  if (status.startsWith('error:')) return 'err';
  if (status.includes('successfully rolled out')) return 'ok';
  return 'busy';
}

/** A group's spec is rebuilt with every structure change; a group re-renders when its own did. */
function sameGroup(a: { group: GroupSpec }, b: { group: GroupSpec }): boolean {
  return sameGroupSpec(a.group, b.group);
}

export const WorkloadGroup = memo(function WorkloadGroup({ group }: { group: GroupSpec }) {
  const ref = useRegister('groups', group.key);
  const kindLabel = group.kind === 'Pods' ? 'without a controller' : group.kind;
  return (
    <div
      ref={ref}
      className={`group group-${group.kind.toLowerCase()}`}
      role="group"
      aria-label={
        group.kind === 'Pods' ? 'Pods without a controller' : `${group.kind} ${group.name}`
      }
    >
      <div className="group-head">
        <h3 className="group-title">{group.kind === 'Pods' ? 'Pods' : group.name}</h3>
        <span className="group-kind">{kindLabel}</span>
        {group.kind === 'Deployment' && <DeploymentMeta name={group.name} />}
      </div>
      {group.kind === 'Deployment' && <RolloutLine name={group.name} />}
      <div className="group-body">
        {group.kind === 'Pods' ? (
          <StandalonePods />
        ) : (
          group.replicaSets.map((rs) => (
            <ReplicaSetColumn
              key={rs}
              name={rs}
              kind={group.kind === 'ReplicationController' ? 'ReplicationController' : 'ReplicaSet'}
            />
          ))
        )}
      </div>
    </div>
  );
}, sameGroup);

function DeploymentMeta({ name }: { name: string }) {
  const [strategy] = useSim(useShallow(useMemo(() => selectDeploymentHead(name), [name])));
  return <span className="group-strategy">{strategy}</span>;
}

function RolloutLine({ name }: { name: string }) {
  const [, status] = useSim(useShallow(useMemo(() => selectDeploymentHead(name), [name])));
  return (
    <p className="rollout-line" data-tone={tone(status)}>
      {status}
    </p>
  );
}

function StandalonePods() {
  const ids = useSim(useShallow(selectStandalonePodIds));
  return (
    <div className="rs rs-standalone">
      <PodList ids={ids} label="Pods without a controller" />
    </div>
  );
}
