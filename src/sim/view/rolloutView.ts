/**
 * What the Rollout panel shows of each Argo Rollout: the runner's RolloutSample (Status, Step,
 * SetWeight, ActualWeight as `kubectl argo rollouts get rollout` prints them) plus the step list,
 * the pause and its end, the abort, the current AnalysisRun, the blue/green services, the
 * ReplicaSets' tags and which plugin commands make sense now. Plain data, rebuilt per frame from
 * the Rollout's status (Argo keeps its whole state there) and the objects it owns.
 */
import type { AnalysisRun, CanaryStep, ReplicaSet, Rollout } from '../api/objects';
import type { ClusterReader } from '../engine/clusterReader';
import type { RolloutSample } from '../runner/runResult';
import { rolloutSample } from '../runner/rolloutSample';
import { fromTimestamp } from '../core/time';
import { metricRules, runWhy, type MetricRules } from './analysisView';
import { parseDuration } from '../core/quantity';
import {
  ROLLOUT_HASH_LABEL,
  SCALE_DOWN_DEADLINE_ANNOTATION,
  rsHash,
  rsRevision,
} from '../controllers/rollout/rolloutReplicaSets';
import { analysisIcon, rolloutPhase } from '../kubectl/argo/info';
import { canaryStepString } from '../controllers/rollout/phase';

export type RolloutStepKind =
  | 'setWeight'
  | 'pause'
  | 'experiment'
  | 'analysis'
  | 'setCanaryScale'
  | 'plugin'
  | 'setHeaderRoute'
  | 'setMirrorRoute'
  | 'invalid';

/** The plugin's ReplicaSet tags (pkg/kubectl-argo-rollouts/info/replicaset_info.go). */
export type RolloutTag = 'stable' | 'canary' | 'active' | 'preview';

export interface AnalysisMetricView {
  name: string;
  phase: string;
  /** The plugin's icon for the phase (✔ ✖ ◌ ◷ ⚠ ?). */
  icon: string;
  count: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  /** The latest measurement's value as Argo stores it ("[0.9834]"), null before one. */
  lastValue: string | null;
  message: string | null;
  /** Conditions, limits, every measurement against them, and why (analysisView.ts). */
  detail?: MetricRules;
}

export interface AnalysisRunView {
  name: string;
  phase: string;
  icon: string;
  message: string | null;
  /** Simulated ms. */
  startedAt: number | null;
  /** Totals over the metrics, as the plugin's tree shows them (✔ 2, ✖ 1). */
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  metrics: AnalysisMetricView[];
  /** Why the run is in its phase, in words (analysisView.ts). */
  why?: string;
}

export interface RolloutStepView {
  /** Position in spec.strategy.canary.steps (status.currentStepIndex counts the same way). */
  index: number;
  /** Argo's CanaryStepString: "setWeight: 20", "pause", "pause: 10s", "analysis" ... */
  text: string;
  kind: RolloutStepKind;
  state: 'done' | 'current' | 'pending';
  /** A pause step's duration (ms); null for an indefinite pause and other steps. */
  durationMs: number | null;
  /** An analysis step's run for the current template, once started. */
  run: AnalysisRunView | null;
}

export interface RolloutPauseView {
  /** The pause condition's reason (CanaryPauseStep, BlueGreenPause ...). */
  reason: string;
  /** Simulated ms. */
  startedAt: number;
  /** When the pause ends by itself (a timed pause step, blue/green auto-promotion); null: it waits for `promote`. */
  endsAt: number | null;
}

export interface BlueGreenView {
  activeService: string;
  previewService: string | null;
  /** The rollouts-pod-template-hash each Service selects now (status.blueGreen). */
  activeSelector: string | null;
  previewSelector: string | null;
  autoPromotionEnabled: boolean;
  autoPromotionSeconds: number | null;
  /** When the pause before the switch ends by auto-promotion (ms); null if it is not counting down. */
  autoPromoteAt: number | null;
  /** The pre-promotion AnalysisRun for the current template, once started. */
  prePromotion: AnalysisRunView | null;
}

export interface RolloutReplicaSetRef {
  name: string;
  revision: number;
  tags: RolloutTag[];
  /** The scale-down-deadline annotation (ms) of an old ReplicaSet kept up until then; null once it has no pods. */
  scaleDownAt: number | null;
}

export interface RolloutView extends RolloutSample {
  /** The plugin's status icon: ✔ Healthy, ◌ Progressing, ॥ Paused, ✖ Degraded. */
  icon: string;
  /** The pod template's containers (what `argo rollouts set image` addresses). */
  containers: { name: string; image: string }[];
  /** The canary steps; empty for blue/green. */
  stepList: RolloutStepView[];
  /** The first pause condition, null when none. */
  pause: RolloutPauseView | null;
  /** spec.paused (`argo rollouts pause`). */
  pausedBySpec: boolean;
  aborted: boolean;
  /** The RolloutAborted condition's message ("Rollout aborted update to revision 2: ..."). */
  abortMessage: string | null;
  /** The AnalysisRun in progress or last reported (canary step or blue/green pre-promotion). */
  analysis: AnalysisRunView | null;
  blueGreen: BlueGreenView | null;
  activeReplicaSet: string | null;
  previewReplicaSet: string | null;
  /** The Rollout's ReplicaSets, newest revision first, with their tags. */
  replicaSets: RolloutReplicaSetRef[];
  /** Which plugin commands make sense now (the panel's buttons). */
  actions: { promote: boolean; promoteFull: boolean; abort: boolean; retry: boolean };
}

/** Every Rollout in the cluster, in store order. */
export function rolloutViews(cluster: ClusterReader): RolloutView[] {
  const rollouts = cluster.list<Rollout>('Rollout');
  if (!rollouts.length) return [];
  const replicaSets = cluster.list<ReplicaSet>('ReplicaSet');
  const runs = cluster.list<AnalysisRun>('AnalysisRun');
  return rollouts.map((ro) => rolloutView(ro, replicaSets, runs));
}

export function rolloutView(
  ro: Rollout,
  replicaSets: readonly ReplicaSet[],
  runs: readonly AnalysisRun[],
): RolloutView {
  const sample = rolloutSample(ro, replicaSets);
  const st = ro.status ?? {};
  const uid = ro.metadata?.uid;
  const owned = replicaSets.filter((rs) =>
    rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid),
  );
  const ownRuns = runs.filter((r) => r.metadata?.ownerReferences?.some((o) => o.uid === uid));
  const canary = ro.spec.strategy?.canary;
  const bg = ro.spec.strategy?.blueGreen;
  const fullyPromoted = !!st.stableRS && st.stableRS === st.currentPodHash;
  const aborted = !!st.abort;
  // GetRolloutPhase: what the plugin prints, which knows a promote the controller has not seen.
  const phase = rolloutPhase(ro);
  const status = phase.phase as RolloutSample['status'];

  const runFor = (match: (r: AnalysisRun) => boolean) => {
    const r = ownRuns.filter(match).at(-1);
    return r ? analysisRunView(r) : null;
  };
  const hashOf = (r: AnalysisRun) => r.metadata?.labels?.[ROLLOUT_HASH_LABEL];
  const typeOf = (r: AnalysisRun) => r.metadata?.labels?.['rollout-type'];

  const steps = canary?.steps ?? [];
  const current = st.currentStepIndex ?? 0;
  const stepList: RolloutStepView[] = steps.map((step, index) => {
    const kind = stepKind(step);
    return {
      index,
      text: canaryStepString(step),
      kind,
      state: fullyPromoted || index < current ? 'done' : index === current ? 'current' : 'pending',
      durationMs: kind === 'pause' ? (parseDuration(step.pause?.duration) ?? null) : null,
      run:
        kind === 'analysis'
          ? runFor(
              (r) =>
                typeOf(r) === 'Step' &&
                r.metadata?.labels?.['step-index'] === String(index) &&
                hashOf(r) === st.currentPodHash,
            )
          : null,
    };
  });

  const cond = st.pauseConditions?.[0];
  let pause: RolloutPauseView | null = null;
  if (cond) {
    const startedAt = fromTimestamp(cond.startTime) ?? 0;
    let endsAt: number | null = null;
    if (cond.reason === 'CanaryPauseStep') {
      const d = stepList[current]?.durationMs ?? null;
      if (d !== null) endsAt = startedAt + d;
    } else if (cond.reason === 'BlueGreenPause' && bg) {
      const secs = bg.autoPromotionSeconds ?? 0;
      if (bg.autoPromotionEnabled !== false && secs > 0) endsAt = startedAt + secs * 1000;
    }
    pause = { reason: cond.reason, startedAt, endsAt };
  }

  const abortCond = (st.conditions ?? []).find((c) => c.reason === 'RolloutAborted');
  const analysisStatus = bg
    ? st.blueGreen?.prePromotionAnalysisRunStatus
    : st.canary?.currentStepAnalysisRunStatus;
  let analysis: AnalysisRunView | null = null;
  if (analysisStatus?.name) {
    analysis = runFor((r) => r.metadata?.name === analysisStatus.name) ?? {
      ...emptyRun(analysisStatus.name, analysisStatus.status),
      message: analysisStatus.message ?? null,
    };
  } else if (!bg) analysis = stepList[current]?.run ?? null;

  const prePromotion = bg
    ? runFor((r) => typeOf(r) === 'PrePromotion' && hashOf(r) === st.currentPodHash)
    : null;
  const blueGreen: BlueGreenView | null = bg
    ? {
        activeService: bg.activeService,
        previewService: bg.previewService ?? null,
        activeSelector: st.blueGreen?.activeSelector ?? null,
        previewSelector: st.blueGreen?.previewSelector ?? null,
        autoPromotionEnabled: bg.autoPromotionEnabled !== false,
        autoPromotionSeconds: bg.autoPromotionSeconds ?? null,
        autoPromoteAt: pause?.reason === 'BlueGreenPause' ? pause.endsAt : null,
        prePromotion,
      }
    : null;
  if (bg && !analysis) analysis = prePromotion;

  const refs: RolloutReplicaSetRef[] = owned
    .map((rs) => ({
      name: rs.metadata?.name ?? '',
      revision: rsRevision(rs),
      tags: tagsOf(rs, ro),
      // Only while it still has pods: the annotation outlives the scale-down.
      scaleDownAt:
        (rs.spec?.replicas ?? 0) > 0
          ? (fromTimestamp(rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION]) ?? null)
          : null,
    }))
    .sort((a, b) => b.revision - a.revision || (a.name < b.name ? -1 : 1));
  const named = (tag: RolloutTag) => refs.find((r) => r.tags.includes(tag))?.name ?? null;

  const paused = !!cond || !!ro.spec.paused;
  const updating = !fullyPromoted && !!st.currentPodHash;
  return {
    ...sample,
    status,
    message: phase.message || null,
    icon: rolloutIconFor(status),
    containers: (ro.spec.template?.spec?.containers ?? []).map((c) => ({
      name: c.name,
      image: c.image ?? '',
    })),
    stepList,
    pause,
    pausedBySpec: !!ro.spec.paused,
    aborted,
    abortMessage: aborted ? (abortCond?.message ?? null) : null,
    analysis,
    blueGreen,
    activeReplicaSet: named('active'),
    previewReplicaSet: named('preview'),
    replicaSets: refs,
    actions: {
      // The plugin's promote clears a pause (a canary pause step, a blue/green pause before
      // the switch, spec.paused); --full skips whatever is left of an update.
      promote: !aborted && paused,
      promoteFull: !aborted && updating,
      abort: !aborted && updating && (status === 'Progressing' || status === 'Paused'),
      retry: aborted,
    },
  };
}

/** rollout_info.go rolloutIcon for the four phases the controller reports. */
function rolloutIconFor(status: string): string {
  switch (status) {
    case 'Healthy':
      return '✔';
    case 'Progressing':
      return '◌';
    case 'Paused':
      return '॥';
    case 'Degraded':
      return '✖';
  }
  return ' ';
}

/** replicaset_info.go: stable/canary for a canary, stable/active/preview for blue/green. */
function tagsOf(rs: ReplicaSet, ro: Rollout): RolloutTag[] {
  const hash = rsHash(rs) ?? '';
  const st = ro.status ?? {};
  const tags: RolloutTag[] = [];
  if (ro.spec.strategy?.canary) {
    if ((st.stableRS ?? '') === hash) tags.push('stable');
    else if ((st.currentPodHash ?? '') === hash) tags.push('canary');
  }
  if (ro.spec.strategy?.blueGreen) {
    if ((st.stableRS ?? '') === hash) tags.push('stable');
    if ((st.blueGreen?.activeSelector ?? '') === hash) tags.push('active');
    else if ((st.blueGreen?.previewSelector ?? '') === hash) tags.push('preview');
  }
  return tags;
}

function stepKind(step: CanaryStep): RolloutStepKind {
  if (step.setWeight !== undefined) return 'setWeight';
  if (step.pause) return 'pause';
  if (step.experiment) return 'experiment';
  if (step.analysis) return 'analysis';
  if (step.setCanaryScale) return 'setCanaryScale';
  if ((step as { plugin?: unknown }).plugin) return 'plugin';
  if (step.setHeaderRoute) return 'setHeaderRoute';
  if (step.setMirrorRoute) return 'setMirrorRoute';
  return 'invalid';
}

type MetricResult = NonNullable<NonNullable<AnalysisRun['status']>['metricResults']>[number];

function emptyRun(name: string, phase: string): AnalysisRunView {
  return {
    name,
    phase,
    icon: analysisIcon(phase),
    message: null,
    startedAt: null,
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    metrics: [],
  };
}

function analysisRunView(run: AnalysisRun): AnalysisRunView {
  const phase = run.status?.phase ?? 'Pending';
  const metrics = (run.status?.metricResults ?? []).map((m: MetricResult) => {
    const last = m.measurements?.at(-1);
    return {
      name: m.name,
      phase: m.phase,
      icon: analysisIcon(m.phase),
      count: m.count ?? 0,
      successful: m.successful ?? 0,
      failed: m.failed ?? 0,
      inconclusive: m.inconclusive ?? 0,
      error: m.error ?? 0,
      lastValue: last?.value ?? null,
      message: m.message ?? null,
      detail: metricRules(
        run.spec.metrics.find((x) => x.name === m.name),
        m,
      ),
    } satisfies AnalysisMetricView;
  });
  const sum = (f: (m: AnalysisMetricView) => number) => metrics.reduce((n, m) => n + f(m), 0);
  return {
    name: run.metadata?.name ?? '',
    phase,
    icon: analysisIcon(phase),
    message: run.status?.message ?? null,
    startedAt: fromTimestamp(run.status?.startedAt) ?? null,
    successful: sum((m) => m.successful),
    failed: sum((m) => m.failed),
    inconclusive: sum((m) => m.inconclusive),
    error: sum((m) => m.error),
    metrics,
    why: runWhy(
      run,
      metrics.map((m) => ({ name: m.name, phase: m.phase, why: m.detail.why })),
    ),
  };
}
