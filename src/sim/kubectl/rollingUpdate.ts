/**
 * `kubectl rolling-update`: the client-side rolling update of a ReplicationController that
 * kubectl ran until 1.17 (removed in 1.18), ported from kubernetes/kubernetes
 * staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go (Run) and
 * rolling_updater.go (Update, scaleUp, scaleDown, readyPods, cleanupWithClients, Rename,
 * CreateNewControllerFromCurrentController, UpdateExistingReplicationController,
 * AbortRollingUpdate) with staging/src/k8s.io/kubectl/pkg/scale/scale.go (Scale,
 * WaitForScaleHasDesiredReplicas) and apimachinery wait.Poll/PollImmediate.
 *
 * The loop lives in kubectl, not in the cluster: kubectl scales the new controller up, waits
 * until its status counts the pods, sleeps --update-period, scales the old one down as far as
 * the new pods' availability allows, waits again, and repeats. `startRollingUpdate` runs Run up
 * to the first wait; the engine then wakes `stepRollingUpdate` whenever kubectl would have
 * woken (a poll tick, the end of a sleep). Nothing in the cluster resumes the update if the
 * client stops: after Ctrl-C both controllers keep the sizes they had.
 */
import { md5Hex } from '../core/md5';
import { stringify } from 'yaml';
import type { KubeObject, Pod, ReplicationController } from '../api/objects';
import type { Ctx } from '../controllers/context';
import type { KubectlCommand } from './parse/command';
import type { KubectlHost, KubectlResult } from './host';
import type { RollingUpdateState } from './rollingUpdateState';
import { applyDefaults } from '../api/defaults';
import { matchesMap } from '../api/labels';
import { controllerRef } from '../api/podIndex';
import { isAvailable, isDeleting } from '../api/podState';
import { kubectlInvalid } from '../api/resourceRef';
import { clone } from '../core/clone';
import { deletePod } from '../controllers/podDeletion';
import { validateObject } from '../scenario/validate';

type RollingUpdateCommand = Extract<KubectlCommand, { verb: 'rolling-update' }>;
type RC = ReplicationController;

// rolling_updater.go: the annotations kubectl keeps its progress in.
const PREFIX = 'kubectl.kubernetes.io/';
const SOURCE_ID = `${PREFIX}update-source-id`;
const DESIRED_REPLICAS = `${PREFIX}desired-replicas`;
const ORIGINAL_REPLICAS = `${PREFIX}original-replicas`;
const NEXT_CONTROLLER = `${PREFIX}next-controller-id`;

/**
 * rollingupdate.go builds RollingUpdaterConfig with `Timeout: timeout`, the package constant,
 * so from kubectl 1.11 (the RollingUpdateOptions refactor) to 1.17 --timeout was parsed and
 * then ignored: every wait and the progress deadline use 5m0s.
 */
const UPDATER_TIMEOUT_MS = 300_000;
/** Rename: wait.Poll(5*time.Second, 60*time.Second, …) for the old name to be gone. */
const RENAME_POLL_MS = 5_000;
const RENAME_TIMEOUT_MS = 60_000;
/**
 * The shortest wait the simulated client takes: an API round trip or two. Go's ticker panics
 * on a non-positive --poll-interval and a zero --update-period spins on API calls; neither can
 * be allowed to freeze simulated time.
 */
const MIN_WAIT_MS = 10;
/** The formats cli-runtime PrintFlags accepted in kubectl 1.17, as it lists them. */
const PRINT_FORMATS_1_17 = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
];

export interface RollingUpdateStep {
  output: string;
  exitCode: number | null;
  nextInMs: number;
  state: RollingUpdateState;
}

type Outcome = { exit: number } | { wakeInMs: number };

/** Output collected during one activation, with CheckErr's rendering of a failure. */
class Out {
  text = '';
  print(s: string): void {
    this.text += s;
  }
  /** cmdutil.CheckErr: API status errors as they are, anything else with `error: `. */
  fail(message: string): { exit: number } {
    const msg =
      message.startsWith('Error from server') ||
      message.startsWith('error: ') ||
      message.startsWith('The ReplicationController')
        ? message
        : `error: ${message}`;
    this.text += msg.endsWith('\n') ? msg : `${msg}\n`;
    return { exit: 1 };
  }
}

const notFound = (name: string) =>
  `Error from server (NotFound): replicationcontrollers "${name}" not found`;

const replicasOf = (rc: RC | undefined): number => rc?.spec?.replicas ?? 0;
const nameOf = (o: KubeObject | undefined): string => o?.metadata?.name ?? '';

function getRc(ctx: Ctx, name: string): RC | undefined {
  return name ? ctx.store.get<RC>('ReplicationController', name) : undefined;
}

/** Writes a changed copy of the stored controller (an Update through the API). */
function updateRc(ctx: Ctx, name: string, change: (rc: RC) => void): RC | undefined {
  const stored = getRc(ctx, name);
  if (!stored) return undefined;
  const next = clone(stored);
  change(next);
  return ctx.store.update(next);
}

/** Go's %s of a map[string]string: `map[a:1 b:2]`, keys sorted. */
function goMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return `map[${keys.map((k) => `${k}:${m?.[k] ?? ''}`).join(' ')}]`;
}

/** util.HashObject: the simulator's JSON of the object stands in for Go's encoding of it. */
const hashObject = (o: KubeObject): string => md5Hex(JSON.stringify(o));

// ---- API-side helpers ----

/** What the API server keeps of an object sent to Create (uid, status, versions are its own). */
function forCreate(rc: RC, name: string): RC {
  const meta = rc.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {
      name,
      ...(meta.labels ? { labels: clone(meta.labels) } : {}),
      ...(meta.annotations ? { annotations: clone(meta.annotations) } : {}),
      ...(meta.ownerReferences ? { ownerReferences: clone(meta.ownerReferences) } : {}),
    },
    ...(rc.spec ? { spec: clone(rc.spec) } : {}),
  };
}

/** Create through the API server: defaulting, validation, AlreadyExists. */
function createRc(ctx: Ctx, rc: RC): string | null {
  const name = nameOf(rc);
  const obj = applyDefaults(rc);
  const errors = validateObject(obj);
  if (errors.length) return kubectlInvalid('ReplicationController', name, errors);
  if (getRc(ctx, name))
    return `Error from server (AlreadyExists): replicationcontrollers "${name}" already exists`;
  ctx.store.create(obj);
  return null;
}

/** Pods whose labels a controller's selector matches (a List with its label selector). */
function podsSelectedBy(ctx: Ctx, selector: Record<string, string> | undefined): Pod[] {
  return ctx.store.list<Pod>('Pod').filter((p) => matchesMap(selector, p.metadata?.labels));
}

/**
 * Delete with propagationPolicy Orphan: the garbage collector strips the controller's
 * ownerReferences from its pods before the controller goes, so the pods keep running.
 */
function deleteOrphaning(ctx: Ctx, rc: RC): void {
  const uid = rc.metadata?.uid;
  for (const pod of ctx.pods.owned(uid)) {
    const refs = (pod.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid);
    const metadata = { ...pod.metadata };
    if (refs.length) metadata.ownerReferences = refs;
    else delete metadata.ownerReferences;
    ctx.store.update({ ...pod, metadata });
  }
  ctx.store.delete('ReplicationController', nameOf(rc));
}

/**
 * The replication manager claims orphans its selector matches (ClaimPods, skipping pods being
 * deleted) as soon as it sees a new controller; the simulated controller does not adopt, so the
 * hand-over happens here, in the instant the controller is created.
 */
function adoptOrphans(ctx: Ctx, name: string): void {
  const rc = getRc(ctx, name);
  if (!rc) return;
  for (const pod of podsSelectedBy(ctx, rc.spec?.selector)) {
    if (controllerRef(pod) || isDeleting(pod)) continue;
    const ref = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      name,
      uid: rc.metadata?.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
    ctx.store.update({
      ...pod,
      metadata: {
        ...pod.metadata,
        ownerReferences: [...(pod.metadata?.ownerReferences ?? []), ref],
      },
    });
  }
}

/** Run's printer: `-o name` short, the default name printer with the operation, yaml or json. */
function printRc(rc: RC, operation: string, output: string): { text: string } | { error: string } {
  const name = output.split('=')[0] ?? '';
  if (output === '') return { text: `replicationcontroller/${nameOf(rc)} ${operation}\n` };
  if (name === 'name') return { text: `replicationcontroller/${nameOf(rc)}\n` };
  if (name === 'yaml') return { text: stringify(rc) };
  if (name === 'json') return { text: `${JSON.stringify(rc, null, 4)}\n` };
  if (PRINT_FORMATS_1_17.includes(name))
    return {
      error: `-o ${name} is not supported by this simulator (use -o yaml, -o json or -o name)`,
    };
  return {
    error: `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${PRINT_FORMATS_1_17.join(',')}`,
  };
}

// ---- Run: everything up to the first wait ----

/** `kubectl rolling-update …` (rollingupdate.go Run): the first output and the process, if any. */
export function startRollingUpdate(host: KubectlHost, cmd: RollingUpdateCommand): KubectlResult {
  const out = new Out();
  const r = run(host, cmd, out);
  if ('exit' in r) return { output: out.text, exitCode: r.exit };
  return {
    output: out.text,
    exitCode: 0,
    process: { kind: 'rolling-update', state: r.state },
    nextInMs: r.wakeInMs,
  };
}

function run(
  host: KubectlHost,
  cmd: RollingUpdateCommand,
  out: Out,
): { exit: number } | { wakeInMs: number; state: RollingUpdateState } {
  const ctx = host.ctx;
  const keepOldName = cmd.newName === undefined;
  const filename = cmd.filename ?? '';
  const findNewName = (old: RC): string =>
    cmd.newName ?? old.metadata?.annotations?.[NEXT_CONTROLLER] ?? '';
  const base = {
    updatePeriodMs: Math.max(cmd.updatePeriodMs, MIN_WAIT_MS),
    intervalMs: Math.max(cmd.pollIntervalMs, MIN_WAIT_MS),
    timeoutMs: UPDATER_TIMEOUT_MS,
  };

  let oldRc = getRc(ctx, cmd.oldName);
  if (!oldRc) {
    if (cmd.image === '' || !keepOldName) return out.fail(notFound(cmd.oldName));
    // "We're in the middle of a rename": FindSourceController, then Rename (no output).
    const source = ctx.store
      .list<RC>('ReplicationController')
      .find((rc) => rc.metadata?.annotations?.[SOURCE_ID]?.startsWith(cmd.oldName));
    if (!source)
      return out.fail(
        `couldn't find a replication controller with source id == ${cmd.namespace}/${cmd.oldName}`,
      );
    const state = initialState(base, {
      oldName: cmd.oldName,
      newName: nameOf(source),
      cleanupPolicy: 'Rename',
      final: null,
    });
    return { state, wakeInMs: beginRename(ctx, state, source, cmd.oldName) };
  }

  let newRc: RC | undefined;
  let replicasDefaulted = false;
  if (filename !== '') {
    const stem = filename.replace(/\.(ya?ml|json)$/, '');
    const found = host.scenario.manifests.filter(
      (m) => m.metadata?.name === stem || filename === '-',
    );
    if (!found.length) return out.fail(`the path "${filename}" does not exist`);
    if (found.length > 1) return out.fail(`${filename} specifies multiple items`);
    const m = found[0] as KubeObject;
    if (m.kind !== 'ReplicationController') {
      const [group, version] = (m.apiVersion ?? '').includes('/')
        ? (m.apiVersion ?? '').split('/')
        : ['', m.apiVersion ?? ''];
      return out.fail(
        `${filename} contains a ${group}/${version}, Kind=${m.kind} not a ReplicationController`,
      );
    }
    replicasDefaulted = (m as RC).spec?.replicas === undefined || (m as RC).spec?.replicas === null;
    newRc = applyDefaults(clone(m as RC));
  }

  if (cmd.image !== '') {
    const newName = findNewName(oldRc);
    newRc = getRc(ctx, newName);
    if (newRc) {
      const inProgress = newRc.spec?.template?.spec?.containers[0]?.image ?? '';
      if (inProgress !== cmd.image)
        return out.fail(
          `Found existing in-progress update to image (${inProgress}).\nEither continue in-progress update with --image=${inProgress} or rollback with --rollback`,
        );
      out.print(`Found existing update in progress (${nameOf(newRc)}), resuming.\n`);
    } else {
      let pullPolicy = '';
      if (oldRc.spec?.template?.spec?.containers[0]?.image === cmd.image) {
        if (cmd.imagePullPolicy === '')
          return out.fail(
            '--image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image',
          );
        pullPolicy = cmd.imagePullPolicy;
      }
      const created = newControllerFromCurrent(ctx, cmd, newName, pullPolicy);
      if ('error' in created) return out.fail(created.error);
      newRc = created.rc;
    }
    // "If new image is same as old, the hash may not be distinct, so add a suffix."
    const oldHash = `${hashObject(oldRc)}-orig`;
    oldRc = updateExisting(ctx, oldRc, nameOf(newRc), cmd.deploymentKey, oldHash);
  }

  if (cmd.rollback) {
    const newName = findNewName(oldRc);
    newRc = getRc(ctx, newName);
    if (!newRc) return out.fail(`Could not find ${newName} to rollback.\n`);
  }
  if (!newRc) return out.fail('no new controller');

  if (cmd.oldName === nameOf(newRc))
    return out.fail(
      `${filename} cannot have the same name as the existing ReplicationController ${cmd.oldName}`,
    );
  const newSelector = newRc.spec?.selector ?? {};
  const hasLabel = Object.entries(oldRc.spec?.selector ?? {}).some(
    ([k, v]) => k in newSelector && newSelector[k] !== v,
  );
  if (!hasLabel)
    return out.fail(
      `${filename} must specify a matching key with non-equal value in Selector for ${cmd.oldName}`,
    );
  if (replicasDefaulted) newRc.spec = { ...newRc.spec, replicas: replicasOf(oldRc) };

  if (cmd.dryRun) {
    let from = nameOf(oldRc);
    let to = nameOf(newRc);
    if (cmd.output !== '') {
      const a = printRc(oldRc, 'rolling updated (dry run)', cmd.output);
      const b = printRc(newRc, 'rolling updated (dry run)', cmd.output);
      if ('error' in a) return out.fail(a.error);
      if ('error' in b) return out.fail(b.error);
      from = a.text;
      to = b.text;
    }
    out.print(`Rolling from:\n${from}\nTo:\n${to}\n`);
    return { exit: 0 };
  }

  let cleanupPolicy: 'Delete' | 'Rename' = keepOldName ? 'Rename' : 'Delete';
  let cfgOld: RC = oldRc;
  let cfgNew: RC = newRc;
  if (cmd.rollback) {
    // AbortRollingUpdate: swap the two, and drive the original back to its original size.
    cfgOld = newRc;
    cfgNew = clone(oldRc);
    const annotations = { ...cfgNew.metadata?.annotations };
    annotations[SOURCE_ID] = `${nameOf(cfgOld)}:${cfgOld.metadata?.uid ?? ''}`;
    const originalSize = oldRc.metadata?.annotations?.[ORIGINAL_REPLICAS];
    if (originalSize === undefined)
      return out.fail(`couldn't find original replica count of "${nameOf(oldRc)}"`);
    out.print(`Setting "${nameOf(cfgNew)}" replicas to ${originalSize}\n`);
    annotations[DESIRED_REPLICAS] = originalSize;
    cfgNew.metadata = { ...cfgNew.metadata, annotations };
    cleanupPolicy = 'Delete';
    // Run ignores the error of this Update.
    updateRc(ctx, nameOf(cfgNew), (rc) => (rc.metadata = { ...rc.metadata, annotations }));
  }

  // The end of Run, once Update returns: read the controller back under this name.
  const final = keepOldName
    ? { name: cmd.oldName, message: 'rolling updated', output: cmd.output }
    : { name: nameOf(newRc), message: `rolling updated to "${nameOf(newRc)}"`, output: cmd.output };

  return update(ctx, out, cfgOld, cfgNew, { ...base, cleanupPolicy, final });
}

/** CreateNewControllerFromCurrentController: the old controller with the new image and hash. */
function newControllerFromCurrent(
  ctx: Ctx,
  cmd: RollingUpdateCommand,
  newName: string,
  pullPolicy: string,
): { rc: RC } | { error: string } {
  const stored = getRc(ctx, cmd.oldName);
  if (!stored) return { error: notFound(cmd.oldName) };
  const rc = clone(stored);
  const containers = rc.spec?.template?.spec?.containers ?? [];
  let index = 0;
  if (cmd.container !== '') {
    index = containers.findIndex((c) => c.name === cmd.container);
    if (index < 0) return { error: `container ${cmd.container} not found in pod` };
  }
  if (containers.length > 1 && cmd.container === '')
    return { error: 'must specify container to update when updating a multi-container pod' };
  const container = containers[index];
  if (!container) return { error: `pod has no containers! (${JSON.stringify(rc)})` };
  container.image = cmd.image;
  if (pullPolicy !== '') container.imagePullPolicy = pullPolicy;
  const hash = hashObject(rc);
  const name = newName || `${nameOf(rc)}-${hash}`;
  rc.metadata = { ...rc.metadata, name };
  const spec = (rc.spec ??= {});
  spec.selector = { ...spec.selector, [cmd.deploymentKey]: hash };
  const template = (spec.template ??= {});
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, [cmd.deploymentKey]: hash },
  };
  return { rc };
}

/**
 * UpdateExistingReplicationController: point the old controller at the next one and, the first
 * time, give it and its pods the `<deploymentKey>: <hash>-orig` label so the two selectors differ.
 */
function updateExisting(ctx: Ctx, oldRc: RC, newName: string, key: string, value: string): RC {
  const name = nameOf(oldRc);
  const setNext = (rc: RC) =>
    (rc.metadata = {
      ...rc.metadata,
      annotations: { ...rc.metadata?.annotations, [NEXT_CONTROLLER]: newName },
    });
  if (key in (oldRc.spec?.selector ?? {})) return updateRc(ctx, name, setNext) ?? oldRc;
  // AddDeploymentKeyToReplicationController: template label first, so new pods carry it …
  let rc =
    updateRc(ctx, name, (next) => {
      setNext(next);
      const template = ((next.spec ??= {}).template ??= {});
      template.metadata = {
        ...template.metadata,
        labels: { ...template.metadata?.labels, [key]: value },
      };
    }) ?? oldRc;
  // … then every pod the controller selects, …
  for (const pod of podsSelectedBy(ctx, rc.spec?.selector)) {
    if (pod.metadata?.labels?.[key] === value) continue;
    ctx.store.update({
      ...pod,
      metadata: { ...pod.metadata, labels: { ...pod.metadata?.labels, [key]: value } },
    });
  }
  // … then the selector, and pods that still lack the label are deleted.
  rc =
    updateRc(ctx, name, (next) => {
      next.spec = { ...next.spec, selector: { ...next.spec?.selector, [key]: value } };
    }) ?? rc;
  for (const pod of podsSelectedBy(ctx, rc.spec?.selector)) {
    if (pod.metadata?.labels?.[key] !== value) deletePod(ctx, nameOf(pod));
  }
  return rc;
}

function initialState(
  base: { updatePeriodMs: number; intervalMs: number; timeoutMs: number },
  rest: Pick<RollingUpdateState, 'oldName' | 'newName' | 'cleanupPolicy' | 'final'>,
): RollingUpdateState {
  return {
    phase: 'loopTop',
    afterWait: 'loopTop',
    desired: 0,
    maxSurge: 1,
    minAvailable: 0,
    oldReplicas: 0,
    newReplicas: 0,
    iterOld: 0,
    iterNew: 0,
    progressDeadline: 0,
    wait: null,
    generation: 0,
    pollDeadline: 0,
    rename: null,
    ...base,
    ...rest,
  };
}

/** RollingUpdater.Update up to its loop: the target controller, the sums, the first line. */
function update(
  ctx: Ctx,
  out: Out,
  oldRc: RC,
  newRc: RC,
  cfg: {
    updatePeriodMs: number;
    intervalMs: number;
    timeoutMs: number;
    cleanupPolicy: 'Delete' | 'Rename';
    final: RollingUpdateState['final'];
  },
): { exit: number } | { wakeInMs: number; state: RollingUpdateState } {
  const sourceId = `${nameOf(oldRc)}:${oldRc.metadata?.uid ?? ''}`;
  const newName = nameOf(newRc);
  // getOrCreateTargetControllerWithClient
  let target = getRc(ctx, newName);
  if (!target) {
    const replicas = replicasOf(newRc);
    if (replicas <= 0)
      return out.fail(
        `Invalid controller spec for ${newName}; required: > 0 replicas, actual: ${replicas}`,
      );
    const create = forCreate(newRc, newName);
    create.metadata = {
      ...create.metadata,
      annotations: {
        ...create.metadata?.annotations,
        [DESIRED_REPLICAS]: String(replicas),
        [SOURCE_ID]: sourceId,
      },
    };
    create.spec = { ...create.spec, replicas: 0 };
    const err = createRc(ctx, create);
    if (err) return out.fail(err);
    target = getRc(ctx, newName);
    out.print(`Created ${newName}\n`);
  } else {
    const annotations = target.metadata?.annotations ?? {};
    if (annotations[SOURCE_ID] !== sourceId || !(DESIRED_REPLICAS in annotations))
      return out.fail(
        `Missing/unexpected annotations for controller ${newName}, expected ${sourceId} : ${goMap(target.metadata?.annotations)}`,
      );
    out.print(`Continuing update with existing controller ${newName}.\n`);
  }
  const desiredText = target?.metadata?.annotations?.[DESIRED_REPLICAS] ?? '';
  if (!/^[+-]?\d+$/.test(desiredText))
    return out.fail(
      `Unable to parse annotation for ${newName}: ${DESIRED_REPLICAS}=${desiredText}`,
    );
  const desired = Number(desiredText);
  // The original size, for a later --rollback.
  let old: RC | undefined = oldRc;
  if (!(ORIGINAL_REPLICAS in (oldRc.metadata?.annotations ?? {}))) {
    const existing = getRc(ctx, nameOf(oldRc));
    if (!existing) return out.fail(notFound(nameOf(oldRc)));
    const original = String(replicasOf(existing));
    old = updateRc(ctx, nameOf(oldRc), (rc) => {
      rc.metadata = {
        ...rc.metadata,
        annotations: { ...rc.metadata?.annotations, [ORIGINAL_REPLICAS]: original },
      };
    });
  }
  // ResolveFenceposts(maxSurge 1, maxUnavailable 0, desired): as given, both whole numbers.
  const maxSurge = 1;
  const minAvailable = desired === 0 ? 0 : Math.max(0, desired - 0);
  const state = initialState(cfg, {
    oldName: nameOf(oldRc),
    newName,
    cleanupPolicy: cfg.cleanupPolicy,
    final: cfg.final,
  });
  state.desired = desired;
  state.maxSurge = maxSurge;
  state.minAvailable = minAvailable;
  state.newReplicas = replicasOf(target);
  state.oldReplicas = replicasOf(old);
  out.print(
    `Scaling up ${newName} from ${state.newReplicas} to ${desired}, scaling down ${state.oldName} from ${state.oldReplicas} to 0 (keep ${minAvailable} pods available, don't exceed ${desired + maxSurge} pods)\n`,
  );
  state.progressDeadline = ctx.now() + state.timeoutMs;
  const r = drive(ctx, state, out);
  return 'exit' in r ? r : { wakeInMs: r.wakeInMs, state };
}

// ---- the loop, resumable ----

/** Wakes the running update: it prints, scales, and asks to be woken again or ends. */
export function stepRollingUpdate(host: KubectlHost, state: RollingUpdateState): RollingUpdateStep {
  const st = clone(state);
  const out = new Out();
  const r = drive(host.ctx, st, out);
  return 'exit' in r
    ? { output: out.text, exitCode: r.exit, nextInMs: 0, state: st }
    : { output: out.text, exitCode: null, nextInMs: r.wakeInMs, state: st };
}

/** Runs phases until the client has to wait (a poll tick, a sleep) or ends. */
function drive(ctx: Ctx, st: RollingUpdateState, out: Out): Outcome {
  for (;;) {
    const now = ctx.now();
    switch (st.phase) {
      case 'loopTop': {
        if (st.newReplicas === st.desired && st.oldReplicas === 0) {
          st.phase = 'cleanup';
          break;
        }
        st.iterNew = st.newReplicas;
        st.iterOld = st.oldReplicas;
        const scaled = scaleUp(ctx, st, out);
        if (typeof scaled === 'string') return out.fail(scaled);
        // Wait between scaling operations for things to settle: time.Sleep(UpdatePeriod).
        const sleep: Outcome = { wakeInMs: st.updatePeriodMs };
        if (!scaled) {
          st.phase = 'scaleDown';
          return sleep;
        }
        st.afterWait = 'scaleDown';
        st.phase = 'waitScale';
        break;
      }
      case 'waitScale': {
        const w = st.wait;
        if (!w) {
          st.phase = st.afterWait;
          break;
        }
        const rc = getRc(ctx, w.name);
        if (!rc) return out.fail(notFound(w.name));
        // scaleHasDesiredReplicas: someone else changed the size, or the status caught up.
        const done = replicasOf(rc) !== w.replicas || (rc.status?.replicas ?? 0) === w.replicas;
        if (!done) {
          if (now >= w.deadline) return out.fail(`timed out waiting for "${w.name}" to be synced`);
          return { wakeInMs: Math.min(st.intervalMs, w.deadline - now) };
        }
        // scaleAndWaitWithScaler returns a fresh Get of the controller.
        if (w.side === 'new') st.newReplicas = replicasOf(rc);
        else st.oldReplicas = replicasOf(rc);
        st.wait = null;
        if (st.afterWait === 'scaleDown') {
          st.phase = 'scaleDown';
          return { wakeInMs: st.updatePeriodMs };
        }
        st.phase = st.afterWait;
        break;
      }
      case 'scaleDown': {
        const scaled = scaleDown(ctx, st, out);
        if (typeof scaled === 'string') return out.fail(scaled);
        st.afterWait = 'loopEnd';
        st.phase = scaled ? 'waitScale' : 'loopEnd';
        break;
      }
      case 'loopEnd': {
        const progress = st.newReplicas !== st.iterNew || st.oldReplicas !== st.iterOld;
        if (progress) st.progressDeadline = now + st.timeoutMs;
        else if (now > st.progressDeadline)
          return out.fail('timed out waiting for any update progress to be made');
        st.phase = 'loopTop';
        break;
      }
      case 'cleanup': {
        // cleanupWithClients: drop the in-progress annotations, then wait.Poll (not immediate).
        const rc = updateRc(ctx, st.newName, (next) => {
          const annotations = { ...next.metadata?.annotations };
          delete annotations[SOURCE_ID];
          delete annotations[DESIRED_REPLICAS];
          next.metadata = { ...next.metadata, annotations };
        });
        if (!rc) return out.fail(notFound(st.newName));
        st.generation = rc.metadata?.generation ?? 0;
        st.pollDeadline = now + st.timeoutMs;
        st.phase = 'cleanupPoll';
        return { wakeInMs: st.intervalMs };
      }
      case 'cleanupPoll': {
        const rc = getRc(ctx, st.newName);
        if (!rc) return out.fail(notFound(st.newName));
        // controllerHasDesiredReplicas
        const synced =
          (rc.status?.observedGeneration ?? 0) >= st.generation &&
          (rc.status?.replicas ?? 0) === replicasOf(rc);
        if (!synced) {
          if (now >= st.pollDeadline) return out.fail('timed out waiting for the condition');
          return { wakeInMs: Math.min(st.intervalMs, st.pollDeadline - now) };
        }
        out.print(
          st.cleanupPolicy === 'Delete'
            ? `Update succeeded. Deleting ${st.oldName}\n`
            : `Update succeeded. Deleting old controller: ${st.oldName}\n`,
        );
        // A Delete without options: the API's default, background propagation, for its pods.
        if (!ctx.store.delete('ReplicationController', st.oldName))
          return out.fail(notFound(st.oldName));
        if (st.cleanupPolicy === 'Delete') {
          st.phase = 'finish';
          break;
        }
        out.print(`Renaming ${st.newName} to ${st.oldName}\n`);
        return { wakeInMs: beginRename(ctx, st, rc, st.oldName) };
      }
      case 'renamePoll': {
        const rename = st.rename;
        if (!rename) {
          st.phase = 'finish';
          break;
        }
        if (getRc(ctx, rename.from)) {
          if (now >= st.pollDeadline) return out.fail('timed out waiting for the condition');
          return { wakeInMs: Math.min(RENAME_POLL_MS, st.pollDeadline - now) };
        }
        // "Then create the same RC with the new name."
        const err = createRc(ctx, rename.rc);
        if (err) return out.fail(err);
        adoptOrphans(ctx, nameOf(rename.rc));
        st.rename = null;
        if (!st.final) return { exit: 0 };
        st.phase = 'finish';
        break;
      }
      case 'finish': {
        const f = st.final;
        if (!f) return { exit: 0 };
        const rc = getRc(ctx, f.name);
        if (!rc) return out.fail(notFound(f.name));
        const printed = printRc(rc, f.message, f.output);
        if ('error' in printed) return out.fail(printed.error);
        out.print(printed.text);
        return { exit: 0 };
      }
    }
  }
}

/** Rename, first half: delete the controller orphaning its pods; poll for the name to be free. */
function beginRename(ctx: Ctx, st: RollingUpdateState, rc: RC, to: string): number {
  st.rename = { from: nameOf(rc), rc: forCreate(rc, to) };
  const stored = getRc(ctx, nameOf(rc));
  if (stored) deleteOrphaning(ctx, stored);
  st.pollDeadline = ctx.now() + RENAME_TIMEOUT_MS;
  st.phase = 'renamePoll';
  return RENAME_POLL_MS;
}

type Counts = Pick<
  RollingUpdateState,
  'desired' | 'maxSurge' | 'minAvailable' | 'oldReplicas' | 'newReplicas'
>;

/**
 * scaleUp's arithmetic: the new controller's next size, as far as the surge allows (all the way
 * once the old controller is at 0); null when it would not scale. Pure, so the stage can say
 * what the client will do next with the same numbers.
 */
export function scaleUpTarget(st: Counts): number | null {
  if (st.newReplicas === st.desired) return null;
  let increment = st.desired + st.maxSurge - (st.oldReplicas + st.newReplicas);
  if (st.oldReplicas === 0) increment = st.desired - st.newReplicas;
  if (increment <= 0) return null;
  return Math.min(st.newReplicas + increment, st.desired);
}

/**
 * scaleDown's arithmetic: the old controller's next size, as far as the new controller's
 * `newAvailable` pods keep minAvailable; null when it would not scale.
 */
export function scaleDownTarget(st: Counts, newAvailable: number): number | null {
  if (st.oldReplicas === 0) return null;
  // The old controller counts in the total, to keep the minimum even if it is volatile.
  const allPods = st.oldReplicas + st.newReplicas;
  const newUnavailable = st.newReplicas - newAvailable;
  const decrement = allPods - st.minAvailable - newUnavailable;
  if (decrement <= 0) return null;
  let next = Math.max(0, st.oldReplicas - decrement);
  if (st.newReplicas === st.desired && newAvailable === st.desired) next = 0;
  return next;
}

/** scaleUp: as far as the surge allows; all the way once the old controller is at 0. */
function scaleUp(ctx: Ctx, st: RollingUpdateState, out: Out): boolean | string {
  const next = scaleUpTarget(st);
  if (next === null) return false;
  out.print(`Scaling ${st.newName} up to ${next}\n`);
  return scale(ctx, st, st.newName, next, 'new');
}

/** scaleDown: as far as the new controller's available pods keep minAvailable. */
function scaleDown(ctx: Ctx, st: RollingUpdateState, out: Out): boolean | string {
  if (st.oldReplicas === 0) return false;
  const next = scaleDownTarget(st, availablePods(ctx, st.newName));
  if (next === null) return false;
  out.print(`Scaling ${st.oldName} down to ${next}\n`);
  return scale(ctx, st, st.oldName, next, 'old');
}

/**
 * readyPods (the new controller's half): pods its selector matches, not being deleted, and
 * available with minReadySeconds 0 (rollingupdate.go never sets MinReadySeconds), i.e. Ready.
 */
function availablePods(ctx: Ctx, name: string): number {
  const rc = getRc(ctx, name);
  const now = ctx.now();
  return podsSelectedBy(ctx, rc?.spec?.selector).filter(
    (p) => !isDeleting(p) && isAvailable(p, 0, now),
  ).length;
}

/**
 * Scaler.Scale through the scale subresource, then WaitForScaleHasDesiredReplicas with
 * PollImmediate: the first check is at once (the controller has not seen the change yet).
 */
function scale(
  ctx: Ctx,
  st: RollingUpdateState,
  name: string,
  replicas: number,
  side: 'old' | 'new',
): true | string {
  const stored = getRc(ctx, name);
  if (!stored) return notFound(name);
  if (replicasOf(stored) !== replicas) {
    const next = clone(stored);
    next.spec = { ...next.spec, replicas };
    ctx.store.update(next);
  }
  st.wait = { name, replicas, deadline: ctx.now() + st.timeoutMs, side };
  return true;
}
