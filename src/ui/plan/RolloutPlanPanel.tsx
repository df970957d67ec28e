/**
 * "What will this rollout do": the plan of applying `text` to the running cluster, asked of the
 * worker (which runs the simulator ahead on a copy) a moment after the text stops changing; a
 * newer text's answer always replaces an older one's, whichever arrives first.
 */
import { useEffect, useRef, useState } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import type { RolloutPlan } from '../../sim/plan/planTypes';
import { RolloutPlanTable } from './RolloutPlanTable';

/** Wait this long after the last keystroke before asking (ms of wall time). */
export const PLAN_DEBOUNCE_MS = 250;

export function RolloutPlanPanel({ text }: { text: string }) {
  const preview = useSim((s) => s.preview);
  const [plan, setPlan] = useState<RolloutPlan | null>(null);
  const [pending, setPending] = useState(false);
  /** The newest request's number: only its answer is shown. */
  const latest = useRef(0);
  useEffect(() => {
    const id = ++latest.current;
    if (!text.trim()) {
      setPlan(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      preview(text).then(
        (p) => {
          if (latest.current !== id) return;
          setPlan(p);
          setPending(false);
        },
        (e: unknown) => {
          if (latest.current !== id) return;
          setPlan({ kind: 'error', message: `the plan failed: ${String(e)}` });
          setPending(false);
        },
      );
    }, PLAN_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, preview]);
  return (
    <div className="plan-panel" aria-busy={pending}>
      {plan ? (
        <RolloutPlanTable plan={plan} />
      ) : (
        <p className="plan-line muted">
          {pending ? 'Planning…' : 'Paste a Deployment or Rollout to see what applying it will do.'}
        </p>
      )}
    </div>
  );
}
