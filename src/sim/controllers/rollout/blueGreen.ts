/**
 * One sync of a blue/green Rollout (argo-rollouts rollout/bluegreen.go): the new ReplicaSet
 * comes up behind the preview Service while the active Service keeps the old one; after an
 * optional pre-promotion analysis and a pause (until `promote`, or autoPromotionSeconds), the
 * active Service's selector switches, and the old ReplicaSet is scaled down
 * scaleDownDelaySeconds later.
 */
import type { AnalysisRun, ReplicaSet, Service } from '../../api/objects';
import { fromTimestamp, toTimestamp } from '../../core/time';
import {
  DEFAULT_ABORT_SCALE_DOWN_DELAY_S,
  DEFAULT_SCALE_DOWN_DELAY_S,
  ROLLOUT_HASH_LABEL,
  recordRollout,
  SCALE_DOWN_DEADLINE_ANNOTATION,
  availableOf,
  rolloutReplicas,
  rsHash,
  scaleRS,
  setScaleDownDeadline,
  specOf,
} from './rolloutReplicaSets';
import {
  abort,
  addPause,
  ownedRuns,
  promoteStable,
  removePause,
  terminateRunsExcept,
  type RolloutSync,
} from './rolloutSync';
import { createAnalysisRun } from './analysis';
import { switchSelector } from './trafficRouting';

function strategy(s: RolloutSync) {
  return s.ro.spec.strategy?.blueGreen ?? { activeService: '' };
}

function selectorHash(s: RolloutSync, service: string | undefined): string {
  if (!service) return '';
  return s.ctx.store.get<Service>('Service', service)?.spec?.selector?.[ROLLOUT_HASH_LABEL] ?? '';
}

export function syncBlueGreen(s: RolloutSync): void {
  const { st } = s;
  const bg = strategy(s);
  const hash = rsHash(s.newRS) ?? '';
  if (bg.previewService) switchSelector(s.ctx, s.ro, bg.previewService, hash);
  if (st.currentPodHash !== hash) {
    st.currentPodHash = hash;
    st.pauseConditions = [];
    st.controllerPause = false;
    st.abort = false;
    delete st.abortedAt;
    st.promoteFull = false;
    st.blueGreen = { ...st.blueGreen, scaleUpPreviewCheckPoint: false };
    delete st.blueGreen.prePromotionAnalysisRunStatus;
    terminateRunsExcept(s, null);
    s.requeue(1);
    syncSelectors(s);
    return;
  }
  const activeHash = selectorHash(s, bg.activeService);
  const fastTracked = !!st.promoteFull || !activeHash || activeHash === hash;
  reconcileReplicaSets(s, activeHash);
  const run = reconcilePrePromotionAnalysis(s, fastTracked);
  reconcilePause(s, fastTracked, run);
  reconcileActiveService(s, activeHash, fastTracked, run);
  syncSelectors(s);
  finishStatus(s);
}

function syncSelectors(s: RolloutSync): void {
  const bg = strategy(s);
  const active = selectorHash(s, bg.activeService);
  const preview = selectorHash(s, bg.previewService);
  s.st.blueGreen = {
    ...s.st.blueGreen,
    ...(active ? { activeSelector: active } : {}),
    ...(preview ? { previewSelector: preview } : {}),
  };
}

/** How many pods the new ReplicaSet runs now (previewReplicaCount until promoted). */
function newRSCount(s: RolloutSync, activeHash: string): number {
  const bg = strategy(s);
  const R = rolloutReplicas(s.ro);
  const hash = rsHash(s.newRS);
  if (
    bg.previewReplicaCount !== undefined &&
    activeHash &&
    activeHash !== hash &&
    !s.st.promoteFull &&
    !s.st.blueGreen?.scaleUpPreviewCheckPoint
  )
    return bg.previewReplicaCount;
  return R;
}

function reconcileReplicaSets(s: RolloutSync, activeHash: string): void {
  const bg = strategy(s);
  const R = rolloutReplicas(s.ro);
  const newRS = s.live(s.newRS);
  const stable = s.live(s.stableRS);
  if (!newRS) return;
  for (const rs of [newRS, stable]) if (rs) setScaleDownDeadline(s.ctx, rs, null);
  if (stable && rsHash(stable) !== rsHash(newRS)) scaleRS(s.ctx, s.ro, stable, R);
  let want = newRSCount(s, activeHash);
  if (s.st.abort && activeHash !== rsHash(newRS)) {
    // abortScaleDownDelaySeconds: the preview stack stays a while after an abort, then goes.
    const delay = (bg.abortScaleDownDelaySeconds ?? DEFAULT_ABORT_SCALE_DOWN_DELAY_S) * 1000;
    const since = fromTimestamp(s.st.abortedAt) ?? s.ctx.now();
    if (s.ctx.now() >= since + delay) want = 0;
    else {
      want = specOf(newRS);
      s.requeue(since + delay - s.ctx.now());
    }
  }
  scaleRS(s.ctx, s.ro, newRS, want);
  for (const old of s.others) {
    const rs = s.live(old);
    if (!rs || specOf(rs) === 0 || rsHash(rs) === activeHash) continue;
    const deadline = fromTimestamp(rs.metadata?.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION]);
    if (deadline !== undefined && s.ctx.now() < deadline) {
      s.requeue(deadline - s.ctx.now());
      continue;
    }
    scaleRS(s.ctx, s.ro, rs, 0);
  }
}

/** ReadyForPause: the new ReplicaSet runs, fully available, at the size it should have now. */
function newRSReady(s: RolloutSync): boolean {
  const newRS = s.live(s.newRS);
  if (!newRS) return false;
  const want = newRSCount(s, selectorHash(s, strategy(s).activeService));
  return specOf(newRS) === want && availableOf(newRS) >= want;
}

function reconcilePrePromotionAnalysis(
  s: RolloutSync,
  fastTracked: boolean,
): AnalysisRun | undefined {
  const { st } = s;
  const pre = strategy(s).prePromotionAnalysis;
  if (!pre || fastTracked || st.abort) {
    if (!st.abort) terminateRunsExcept(s, null);
    return undefined;
  }
  if (!newRSReady(s)) return undefined;
  const current = ownedRuns(s).find(
    (r) =>
      r.metadata?.labels?.['rollout-type'] === 'PrePromotion' &&
      r.metadata.labels[ROLLOUT_HASH_LABEL] === st.currentPodHash,
  );
  const run =
    current ??
    createAnalysisRun(s.ctx, s.ro, {
      templates: pre.templates ?? [],
      infix: 'pre',
      type: 'PrePromotion',
      hash: st.currentPodHash ?? '',
      revision: s.revision,
    }) ??
    undefined;
  if (!run) return undefined;
  const phase = run.status?.phase ?? 'Running';
  const prev = st.blueGreen?.prePromotionAnalysisRunStatus;
  if (!prev || prev.status !== phase)
    recordRollout(
      s.ctx,
      s.ro,
      phase === 'Failed' || phase === 'Error' ? 'Warning' : 'Normal',
      `AnalysisRun${phase}`,
      `PrePromotion Analysis Run '${run.metadata?.name ?? ''}' Status New: '${phase}' Previous: '${prev?.status ?? 'NoPreviousStatus'}'`,
    );
  st.blueGreen = {
    ...st.blueGreen,
    prePromotionAnalysisRunStatus: {
      name: run.metadata?.name ?? '',
      status: phase,
      ...(run.status?.message ? { message: run.status.message } : {}),
    },
  };
  if (phase === 'Failed' || phase === 'Error')
    abort(
      s,
      `Pre-Promotion Analysis phase error/failed${run.status?.message ? `: ${run.status.message}` : ''}`,
    );
  return run;
}

/** reconcileBlueGreenPause */
function reconcilePause(s: RolloutSync, fastTracked: boolean, run: AnalysisRun | undefined): void {
  const { st } = s;
  const bg = strategy(s);
  if (st.abort || !newRSReady(s) || s.ro.spec.paused) return;
  const needsPause = bg.autoPromotionEnabled === false || (bg.autoPromotionSeconds ?? 0) > 0;
  if (fastTracked || st.blueGreen?.scaleUpPreviewCheckPoint || !needsPause) {
    removePause(s, 'BlueGreenPause');
    return;
  }
  if (bg.prePromotionAnalysis && run?.status?.phase !== 'Successful') return;
  const cond = (st.pauseConditions ?? []).find((p) => p.reason === 'BlueGreenPause');
  if (cond) {
    const secs = bg.autoPromotionSeconds ?? 0;
    if (bg.autoPromotionEnabled === false || secs <= 0) return;
    const end = (fromTimestamp(cond.startTime) ?? 0) + secs * 1000;
    if (s.ctx.now() < end) s.requeue(end - s.ctx.now());
    else {
      st.pauseConditions = (st.pauseConditions ?? []).filter((p) => p !== cond);
      recordRollout(s.ctx, s.ro, 'Normal', 'RolloutResumed', 'Rollout is resumed');
    }
    return;
  }
  if (!st.controllerPause) addPause(s, 'BlueGreenPause');
}

/** reconcileActiveService: the cut-over, once nothing holds it back. */
function reconcileActiveService(
  s: RolloutSync,
  activeHash: string,
  fastTracked: boolean,
  run: AnalysisRun | undefined,
): void {
  const { st } = s;
  const bg = strategy(s);
  const hash = rsHash(s.newRS) ?? '';
  if (activeHash === hash || st.abort) return;
  const paused = (st.pauseConditions ?? []).length > 0 || !!s.ro.spec.paused;
  const preDone = !bg.prePromotionAnalysis || fastTracked || run?.status?.phase === 'Successful';
  if (!fastTracked && (paused || !preDone)) return;
  if (
    bg.previewReplicaCount !== undefined &&
    !st.blueGreen?.scaleUpPreviewCheckPoint &&
    activeHash
  ) {
    // Promoted with a reduced preview stack: scale it up to full size first.
    st.blueGreen = { ...st.blueGreen, scaleUpPreviewCheckPoint: true };
    scaleRS(s.ctx, s.ro, s.live(s.newRS) as ReplicaSet, rolloutReplicas(s.ro));
    s.requeue(1);
    return;
  }
  const newRS = s.live(s.newRS);
  if (!newRS || availableOf(newRS) < rolloutReplicas(s.ro)) return;
  switchSelector(s.ctx, s.ro, bg.activeService, hash);
  const previous = s.all.find((rs) => rsHash(rs) === activeHash);
  if (previous) {
    const delay = (bg.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_S) * 1000;
    setScaleDownDeadline(s.ctx, previous, toTimestamp(s.ctx.now() + delay));
    s.requeue(delay);
  }
}

/** shouldFullPromote for blue/green. */
function finishStatus(s: RolloutSync): void {
  const { st } = s;
  const active = st.blueGreen?.activeSelector ?? '';
  if (!s.stableRS && !st.stableRS) {
    promoteStable(s, 'Initial deploy');
    return;
  }
  if (!active || active !== st.currentPodHash || st.abort) return;
  if (st.stableRS !== st.currentPodHash) promoteStable(s, 'Completed blue-green update');
}
