/**
 * The recording's changes to a person's objects, as the scenario steps that make them: the
 * kubectl command where one clearly does (`scale`, `set image`, `rollout undo|pause|resume`,
 * `argo rollouts set image|promote|abort`, `delete`), else the object itself as an `apply:`
 * step. Changes that only a controller makes (status, a Deployment's revision annotation, the
 * Services and routes a Rollout switches) are not steps: the replay's controllers make them.
 */
import { kindFacts } from '../api/kinds';
import { parseDuration } from '../core/quantity';
import type { Rec } from '../scenario/specReader';
import { isRec } from '../scenario/specReader';
import type { ObservedChange, ObservedObject } from './observation';
import { cleanManifest, intentOf, keyOf, templateKey } from './recordedObjects';

export interface RecordedStep {
  /** Whole ms after the recording started. */
  at: number;
  kubectl?: string;
  apply?: Rec;
  caption: string;
}

const specOf = (o: Rec): Rec => (isRec(o.spec) ? o.spec : {});
const statusOf = (o: Rec): Rec => (isRec(o.status) ? o.status : {});

/** Name → image of each container in a manifest's pod template. */
function images(m: Rec): [string, string][] {
  const t = specOf(m).template;
  const pod = isRec(t) && isRec(t.spec) ? t.spec : {};
  const cs = Array.isArray(pod.containers) ? pod.containers : [];
  return cs.filter(isRec).map((c) => [String(c.name), String(c.image)]);
}

/** The manifest with the given fields of its spec (and its containers' images) blanked out. */
function without(m: Rec, fields: readonly string[], noImages: boolean): string {
  const spec: Rec = { ...specOf(m) };
  for (const f of fields) delete spec[f];
  if (noImages && isRec(spec.template)) {
    const t = spec.template;
    const pod = isRec(t.spec) ? t.spec : {};
    const cs = Array.isArray(pod.containers) ? pod.containers : [];
    spec.template = {
      ...t,
      spec: { ...pod, containers: cs.map((c) => (isRec(c) ? { ...c, image: '' } : c)) },
    };
  }
  return intentOf({ ...m, spec });
}

/** deployment.kubernetes.io/revision (pkg/controller/deployment/util: RevisionAnnotation). */
function revisionOf(o: ObservedObject): number | undefined {
  const a = o.metadata.annotations;
  const r = isRec(a) ? Number(a['deployment.kubernetes.io/revision']) : Number.NaN;
  return Number.isInteger(r) && r > 0 ? r : undefined;
}

/** The message of an abort the Rollout's analysis caused, if this one was. */
export function analysisAbort(ro: Rec): string | undefined {
  const message = statusOf(ro).message;
  return statusOf(ro).abort === true && typeof message === 'string' && /analysis/i.test(message)
    ? message
    : undefined;
}

const pauseCount = (o: Rec): number => {
  const p = statusOf(o).pauseConditions;
  return Array.isArray(p) ? p.length : 0;
};

/** How long the pause step a Rollout is at lasts (ms); undefined for an indefinite pause. */
function pauseLimit(ro: Rec): number | undefined {
  const strategy = isRec(specOf(ro).strategy) ? (specOf(ro).strategy as Rec) : {};
  if (isRec(strategy.blueGreen)) {
    const s = strategy.blueGreen.autoPromotionSeconds;
    return typeof s === 'number' ? s * 1000 : undefined;
  }
  const canary = isRec(strategy.canary) ? strategy.canary : {};
  const steps = Array.isArray(canary.steps) ? canary.steps : [];
  const idx = statusOf(ro).currentStepIndex;
  const step = typeof idx === 'number' ? steps[idx] : undefined;
  const pause = isRec(step) && isRec(step.pause) ? step.pause : undefined;
  return pause?.duration === undefined ? undefined : parseDuration(pause.duration);
}

/** A real cluster's clock and watch delay: a timed pause ends on its own within this. */
const PAUSE_SLACK_MS = 1000;

export class StepRecorder {
  readonly steps: RecordedStep[] = [];
  /** The person's objects as last applied (cleaned), by `Kind/name`. */
  private readonly manifests = new Map<string, Rec>();
  /** Every object as last served, by `Kind/name`. */
  private readonly served = new Map<string, ObservedObject>();
  /**
   * Per Deployment: its revision when the recording first saw it. The replay starts that
   * template as revision 1 and numbers the later ones in the same order, so an observed
   * revision r is r - first + 1 there; older ReplicaSets do not exist in the replay.
   */
  private readonly firstRevision = new Map<string, number>();
  /** When a Rollout's current pause began (ms). */
  private readonly pausedAt = new Map<string, number>();
  /** A promote's status patch came first: its spec patch (paused: false) is part of it. */
  private readonly promotedAt = new Map<string, number>();

  constructor(
    /** Whether an object is a person's (a manifest) rather than a controller's. */
    private readonly isPersons: (o: ObservedObject) => boolean,
    /** Objects a controller rewrites (Services and routes a Rollout switches). */
    private readonly managed: ReadonlySet<string>,
  ) {}

  /** The objects listed at the start. */
  start(initial: readonly ObservedObject[]): void {
    for (const o of initial) this.track(o, 0);
    for (const o of initial) if (this.isPersons(o)) this.remember(o);
  }

  observe(ch: ObservedChange): void {
    const o = ch.object;
    const key = keyOf(o);
    const at = Math.round(ch.atMs);
    const before = this.served.get(key);
    const pauseStart = this.pausedAt.get(key);
    if (ch.type === 'DELETED') this.served.delete(key);
    else this.track(o, at);
    if (!this.isPersons(o)) return;
    if (ch.type === 'DELETED') {
      if (!this.manifests.delete(key)) return;
      this.firstRevision.delete(key);
      const resource = kindFacts(o.kind)?.singular ?? o.kind.toLowerCase();
      return this.add(at, `delete ${resource} ${o.metadata.name}`, `${key} was deleted.`);
    }
    const prev = this.manifests.get(key);
    const next = cleanManifest(o);
    if (o.kind === 'Rollout' && before && this.rolloutAction(o, before, pauseStart, prev, next, at))
      return;
    if (prev && intentOf(prev) === intentOf(next)) return;
    // A route a Rollout manages: Argo sets its weights, and the replay's controller does too.
    // (A Service it manages differs only in the selector key cleanManifest drops.)
    if (prev && o.kind !== 'Service' && this.managed.has(key)) {
      this.manifests.set(key, next);
      return;
    }
    this.remember(o);
    if (!prev) return this.addApply(at, next, `${key} was created.`);
    this.changed(o, prev, next, at);
  }

  private track(o: ObservedObject, at: number): void {
    const key = keyOf(o);
    this.served.set(key, o);
    if (o.kind !== 'Rollout') return;
    if (pauseCount(o) === 0) this.pausedAt.delete(key);
    else if (!this.pausedAt.has(key)) this.pausedAt.set(key, at);
  }

  private remember(o: ObservedObject): void {
    const key = keyOf(o);
    const m = cleanManifest(o);
    this.manifests.set(key, m);
    if (o.kind === 'Deployment' && !this.firstRevision.has(key))
      this.firstRevision.set(key, revisionOf(o) ?? 1);
  }

  /** A person's change to a Deployment, Rollout or other object, as the step that makes it. */
  private changed(o: ObservedObject, prev: Rec, next: Rec, at: number): void {
    const key = keyOf(o);
    const name = o.metadata.name;
    const ps = specOf(prev);
    const ns = specOf(next);
    const scalable = kindFacts(o.kind)?.scalable === true;
    if (scalable && without(prev, ['replicas'], false) === without(next, ['replicas'], false)) {
      const r = typeof ns.replicas === 'number' ? ns.replicas : 1;
      return this.add(
        at,
        `scale ${o.kind.toLowerCase()}/${name} --replicas=${r}`,
        `${key} scaled to ${r}.`,
      );
    }
    const tk = templateKey(ns.template);
    const templateChanged = templateKey(ps.template) !== tk;
    const first = this.firstRevision.get(key);
    // kubectl refuses to undo a paused Deployment (rollback.go: "you cannot rollback a paused
    // deployment; resume it first"), so there the change was some other edit.
    if (o.kind === 'Deployment' && first !== undefined && templateChanged && ps.paused !== true) {
      const observed = this.retained(name, tk);
      const earlier =
        observed !== undefined && observed >= first ? observed - first + 1 : undefined;
      const sameOtherwise =
        without(prev, ['template'], false) === without(next, ['template'], false);
      if (earlier !== undefined && sameOtherwise)
        return this.add(
          at,
          `rollout undo deployment/${name} --to-revision=${earlier}`,
          `Deployment ${name} went back to the template of revision ${earlier}.`,
        );
    }
    if (
      templateChanged &&
      (o.kind === 'Deployment' || o.kind === 'Rollout') &&
      without(prev, [], true) === without(next, [], true)
    ) {
      const old = new Map(images(prev));
      const changed = images(next).filter(([c, img]) => old.get(c) !== img);
      const what = changed.map(([c, img]) => `${c}=${img}`);
      if (o.kind === 'Deployment')
        return this.add(
          at,
          `set image deployment/${name} ${what.join(' ')}`,
          `${key}: new image ${what.join(', ')}.`,
        );
      for (const w of what)
        this.add(at, `argo rollouts set image ${name} ${w}`, `${key}: new image ${w}.`);
      return;
    }
    if (
      o.kind === 'Deployment' &&
      without(prev, ['paused'], false) === without(next, ['paused'], false)
    ) {
      const verb = ns.paused === true ? 'pause' : 'resume';
      return this.add(
        at,
        `rollout ${verb} deployment/${name}`,
        `Deployment ${name}: rollout ${verb}d.`,
      );
    }
    this.addApply(at, next, `${key} was changed.`);
  }

  /** The revision of the Deployment's ReplicaSet with this template, if it still has one. */
  private retained(deployment: string, tk: string): number | undefined {
    for (const o of this.served.values()) {
      if (o.kind !== 'ReplicaSet') continue;
      const refs = o.metadata.ownerReferences;
      const owned =
        Array.isArray(refs) &&
        refs.some((r) => isRec(r) && r.kind === 'Deployment' && r.name === deployment);
      if (owned && templateKey(specOf(cleanManifest(o)).template) === tk) return revisionOf(o);
    }
    return undefined;
  }

  /**
   * Argo Rollouts' plugin writes status (promote clears the pause conditions, abort sets
   * `status.abort`: argo-rollouts pkg/kubectl-argo-rollouts/cmd/promote/promote.go, abort.go),
   * so these are a person's even though no spec changed. A timed pause that ends on time is the
   * controller's. Returns whether the change was taken as such a step.
   */
  private rolloutAction(
    o: ObservedObject,
    before: Rec,
    since: number | undefined,
    prev: Rec | undefined,
    next: Rec,
    at: number,
  ): boolean {
    const key = keyOf(o);
    const name = o.metadata.name;
    if (statusOf(o).abort === true && statusOf(before).abort !== true) {
      // An analysis that failed aborts the Rollout itself; the requests it measured are not
      // recorded, so the replay aborts at the same moment instead (recordingNotes says so).
      const byAnalysis = analysisAbort(o);
      this.add(
        at,
        `argo rollouts abort ${name}`,
        byAnalysis
          ? `Rollout ${name} was aborted by its analysis (${byAnalysis}); replayed as an abort.`
          : `Rollout ${name} was aborted.`,
      );
      this.manifests.set(key, next);
      return true;
    }
    const unpaused = specOf(prev ?? {}).paused === true && specOf(next).paused !== true;
    if (
      unpaused &&
      this.promotedAt.get(key) === at &&
      prev &&
      without(prev, ['paused'], false) === without(next, ['paused'], false)
    ) {
      this.manifests.set(key, next);
      return true;
    }
    if (pauseCount(before) > 0 && pauseCount(o) === 0) {
      const limit = pauseLimit(before);
      const onTime =
        limit !== undefined && since !== undefined && at - since >= limit - PAUSE_SLACK_MS;
      if (onTime) return false;
      this.promotedAt.set(key, at);
      this.add(at, `argo rollouts promote ${name}`, `Rollout ${name} was promoted.`);
      if (prev && intentOf(prev) !== intentOf(next) && !unpaused) return false;
      this.manifests.set(key, next);
      return true;
    }
    return false;
  }

  private add(at: number, kubectl: string, caption: string): void {
    this.steps.push({ at, kubectl, caption: `Recorded: ${caption}` });
  }

  private addApply(at: number, manifest: Rec, caption: string): void {
    this.steps.push({ at, apply: manifest, caption: `Recorded: ${caption}` });
  }
}
