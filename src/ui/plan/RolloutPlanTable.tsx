/**
 * The rollout plan as a table named "Rollout plan": for a Deployment, each state its ReplicaSets
 * go through (old and new pods, total, available, the bound that holds them); for a canary
 * Rollout, each step (setWeight, canary and stable pods, the weight traffic sees, and why). The
 * rows are what the simulator did when run ahead on a copy; this only lays them out.
 */
import type { CanaryPlan, DeploymentPlan, RolloutPlan } from '../../sim/plan/planTypes';
import { after, boundWords, endWords } from './planWords';
import './rolloutPlan.css';

export function RolloutPlanTable({ plan }: { plan: RolloutPlan }) {
  if (plan.kind === 'error')
    return (
      <p className="plan-line plan-error" role="status">
        ✖ {plan.message}
      </p>
    );
  if (plan.kind === 'none')
    return (
      <p className="plan-line" role="status">
        {plan.message}
      </p>
    );
  return plan.kind === 'deployment' ? <DeploymentTable plan={plan} /> : <CanaryTable plan={plan} />;
}

function DeploymentTable({ plan }: { plan: DeploymentPlan }) {
  let wave = 0;
  const rolling = plan.strategy === 'RollingUpdate';
  return (
    <div className="plan">
      <p className="plan-summary">
        deployment/{plan.name}: {plan.replicas} replicas,{' '}
        {rolling
          ? `maxSurge ${plan.maxSurge} (at most ${plan.replicas + plan.maxSurge} pods), maxUnavailable ${plan.maxUnavailable} (at least ${plan.replicas - plan.maxUnavailable} available)`
          : 'Recreate (every old pod goes before a new one starts)'}
        {plan.minReadySeconds > 0 && `, minReadySeconds ${plan.minReadySeconds}`}
      </p>
      <div className="plan-scroll">
        <table className="plan-table">
          <caption>Rollout plan</caption>
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col">After apply</th>
              <th scope="col">Old pods</th>
              <th scope="col">New pods</th>
              <th scope="col">Total</th>
              <th scope="col">Available</th>
              <th scope="col">Held by</th>
            </tr>
          </thead>
          <tbody>
            {plan.waves.map((w, i) => {
              const label =
                i === 0 ? 'now' : w.cause === 'wave' ? `wave ${++wave}` : 'pods available';
              return (
                <tr key={i} className={w.cause === 'available' && i > 0 ? 'plan-minor' : undefined}>
                  <th scope="row">{label}</th>
                  <td>{i === 0 ? '0 s' : after(w.t)}</td>
                  <td>{w.old}</td>
                  <td>{w.new}</td>
                  <td>{w.total}</td>
                  <td>{w.available}</td>
                  <td className="plan-why">
                    {w.bounds.length ? w.bounds.map((b) => boundWords(plan, w, b)).join('; ') : '—'}
                    {w.said && <span className="plan-said">controller: {w.said}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={`plan-end plan-end-${plan.end.state}`}>{endWords(plan.end)}</p>
    </div>
  );
}

function CanaryTable({ plan }: { plan: CanaryPlan }) {
  return (
    <div className="plan">
      <p className="plan-summary">
        rollout/{plan.name}: canary, {plan.replicas} replicas,{' '}
        {plan.router
          ? `traffic router ${plan.router}`
          : `no traffic router (maxSurge ${plan.maxSurge}, maxUnavailable ${plan.maxUnavailable})`}
      </p>
      <div className="plan-scroll">
        <table className="plan-table plan-canary">
          <caption>Rollout plan</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">
                set
                <wbr />
                Weight
              </th>
              <th scope="col">Canary pods</th>
              <th scope="col">Stable pods</th>
              <th scope="col">Traffic sees</th>
              <th scope="col">Reached</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {plan.steps.map((s, i) => {
              const waits =
                s.to === null && plan.end.state === 'paused' && i === plan.steps.length - 1;
              return (
                <tr key={i}>
                  <th scope="row">{s.index === null ? 'promoted' : `${s.index + 1}. ${s.step}`}</th>
                  <td>{s.setWeight} %</td>
                  <td>{s.canary}</td>
                  <td>{s.stable}</td>
                  <td className={s.actualWeight !== s.setWeight ? 'plan-differs' : undefined}>
                    {s.actualWeight} %
                  </td>
                  <td>
                    {after(s.from)}
                    {waits && <span className="plan-said">‖ waits for promote</span>}
                  </td>
                  <td className="plan-why">{s.why}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={`plan-end plan-end-${plan.end.state}`}>{endWords(plan.end)}</p>
    </div>
  );
}
