/**
 * Narrow selectors for one Deployment's panel. A DeploymentView is replaced whenever anything
 * in it changes (a ready count, the controller's latest decision), so these return primitives
 * (compared with useShallow): each part of the panel re-renders when a number it shows changes.
 */
import type { SimState } from '../../store/createSimStore';
import type { DeploymentView } from '../../sim/view/frame';

const find = (s: SimState, name: string): DeploymentView | undefined =>
  s.frame?.deployments.find((d) => d.name === name);

export interface DeploymentHead {
  exists: boolean;
  revision: number;
  /** Images joined by ", " ('' for none). */
  images: string;
  firstImage: string;
  type: 'RollingUpdate' | 'Recreate';
  paused: boolean;
  ready: number;
  desired: number;
  updated: number;
  available: number;
  rolloutStatus: string;
  /** Conditions as "type status reason" lines (see parseConditions). */
  conditions: string;
}

export const selectDeploymentHead =
  (name: string) =>
  (s: SimState): DeploymentHead => {
    const d = find(s, name);
    return {
      exists: !!d,
      revision: d?.revision ?? 0,
      images: d?.images.join(', ') ?? '',
      firstImage: d?.images[0] ?? '',
      type: d?.strategy.type ?? 'RollingUpdate',
      paused: d?.paused ?? false,
      ready: d?.ready ?? 0,
      desired: d?.desired ?? 0,
      updated: d?.updated ?? 0,
      available: d?.available ?? 0,
      rolloutStatus: d?.rolloutStatus ?? '',
      conditions: d?.conditions.map((c) => `${c.type}\t${c.status}\t${c.reason}`).join('\n') ?? '',
    };
  };

export function parseConditions(key: string): { type: string; status: string; reason: string }[] {
  if (!key) return [];
  return key.split('\n').map((line) => {
    const [type = '', status = '', reason = ''] = line.split('\t');
    return { type, status, reason };
  });
}

/** The spec values and resolved pod numbers the strategy sliders show. */
export interface StrategyValues {
  type: 'RollingUpdate' | 'Recreate';
  replicas: number;
  maxSurge: number | string | null;
  maxUnavailable: number | string | null;
  minReadySeconds: number;
  surgePods: number;
  unavailablePods: number;
}

export const selectStrategyValues =
  (name: string) =>
  (s: SimState): StrategyValues | null => {
    const d = find(s, name);
    if (!d) return null;
    return {
      type: d.strategy.type,
      replicas: d.spec.replicas,
      maxSurge: d.spec.maxSurge,
      maxUnavailable: d.spec.maxUnavailable,
      minReadySeconds: d.spec.minReadySeconds,
      surgePods: d.strategy.maxSurge,
      unavailablePods: d.strategy.maxUnavailable,
    };
  };

export interface Reasoning {
  decisionT: number | null;
  decision: string;
  waitingT: number | null;
  waiting: string;
  waitingState: 'idle' | 'complete' | 'paused';
}

export const selectReasoning =
  (name: string) =>
  (s: SimState): Reasoning => {
    const d = find(s, name);
    return {
      decisionT: d?.decision?.t ?? null,
      decision: d?.decision?.text ?? '',
      waitingT: d?.waiting?.t ?? null,
      waiting: d?.waiting?.text ?? '',
      waitingState: d?.waiting?.state ?? 'idle',
    };
  };
