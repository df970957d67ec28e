/**
 * What the simulator can run, as opposed to what the API server accepts. `replicas: 1000000`
 * is a valid int32 for Kubernetes, but a million simulated pods would keep the worker busy for
 * hours: such a value is refused like an invalid one — at load, and on every later write
 * (`kubectl scale`, `patch`, `apply`, the sliders, an HPA's bounds), since every write path
 * validates through validateObject — with a message that names the field and says the limit is
 * the simulator's.
 *
 * The limits are what `npm run bench` runs: big-fleet scaled to 10 000 replicas (one tick of the
 * 10 000-pod wave costs seconds on a busy machine; 20 000 cost three times as much). Nodes,
 * clients, request rate and duration of a Scenario are bounded for the same reason: each is a
 * loop or an array in the engine.
 */
import type { KubeObject } from '../api/objects';
import { qualifiedKind } from '../api/kinds';
import { invalid, invalidMessage, type FieldError } from './fieldError';
import type { Scenario } from './scenario';
import { isRec } from './specReader';

export const SIMULATION_LIMITS = {
  /** Replicas of one workload (Deployment, ReplicaSet, ReplicationController, Rollout, …). */
  replicas: 10_000,
  nodes: 1_000,
  /** Distinct client IPs of the traffic (an array of that length is kept). */
  clients: 100_000,
  /** Requests per simulated second (bench (b) runs 10 000). */
  rps: 100_000,
  /** A scenario's duration: one day of simulated time. */
  durationMs: 86_400_000,
  steps: 1_000,
} as const;

const beyond = (limit: number, what: string) =>
  `must be less than or equal to ${limit} (the most ${what} the simulator runs)`;

/** Field errors for values the simulator cannot run, in the API server's Invalid format. */
export function simulationLimitErrors(obj: KubeObject): string[] {
  const spec = isRec((obj as { spec?: unknown }).spec)
    ? (obj as { spec: Record<string, unknown> }).spec
    : {};
  const errs: FieldError[] = [];
  const over = (field: string, value: unknown, limit: number, what: string) => {
    if (typeof value === 'number' && value > limit)
      errs.push(invalid(field, value, beyond(limit, what)));
  };
  over('spec.replicas', spec.replicas, SIMULATION_LIMITS.replicas, 'replicas of one workload');
  if (obj.kind === 'HorizontalPodAutoscaler')
    over(
      'spec.maxReplicas',
      spec.maxReplicas,
      SIMULATION_LIMITS.replicas,
      'replicas of one workload',
    );
  if (!errs.length || !obj.kind) return [];
  return [invalidMessage(qualifiedKind(obj.kind), obj.metadata?.name ?? '', errs)];
}

/** The same for a resolved Scenario document's own numbers (spec.cluster, spec.traffic, …). */
export function scenarioLimitErrors(
  s: Pick<Scenario, 'name' | 'duration' | 'cluster' | 'traffic' | 'steps'>,
): FieldError[] {
  const errs: FieldError[] = [];
  const over = (
    field: string,
    value: number | undefined,
    limit: number,
    what: string,
    shown = value,
  ) => {
    if (value !== undefined && value > limit) errs.push(invalid(field, shown, beyond(limit, what)));
  };
  over('spec.cluster.nodes', s.cluster.nodes, SIMULATION_LIMITS.nodes, 'nodes');
  over('spec.traffic.clients', s.traffic?.clients, SIMULATION_LIMITS.clients, 'clients');
  over('spec.traffic.rps', s.traffic?.rps, SIMULATION_LIMITS.rps, 'requests per second');
  if (s.duration > SIMULATION_LIMITS.durationMs)
    errs.push(
      invalid(
        'spec.duration',
        `${s.duration / 1000}s`,
        'must be at most 24h (the longest scenario the simulator runs)',
      ),
    );
  if (s.steps.length > SIMULATION_LIMITS.steps)
    errs.push(invalid('spec.steps', s.steps.length, beyond(SIMULATION_LIMITS.steps, 'steps')));
  for (const step of s.steps) {
    if (step.kind !== 'traffic') continue;
    const p = `spec.steps[${step.index}].traffic`;
    over(`${p}.clients`, step.traffic.clients, SIMULATION_LIMITS.clients, 'clients');
    over(`${p}.rps`, step.traffic.rps, SIMULATION_LIMITS.rps, 'requests per second');
  }
  return errs;
}

/** A traffic change at run time (the request-rate slider, a link's actions): its problem, if any. */
export function trafficLimitError(patch: { rps?: number; clients?: number }): string | null {
  if (patch.rps !== undefined && !(patch.rps <= SIMULATION_LIMITS.rps))
    return `error: the request rate ${patch.rps} is more than the simulator runs (at most ${SIMULATION_LIMITS.rps} requests per second)`;
  if (patch.clients !== undefined && !(patch.clients <= SIMULATION_LIMITS.clients))
    return `error: ${patch.clients} clients are more than the simulator runs (at most ${SIMULATION_LIMITS.clients})`;
  return null;
}
