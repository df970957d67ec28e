/** How the rollout plan's numbers read on screen (pure: plan in, words out). */
import type { DeploymentPlan, DeploymentWave, PlanEnd, WaveBound } from '../../sim/plan/planTypes';

/** Simulated ms after the apply, as "+5 ms", "+3.0 s" or, past a minute, "+1:05". */
export function after(ms: number): string {
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `+${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `+${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

export function boundWords(plan: DeploymentPlan, w: DeploymentWave, b: WaveBound): string {
  switch (b) {
    case 'maxSurge':
      return `maxSurge ceiling: ${w.total} = ${plan.replicas} + ${plan.maxSurge} pods`;
    case 'maxUnavailable':
      return `maxUnavailable floor: ${w.available} available ≤ ${plan.replicas} − ${plan.maxUnavailable}`;
    case 'readiness': {
      const waiting = w.new - w.newAvailable;
      const why =
        plan.minReadySeconds > 0
          ? `readiness + minReadySeconds ${plan.minReadySeconds} s`
          : 'readiness';
      return `${why}: ${waiting} new pod${waiting === 1 ? '' : 's'} not yet available`;
    }
  }
}

const END_MARK: Record<PlanEnd['state'], string> = {
  complete: '✔',
  paused: '‖',
  deadline: '✖',
  aborted: '✖',
  replaced: '↻',
  horizon: '…',
};

export function endWords(end: PlanEnd): string {
  return `${END_MARK[end.state]} ${after(end.t)}: ${end.message}`;
}
