/** Ends of a plan that more than one recorder reaches. */
import type { PlanEnd } from './planTypes';

/** The end of a plan whose template a later change (a scenario step) replaced. */
export function replaced(t: number): PlanEnd {
  return {
    state: 'replaced',
    t,
    message: 'a later change (a scenario step) rolls out another template from here',
  };
}
