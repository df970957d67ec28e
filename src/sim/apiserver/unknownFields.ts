/**
 * `fieldValidation=Strict` (KEP-2885, what kubectl 1.32 sends by default): a field the kind's
 * Go types do not declare fails the request with the strict decoder's error, BadRequest —
 *   Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"
 * for a create or update (handlers/rest.go transformDecodeError), and the bare
 *   strict decoding error: unknown field "spec.foo"
 * for a patch. The declared fields below are k8s.io/api's JSON names for the structs a manifest
 * of the served built-in kinds holds (apps/v1, core/v1, autoscaling/v2); below a field marked
 * `true` nothing is checked (maps such as labels, and structs the simulator does not model).
 * Custom resources (Argo, Istio, Gateway API) are checked by their CRD schemas on a real
 * cluster; here they are not checked.
 */
import type { Kind } from '../api/objects';
import { KINDS } from '../api/kinds';
import { badRequest, type StatusAnswer } from './writeStatus';
import { isRec } from './decodeBody';
import type { ApiWriteRequest } from './writeRequest';

type Tree = true | { [field: string]: Tree };

const words = (s: string, sub: Tree = true): Record<string, Tree> =>
  Object.fromEntries(
    s
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [w, sub]),
  );

const OBJECT_META: Tree = words(
  'name generateName namespace selfLink uid resourceVersion generation creationTimestamp ' +
    'deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields',
);

const SELECTOR: Tree = words('matchLabels matchExpressions');

const CONTAINER: Tree = {
  ...words(
    'name image command args workingDir envFrom resources resizePolicy restartPolicy volumeMounts ' +
      'volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath ' +
      'terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty',
  ),
  ports: words('name hostPort containerPort protocol hostIP'),
  env: words('name value valueFrom'),
};

const POD_SPEC: Tree = {
  ...words(
    'volumes ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds ' +
      'dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName ' +
      'hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname ' +
      'subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig ' +
      'readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead ' +
      'topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources',
  ),
  containers: CONTAINER,
  initContainers: CONTAINER,
};

const TEMPLATE: Tree = { metadata: OBJECT_META, spec: POD_SPEC };

const object = (spec: Tree): Tree => ({
  ...words('apiVersion kind status'),
  metadata: OBJECT_META,
  spec,
});

const TREES: Partial<Record<Kind, Tree>> = {
  Deployment: object({
    ...words('replicas minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds'),
    selector: SELECTOR,
    template: TEMPLATE,
    strategy: { type: true, rollingUpdate: words('maxUnavailable maxSurge') },
  }),
  ReplicaSet: object({
    ...words('replicas minReadySeconds'),
    selector: SELECTOR,
    template: TEMPLATE,
  }),
  ReplicationController: object({
    ...words('replicas minReadySeconds selector'),
    template: TEMPLATE,
  }),
  Pod: object(POD_SPEC),
  Service: object({
    ...words(
      'selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP ' +
        'loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort ' +
        'publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy ' +
        'allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
    ),
    ports: words('name protocol appProtocol port targetPort nodePort'),
  }),
  HorizontalPodAutoscaler: object(
    words('scaleTargetRef minReplicas maxReplicas metrics behavior targetCPUUtilizationPercentage'),
  ),
};

/** The unknown fields of `value` against `tree`, in document order, as the decoder names them. */
function unknownIn(value: unknown, tree: Tree, path: string, out: string[], sorted: boolean): void {
  if (tree === true) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownIn(item, tree, `${path}[${i}]`, out, sorted));
    return;
  }
  if (!isRec(value)) return;
  const entries = Object.entries(value);
  if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of entries) {
    const at = path ? `${path}.${k}` : k;
    // Patch directives are the patch's, not the object's.
    if (k.startsWith('$')) continue;
    const sub = tree[k];
    if (sub === undefined) out.push(at);
    else unknownIn(v, sub, at, out, sorted);
  }
}

/**
 * The unknown fields of an object of `kind` (none for kinds without a tree here): in document
 * order for a request body, in key order for a patched object (the server decodes it after
 * encoding it from a Go map, whose keys encoding/json sorts).
 */
export function unknownFields(kind: Kind, value: unknown, sorted = false): string[] {
  const tree = TREES[kind];
  const out: string[] = [];
  if (tree) unknownIn(value, tree, '', out, sorted);
  return out;
}

/**
 * The BadRequest a Strict request gets for unknown fields in `value` (the body of a create or
 * update when `decoding`, else the patched object), or undefined.
 */
export function strictRefusal(
  kind: Kind,
  req: Pick<ApiWriteRequest, 'query'>,
  value: unknown,
  decoding: boolean,
): StatusAnswer | undefined {
  if (req.query.fieldValidation !== 'Strict') return undefined;
  const unknown = unknownFields(kind, value, !decoding);
  if (!unknown.length) return undefined;
  const fields = unknown.map((f) => `unknown field "${f}"`).join(', ');
  const version = KINDS[kind].versions[0];
  const head = decoding ? `${kind} in version "${version}" cannot be handled as a ${kind}: ` : '';
  return badRequest(`${head}strict decoding error: ${fields}`);
}
