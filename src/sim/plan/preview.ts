/**
 * The rollout plan of a person's session: the edit applied to a copy of the cluster as it is now
 * (the session itself is untouched: same frame, same random draws afterwards).
 */
import type { Session } from '../session/session';
import { planRollout } from './rolloutPlan';
import type { RolloutPlan } from './planTypes';

export function previewRollout(session: Session, text: string): RolloutPlan {
  const copy = session.fork();
  // The session records an edit at the next whole millisecond (Session.wholeMs): so does the plan.
  copy.advanceTo(Math.ceil(session.now));
  return planRollout(copy, text);
}
