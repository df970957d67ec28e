/**
 * What a Deployment's strategy numbers mean in pods, from the frame's resolved values
 * (`strategy.maxSurge` rounds a percentage up, `strategy.maxUnavailable` rounds it down:
 * Kubernetes pkg/controller/deployment/util ResolveFenceposts).
 */
import type { DeploymentView } from '../../sim/view/frame';
import { pods } from './formatClock';

/** Kubernetes' default for either field when the spec leaves it out. */
export const DEFAULT_STRATEGY_VALUE = '25%';

export type StrategyField = 'maxSurge' | 'maxUnavailable';

/** What these helpers read of a Deployment: its written spec and the resolved pod numbers. */
export interface StrategyInput {
  spec: Pick<DeploymentView['spec'], 'replicas' | 'maxSurge' | 'maxUnavailable'>;
  strategy: DeploymentView['strategy'];
}

export function written(d: StrategyInput, field: StrategyField): string {
  const v = d.spec[field];
  return v === null ? DEFAULT_STRATEGY_VALUE : String(v);
}

export function isPercent(d: StrategyInput, field: StrategyField): boolean {
  return written(d, field).endsWith('%');
}

/** The slider position: a percentage or a pod count, as written. */
export function writtenNumber(d: StrategyInput, field: StrategyField): number {
  const n = parseInt(written(d, field), 10);
  return Number.isFinite(n) ? n : 0;
}

/** "maxSurge 25% → 1 pod · at most 4 pods". */
export function surgeText(d: StrategyInput): string {
  const n = d.strategy.maxSurge;
  return `maxSurge ${written(d, 'maxSurge')} → ${pods(n)} · at most ${pods(d.spec.replicas + n)}`;
}

/** "maxUnavailable 25% → 0 pods · at least 3 available". */
export function unavailableText(d: StrategyInput): string {
  const n = d.strategy.maxUnavailable;
  const least = Math.max(0, d.spec.replicas - n);
  return `maxUnavailable ${written(d, 'maxUnavailable')} → ${pods(n)} · at least ${least} available`;
}

/** The same amount in the other unit, for the count/percent toggle. */
export function convert(
  d: StrategyInput,
  field: StrategyField,
  toPercent: boolean,
): number | string {
  const pods = d.strategy[field];
  if (!toPercent) return Math.min(10, pods);
  const replicas = d.spec.replicas;
  if (replicas <= 0) return DEFAULT_STRATEGY_VALUE;
  const pct = Math.min(100, Math.max(0, Math.round((pods / replicas) * 20) * 5));
  return `${pct}%`;
}
