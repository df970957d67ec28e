/**
 * The kubectl processes that drive the cluster from outside it: today `kubectl rolling-update`,
 * whose loop runs in the terminal, not in any controller. Each is drawn as its own group above
 * the ReplicationControllers it scales, with what it is doing, which controller it scales next
 * and to what, when it wakes, and — once Ctrl-C stopped it — that the controllers stay where
 * they are. The words and numbers come from the simulation (src/sim/view/clientView.ts).
 */
import type { ClientView } from '../../sim/view/frame';
import { useSim } from '../../store/SimStoreProvider';
import type { SimState } from '../../store/createSimStore';
import { formatAt } from '../controls/formatClock';
import { useCoarseClock } from '../useCoarseClock';
import './kubectlClient.css';

const NO_CLIENTS: ClientView[] = [];
const selectClients = (s: SimState): ClientView[] => s.frame?.clients ?? NO_CLIENTS;

export function KubectlClients() {
  const clients = useSim(selectClients);
  if (!clients.length) return null;
  return (
    <>
      {clients.map((c) => (
        <KubectlClient key={c.id} client={c} />
      ))}
    </>
  );
}

/** "in 6.2 s" until a simulated instant, from a clock that ticks a few times a wall second. */
function In({ at }: { at: number }) {
  const now = useCoarseClock(250);
  const left = Math.max(0, at - now) / 1000;
  return <>in {left.toFixed(1)} s</>;
}

const STATUS: Record<ClientView['status'], string> = {
  running: 'running',
  interrupted: 'interrupted (Ctrl-C)',
  succeeded: 'finished',
  failed: 'failed',
};

function KubectlClient({ client: c }: { client: ClientView }) {
  const ended = c.endedAt !== null;
  return (
    <div
      className="kclient"
      role="group"
      aria-label="kubectl rolling-update client"
      data-status={c.status}
    >
      <div className="kclient-head">
        <h3 className="kclient-title">kubectl rolling-update</h3>
        <span className="kclient-badge" data-status={c.status}>
          {STATUS[c.status]}
        </span>
        {ended && (
          <span className="kclient-kind">
            at {formatAt(c.endedAt!)} · exit code {c.exitCode}
          </span>
        )}
        <span className="kclient-kind">a client: runs in the terminal, not in the cluster</span>
      </div>
      <p className="kclient-command">
        <span aria-hidden="true">$ </span>
        {c.command}
      </p>
      {c.left && (
        <p className="kclient-left" role="status">
          {c.left}
        </p>
      )}
      {c.outcome && <p className="kclient-outcome">{c.outcome}</p>}
      {!ended && (
        <dl className="kclient-plan">
          <dt>Now</dt>
          <dd>
            {c.doing}
            {!c.sleeping && c.wakeAt !== null && (
              <span className="kclient-when">
                {' '}
                · next check <In at={c.wakeAt} />
              </span>
            )}
          </dd>
          <dt>Next</dt>
          <dd aria-label="Next action">
            {c.next ? (
              <>
                <strong>
                  scale {c.next.rc} {c.next.direction} {c.next.from} → {c.next.to}
                </strong>
                {c.sleeping && c.wakeAt !== null && (
                  <span className="kclient-when">
                    {' '}
                    <In at={c.wakeAt} />
                  </span>
                )}
                {c.before && <span className="kclient-before"> {c.before}</span>}
              </>
            ) : (
              <span className="kclient-before">{c.before || 'no more scaling'}</span>
            )}
          </dd>
        </dl>
      )}
      <ul className="kclient-rcs" aria-label="Controllers it drives">
        {c.controllers.map((rc) => (
          <li key={rc.role}>
            <span className="kclient-role">{rc.role === 'old' ? 'old' : 'new'}</span>
            <span className="kclient-rc">{rc.name}</span>
            <span className="kclient-image">{rc.image}</span>
            <span className="kclient-n">
              {rc.replicas === null
                ? 'gone'
                : rc.role === 'new' && !ended
                  ? `${rc.replicas} of ${c.desired}`
                  : String(rc.replicas)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
