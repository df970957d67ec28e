/**
 * The frame's view of the kubectl processes that run on the client, today `kubectl
 * rolling-update` (kubectl/rollingUpdate.ts): what the loop is doing, which ReplicationController
 * it scales next and to what, when it wakes, and — once Ctrl-C or an error ended it — what it
 * left behind. The loop lives in kubectl, not in the cluster, so nothing else on the stage can
 * say any of this: no controller holds the plan.
 *
 * The next sizes come from the loop's own arithmetic (scaleUpTarget, scaleDownTarget), so what
 * the stage promises is what the client then does (kubectl 1.17 rolling_updater.go Update:
 * scale up and wait, sleep --update-period, scale down and wait, again).
 */
import type { Pod, ReplicationController } from '../api/objects';
import { matchesMap } from '../api/labels';
import { isAvailable, isDeleting } from '../api/podState';
import type { ClusterReader } from '../engine/clusterReader';
import { goDuration } from '../controllers/kubelet/backoff';
import { INTERRUPTED_EXIT_CODE } from '../kubectl/process';
import { scaleDownTarget, scaleUpTarget } from '../kubectl/rollingUpdate';
import type { RollingUpdateState } from '../kubectl/rollingUpdateState';

/** One ReplicationController the client drives, as it is in the cluster now. */
export interface ClientControllerView {
  name: string;
  /** spec.replicas now; null once the controller is gone (deleted or mid-rename). */
  replicas: number | null;
  image: string;
  /** 'old': the controller being scaled down; 'new': the one being scaled up. */
  role: 'old' | 'new';
}

/** The client's next scaling: which controller, from what, to what. */
export interface ClientScaleView {
  rc: string;
  from: number;
  to: number;
  direction: 'up' | 'down';
}

export interface ClientView {
  /** The command's index in the session's command list (the view's key). */
  id: number;
  command: string;
  /** Simulated ms the command started. */
  startedAt: number;
  status: 'running' | 'interrupted' | 'succeeded' | 'failed';
  exitCode: number | null;
  /** Simulated ms it ended; null while it runs. */
  endedAt: number | null;
  /** `--update-period` and `--poll-interval` as kubectl prints durations (`10s`, `1m0s`, `3s`). */
  updatePeriod: string;
  pollInterval: string;
  /** How many replicas the new controller ends with. */
  desired: number;
  controllers: ClientControllerView[];
  /** What the loop is doing now, in words (empty once it ended). */
  doing: string;
  /** The scaling it will do next (null: none left, or it ended). */
  next: ClientScaleView | null;
  /** What must happen before `next`, in words ('' when only the clock stands between). */
  before: string;
  /** Simulated ms of its next wake-up (a poll tick or the end of a sleep); null once ended. */
  wakeAt: number | null;
  /** The next wake-up ends --update-period's sleep (rather than polling a status). */
  sleeping: boolean;
  /** Once it ended early: what it left behind, in words; null otherwise. */
  left: string | null;
  /** Once it succeeded: what it did, in words; null otherwise. */
  outcome: string | null;
}

const pl = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function rcOf(cluster: ClusterReader, name: string): ReplicationController | undefined {
  return name ? cluster.get<ReplicationController>('ReplicationController', name) : undefined;
}

/** readyPods' half for the new controller, as rollingUpdate.ts counts it (minReadySeconds 0). */
function availableOf(cluster: ClusterReader, rc: ReplicationController | undefined): number {
  if (!rc) return 0;
  const now = cluster.now;
  return cluster
    .list<Pod>('Pod')
    .filter(
      (p) =>
        matchesMap(rc.spec?.selector, p.metadata?.labels) &&
        !isDeleting(p) &&
        isAvailable(p, 0, now),
    ).length;
}

function controllerView(
  cluster: ClusterReader,
  name: string,
  role: 'old' | 'new',
): ClientControllerView {
  const rc = rcOf(cluster, name);
  return {
    name,
    replicas: rc ? (rc.spec?.replicas ?? 0) : null,
    image: rc?.spec?.template?.spec?.containers[0]?.image ?? '',
    role,
  };
}

type Plan = Pick<ClientView, 'doing' | 'next' | 'before' | 'sleeping'>;

const up = (st: RollingUpdateState, to: number | null): ClientScaleView | null =>
  to === null ? null : { rc: st.newName, from: st.newReplicas, to, direction: 'up' };
const down = (st: RollingUpdateState, to: number | null): ClientScaleView | null =>
  to === null ? null : { rc: st.oldName, from: st.oldReplicas, to, direction: 'down' };

/**
 * The scale-down to come: with the new controller's pods available now, or — when they are
 * not yet — the size it reaches if all of them are by then (the loop re-counts when it wakes).
 */
function scaleDownPlan(
  st: RollingUpdateState,
  available: number,
  when: string,
): Pick<Plan, 'next' | 'before'> {
  const now = scaleDownTarget(st, available);
  const best = scaleDownTarget(st, st.newReplicas);
  if (best === null || now === best) return { next: down(st, now), before: when };
  const pods = pl(st.newReplicas, 'pod');
  const cond = `if ${st.newName}'s ${pods} ${st.newReplicas === 1 ? 'is' : 'are'} available by then`;
  return { next: down(st, best), before: when ? `${when}, ${cond}` : cond };
}

/** Where a running loop stands, from the phase it rests in between wake-ups. */
function planOf(cluster: ClusterReader, st: RollingUpdateState): Plan {
  const period = goDuration(st.updatePeriodMs);
  const available = () => availableOf(cluster, rcOf(cluster, st.newName));
  const w = st.wait;
  if (st.phase === 'waitScale' && w) {
    const doing = `waiting until ${w.name}'s status counts ${pl(w.replicas, 'replica')} (checks every ${goDuration(st.intervalMs)})`;
    if (w.side === 'new') {
      const counts = { ...st, newReplicas: w.replicas };
      return {
        doing,
        ...scaleDownPlan(counts, available(), `after that and a ${period} sleep (--update-period)`),
        sleeping: false,
      };
    }
    const counts = { ...st, oldReplicas: w.replicas };
    const to = scaleUpTarget(counts);
    return {
      doing,
      next: up(counts, to),
      before: to === null ? '' : 'right after that',
      sleeping: false,
    };
  }
  if (st.phase === 'scaleDown')
    return {
      doing: `sleeping ${period} (--update-period) between scaling up and scaling down`,
      ...scaleDownPlan(st, available(), ''),
      sleeping: true,
    };
  if (st.phase === 'cleanupPoll')
    return {
      doing: `done scaling: waiting for ${st.newName}'s status to catch up, then deletes ${st.oldName}${st.cleanupPolicy === 'Rename' ? ` and renames ${st.newName} to ${st.oldName}` : ''}`,
      next: null,
      before: '',
      sleeping: false,
    };
  if (st.phase === 'renamePoll')
    return {
      doing: `renaming: waiting for ${st.rename?.from ?? st.newName} to be gone, then creates it again as ${st.oldName}`,
      next: null,
      before: '',
      sleeping: false,
    };
  return { doing: '', next: null, before: '', sleeping: false };
}

/** "frontend at 2, frontend-1a2b at 2" — the sizes the controllers keep now. */
function sizes(controllers: readonly ClientControllerView[]): string {
  return controllers
    .map((c) => (c.replicas === null ? `${c.name} gone` : `${c.name} at ${c.replicas}`))
    .join(', ');
}

/** Every `kubectl rolling-update` run so far, running ones first, then the ones that ended. */
export function clientViews(cluster: ClusterReader): ClientView[] {
  const { running, ended } = cluster.clientProcesses;
  const commands = cluster.commands;
  const base = (rec: number, st: RollingUpdateState) => {
    const c = commands[rec];
    const controllers = [
      controllerView(cluster, st.oldName, 'old'),
      controllerView(cluster, st.newName, 'new'),
    ];
    return {
      id: rec,
      command: c ? `kubectl ${c.command.replace(/^kubectl\s+/, '')}` : 'kubectl rolling-update',
      startedAt: Math.round((c?.t ?? 0) * 1000),
      updatePeriod: goDuration(st.updatePeriodMs),
      pollInterval: goDuration(st.intervalMs),
      desired: st.desired,
      controllers,
    };
  };
  const views: ClientView[] = [];
  for (const p of running) {
    if (p.process.kind !== 'rolling-update') continue;
    const st = p.process.state;
    views.push({
      ...base(p.rec, st),
      status: 'running',
      exitCode: null,
      endedAt: null,
      ...planOf(cluster, st),
      wakeAt: p.wakeAt ?? null,
      left: null,
      outcome: null,
    });
  }
  for (const p of ended) {
    if (p.process.kind !== 'rolling-update') continue;
    const st = p.process.state;
    const b = base(p.rec, st);
    const succeeded = p.exitCode === 0;
    // After a rename the old name holds the new controller: list it once, as the new one.
    const renamed = succeeded && st.cleanupPolicy === 'Rename';
    if (renamed) b.controllers = [{ ...controllerView(cluster, st.oldName, 'new') }];
    const interrupted = p.exitCode === INTERRUPTED_EXIT_CODE;
    const status = interrupted ? 'interrupted' : p.exitCode === 0 ? 'succeeded' : 'failed';
    // A later run on the same controllers (the same command again, or --rollback) takes over.
    const resumed = running.some(
      (r) =>
        r.rec > p.rec &&
        r.process.kind === 'rolling-update' &&
        [r.process.state.oldName, r.process.state.newName].includes(st.oldName),
    );
    const unfinished = status !== 'succeeded';
    const fate = resumed ? 'a later kubectl rolling-update carries on' : 'nothing will finish this';
    views.push({
      ...b,
      status,
      exitCode: p.exitCode,
      endedAt: p.at,
      doing: '',
      next: null,
      before: '',
      wakeAt: null,
      sleeping: false,
      left: unfinished
        ? `${interrupted ? 'interrupted' : `failed (exit code ${p.exitCode})`}: ${sizes(b.controllers)} — ${fate}`
        : null,
      outcome: succeeded
        ? renamed
          ? `Update succeeded: deleted the old ${st.oldName}, renamed ${st.newName} to ${st.oldName}`
          : `Update succeeded: deleted ${st.oldName}; ${st.newName} runs the new version`
        : null,
    });
  }
  return views;
}
