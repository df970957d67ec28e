/**
 * Under the replicas slider of a Deployment that a HorizontalPodAutoscaler scales: who owns
 * replicas, an edit the HPA has not yet looked at, and an edit it set back with its reason (the
 * decision's arithmetic from src/sim/view/autoscalerView.ts). Nothing when no HPA scales it.
 */
import { useMemo } from 'react';
import type { SimState } from '../../store/createSimStore';
import type { AutoscalerView } from '../../sim/view/frame';
import { useSim } from '../../store/SimStoreProvider';
import { formatAt } from './formatClock';
import './replicasOwner.css';

const selectOwner =
  (deployment: string) =>
  (s: SimState): AutoscalerView | undefined =>
    s.frame?.autoscalers.find((a) => a.targetKind === 'Deployment' && a.targetName === deployment);

/**
 * The replicas the person's latest `kubectl scale` / `patch` of this Deployment asked for
 * (the slider sends `kubectl scale`). Recomputed only when the command log changes.
 */
const selectLastEdit = (deployment: string) => {
  const name = deployment.replace(/\./g, '\\.');
  const target = `(?:deployments?|deploy)(?:/|\\s+)${name}(?=\\s|$)`;
  const scale = new RegExp(`\\bscale ${target}.*--replicas[= ](\\d+)`);
  const patch = new RegExp(`\\bpatch ${target}.*"replicas":\\s*(\\d+)`);
  let seen: SimState['commands'] | null = null;
  let found: number | null = null;
  return (s: SimState): number | null => {
    if (s.commands === seen) return found;
    seen = s.commands;
    found = null;
    for (let i = s.commands.length - 1; i >= 0; i--) {
      const c = s.commands[i]!;
      if (c.exitCode !== 0) continue;
      const m = scale.exec(c.command) ?? patch.exec(c.command);
      if (m) {
        found = Number(m[1]);
        break;
      }
    }
    return found;
  };
};

export function ReplicasOwner({ deployment }: { deployment: string }) {
  const a = useSim(useMemo(() => selectOwner(deployment), [deployment]));
  const mine = useSim(useMemo(() => selectLastEdit(deployment), [deployment]));
  if (!a) return null;
  const hpa = `HorizontalPodAutoscaler ${a.name}`;
  const who = (n: number) => (mine === n ? `you set ${n}` : `replicas was set to ${n}`);
  return (
    <span className="replicas-owner">
      <span className="replicas-owner-line">
        replicas — owned by {hpa} (min {a.min}, max {a.max})
      </span>
      {a.edited !== null ? (
        <span className="replicas-owner-line replicas-owner-edit">
          {who(a.edited)}; {hpa} decides again at{' '}
          {a.nextSync === null ? 'its next sync' : formatAt(a.nextSync)}
        </span>
      ) : (
        a.override && (
          <span className="replicas-owner-line replicas-owner-edit">
            {who(a.override.from)}; {hpa} set it back to {a.override.to} at {formatAt(a.override.t)}
            : {a.override.text}
          </span>
        )
      )}
    </span>
  );
}
