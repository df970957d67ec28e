/**
 * What a cluster or kubectl filled into a manifest, taken out again so that a
 * `kubectl get … -o yaml` export applies as the manifest it came from — what kubectl-neat does
 * (github.com/itaysk/kubectl-neat, cmd/neat.go: neatMetadata keeps metadata's name, namespace,
 * labels and annotations and drops the last-applied-configuration annotation; neatStatus drops
 * status; neatScheduler drops spec.nodeName; neatServiceAccount drops the token volume and the
 * deprecated spec.serviceAccount; pkg/defaults drops spec values equal to the API's defaults).
 *
 * Two strengths, so a hand-written manifest never changes: what only a cluster or
 * `kubectl create --dry-run -o yaml` writes (status, uid, creationTimestamp: null, …) is always
 * dropped; defaults and assigned values (clusterIP, nodeName, dnsPolicy, …) only when the object
 * is an export (it carries a uid, resourceVersion or managedFields).
 */
import { pullPolicyFor } from '../api/defaultSpecs';
import { clone } from '../core/clone';
import type { Rec } from './specReader';
import { isRec } from './specReader';

/** Metadata only the API server writes (ObjectMeta's read-only and system fields). */
const SERVER_META = [
  'managedFields',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];
/** Annotations written by kubectl apply and by the Deployment controller. */
const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
];
/** Pod spec values the API server defaults or admission sets (pkg/apis/core/v1/defaults.go). */
const POD_DEFAULTS: Readonly<Record<string, unknown>> = {
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  enableServiceLinks: true,
  priority: 0,
  preemptionPolicy: 'PreemptLowerPriority',
  serviceAccountName: 'default',
  serviceAccount: 'default',
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
};
const CONTAINER_DEFAULTS: Readonly<Record<string, unknown>> = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};
/**
 * The service account token volume: `default-token-*` before Kubernetes 1.22 (what neat knows),
 * the projected `kube-api-access-*` since BoundServiceAccountTokenVolume.
 */
const TOKEN_VOLUME = /^(default-token-|kube-api-access-)/;

export interface Neated {
  obj: Rec;
  /** Field paths dropped (`status`, `metadata.managedFields`, …), relative to the object. */
  dropped: string[];
}

const isEmpty = (v: unknown) => isRec(v) && Object.keys(v).length === 0;

/**
 * A deep copy of `source` without what a cluster or kubectl filled in; `source` itself when
 * nothing is (a hand-written manifest goes on exactly as written).
 */
export function neat(source: Rec): Neated {
  const result = neatCopy(clone(source));
  return result.dropped.length ? result : { obj: source, dropped: [] };
}

function neatCopy(obj: Rec): Neated {
  const dropped: string[] = [];
  const drop = (r: Rec, key: string, path: string) => {
    if (!Object.hasOwn(r, key)) return;
    delete r[key];
    dropped.push(path);
  };
  const meta = isRec(obj.metadata) ? obj.metadata : undefined;
  const exported =
    !!meta &&
    (meta.uid !== undefined || meta.resourceVersion !== undefined || !!meta.managedFields);
  drop(obj, 'status', 'status');
  if (meta) {
    for (const k of SERVER_META) drop(meta, k, `metadata.${k}`);
    // Owner references point at uids of the exporting cluster; owned objects whose owner is in
    // the file were skipped before this (ownedObjects.ts).
    if (exported) drop(meta, 'ownerReferences', 'metadata.ownerReferences');
    if (isRec(meta.annotations)) {
      for (const a of SERVER_ANNOTATIONS) drop(meta.annotations, a, `metadata.annotations[${a}]`);
      if (isEmpty(meta.annotations)) delete meta.annotations;
    }
  }
  const spec = isRec(obj.spec) ? obj.spec : undefined;
  if (!spec) return { obj, dropped };
  const template = isRec(spec.template) ? spec.template : undefined;
  if (template && isRec(template.metadata)) {
    drop(template.metadata, 'creationTimestamp', 'spec.template.metadata.creationTimestamp');
  }
  if (!exported) return { obj, dropped };
  if (obj.kind === 'Service') neatService(spec, drop);
  if (obj.kind === 'Pod') neatPodSpec(spec, 'spec', drop);
  else if (template && isRec(template.spec)) neatPodSpec(template.spec, 'spec.template.spec', drop);
  return { obj, dropped };
}

type Drop = (r: Rec, key: string, path: string) => void;

/** Cluster-assigned addresses and defaulted policies; a headless `clusterIP: None` is intent. */
function neatService(spec: Rec, drop: Drop): void {
  if (spec.clusterIP !== 'None') {
    drop(spec, 'clusterIP', 'spec.clusterIP');
    drop(spec, 'clusterIPs', 'spec.clusterIPs');
  }
  drop(spec, 'ipFamilies', 'spec.ipFamilies');
  if (spec.ipFamilyPolicy === 'SingleStack') drop(spec, 'ipFamilyPolicy', 'spec.ipFamilyPolicy');
  if (spec.internalTrafficPolicy === 'Cluster')
    drop(spec, 'internalTrafficPolicy', 'spec.internalTrafficPolicy');
  if (spec.externalTrafficPolicy === 'Cluster')
    drop(spec, 'externalTrafficPolicy', 'spec.externalTrafficPolicy');
  if (spec.allocateLoadBalancerNodePorts === true)
    drop(spec, 'allocateLoadBalancerNodePorts', 'spec.allocateLoadBalancerNodePorts');
}

function neatPodSpec(pod: Rec, at: string, drop: Drop): void {
  drop(pod, 'nodeName', `${at}.nodeName`);
  for (const [k, v] of Object.entries(POD_DEFAULTS)) if (pod[k] === v) drop(pod, k, `${at}.${k}`);
  if (isEmpty(pod.securityContext)) drop(pod, 'securityContext', `${at}.securityContext`);
  if (Array.isArray(pod.volumes)) {
    const kept = pod.volumes.filter((v) => !(isRec(v) && TOKEN_VOLUME.test(String(v.name))));
    if (kept.length !== pod.volumes.length) dropped(pod, 'volumes', kept, `${at}.volumes`, drop);
  }
  if (Array.isArray(pod.tolerations)) {
    // The DefaultTolerationSeconds admission plugin adds these two to every pod.
    const kept = pod.tolerations.filter(
      (t) =>
        !(
          isRec(t) &&
          t.operator === 'Exists' &&
          t.effect === 'NoExecute' &&
          t.tolerationSeconds === 300 &&
          (t.key === 'node.kubernetes.io/not-ready' || t.key === 'node.kubernetes.io/unreachable')
        ),
    );
    if (kept.length !== pod.tolerations.length)
      dropped(pod, 'tolerations', kept, `${at}.tolerations`, drop);
  }
  for (const list of ['containers', 'initContainers']) {
    const cs = pod[list];
    if (!Array.isArray(cs)) continue;
    cs.forEach((c, i) => {
      if (!isRec(c)) return;
      const cat = `${at}.${list}[${i}]`;
      for (const [k, v] of Object.entries(CONTAINER_DEFAULTS))
        if (c[k] === v) drop(c, k, `${cat}.${k}`);
      if (c.imagePullPolicy === pullPolicyFor(c.image))
        drop(c, 'imagePullPolicy', `${cat}.imagePullPolicy`);
      if (isEmpty(c.resources)) drop(c, 'resources', `${cat}.resources`);
      if (Array.isArray(c.volumeMounts)) {
        const kept = c.volumeMounts.filter((m) => !(isRec(m) && TOKEN_VOLUME.test(String(m.name))));
        if (kept.length !== c.volumeMounts.length)
          dropped(c, 'volumeMounts', kept, `${cat}.volumeMounts`, drop);
      }
    });
  }
}

/** Replaces a list by what is kept of it, dropping the field when nothing is. */
function dropped(r: Rec, key: string, kept: unknown[], path: string, drop: Drop): void {
  if (kept.length === 0) drop(r, key, path);
  else {
    r[key] = kept;
    drop({ [key]: true }, key, path); // records that part of the list went
  }
}
