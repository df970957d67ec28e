/**
 * The API server decodes a manifest into Go structs before it validates anything, so a field of
 * the wrong JSON type (`replicas: "3"`) fails with encoding/json's UnmarshalTypeError, wrapped by
 * the apiserver's transformDecodeError (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go):
 *
 *   Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string
 *   into Go struct field DeploymentSpec.spec.replicas of type int32
 *
 * Only the fields the simulator reads are checked, walking the object in document order and
 * reporting the first mismatch, as the decoder does.
 */

/** [Go struct that declares the field, Go type]. Keys: JSON path, `[]` = each item, `{}` = each map value. */
type Rule = readonly [struct: string, goType: string];

function metaRules(prefix: string, owner: string): Record<string, Rule> {
  return {
    [prefix]: [owner, 'v1.ObjectMeta'],
    [`${prefix}.name`]: ['ObjectMeta', 'string'],
    [`${prefix}.namespace`]: ['ObjectMeta', 'string'],
    [`${prefix}.labels`]: ['ObjectMeta', 'map[string]string'],
    [`${prefix}.labels{}`]: ['ObjectMeta', 'string'],
    [`${prefix}.annotations`]: ['ObjectMeta', 'map[string]string'],
    [`${prefix}.annotations{}`]: ['ObjectMeta', 'string'],
  };
}

function probeRules(p: string): Record<string, Rule> {
  const rules: Record<string, Rule> = {
    [p]: ['Container', 'v1.Probe'],
    [`${p}.httpGet`]: ['Probe', 'v1.HTTPGetAction'],
    [`${p}.httpGet.port`]: ['HTTPGetAction', 'intstr'],
    [`${p}.httpGet.path`]: ['HTTPGetAction', 'string'],
    [`${p}.tcpSocket`]: ['Probe', 'v1.TCPSocketAction'],
    [`${p}.tcpSocket.port`]: ['TCPSocketAction', 'intstr'],
  };
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    rules[`${p}.${f}`] = ['Probe', 'int32'];
  }
  return rules;
}

function podSpecRules(p: string, owner: string): Record<string, Rule> {
  const c = `${p}.containers[]`;
  return {
    [p]: [owner, 'v1.PodSpec'],
    [`${p}.containers`]: ['PodSpec', '[]v1.Container'],
    [c]: ['PodSpec', 'v1.Container'],
    [`${c}.name`]: ['Container', 'string'],
    [`${c}.image`]: ['Container', 'string'],
    [`${c}.imagePullPolicy`]: ['Container', 'string'],
    [`${c}.ports`]: ['Container', '[]v1.ContainerPort'],
    [`${c}.ports[]`]: ['Container', 'v1.ContainerPort'],
    [`${c}.ports[].containerPort`]: ['ContainerPort', 'int32'],
    [`${c}.ports[].name`]: ['ContainerPort', 'string'],
    [`${c}.ports[].protocol`]: ['ContainerPort', 'string'],
    ...probeRules(`${c}.readinessProbe`),
    ...probeRules(`${c}.livenessProbe`),
    ...probeRules(`${c}.startupProbe`),
    [`${p}.restartPolicy`]: ['PodSpec', 'string'],
    [`${p}.terminationGracePeriodSeconds`]: ['PodSpec', 'int64'],
  };
}

function templateRules(specStruct: string): Record<string, Rule> {
  return {
    'spec.template': [specStruct, 'v1.PodTemplateSpec'],
    ...metaRules('spec.template.metadata', 'PodTemplateSpec'),
    ...podSpecRules('spec.template.spec', 'PodTemplateSpec'),
  };
}

function labelSelectorRules(specStruct: string): Record<string, Rule> {
  return {
    'spec.selector': [specStruct, 'v1.LabelSelector'],
    'spec.selector.matchLabels': ['LabelSelector', 'map[string]string'],
    'spec.selector.matchLabels{}': ['LabelSelector', 'string'],
    'spec.selector.matchExpressions': ['LabelSelector', '[]v1.LabelSelectorRequirement'],
    'spec.selector.matchExpressions[].key': ['LabelSelectorRequirement', 'string'],
    'spec.selector.matchExpressions[].operator': ['LabelSelectorRequirement', 'string'],
    'spec.selector.matchExpressions[].values': ['LabelSelectorRequirement', '[]string'],
    'spec.selector.matchExpressions[].values[]': ['LabelSelectorRequirement', 'string'],
  };
}

function int32Fields(struct: string, ...fields: string[]): Record<string, Rule> {
  return Object.fromEntries(fields.map((f) => [`spec.${f}`, [struct, 'int32'] as const]));
}

const RULES: Record<string, Record<string, Rule>> = {
  Deployment: {
    ...metaRules('metadata', 'Deployment'),
    spec: ['Deployment', 'v1.DeploymentSpec'],
    ...int32Fields(
      'DeploymentSpec',
      'replicas',
      'minReadySeconds',
      'revisionHistoryLimit',
      'progressDeadlineSeconds',
    ),
    'spec.paused': ['DeploymentSpec', 'bool'],
    ...labelSelectorRules('DeploymentSpec'),
    'spec.strategy': ['DeploymentSpec', 'v1.DeploymentStrategy'],
    'spec.strategy.type': ['DeploymentStrategy', 'string'],
    'spec.strategy.rollingUpdate': ['DeploymentStrategy', 'v1.RollingUpdateDeployment'],
    'spec.strategy.rollingUpdate.maxSurge': ['RollingUpdateDeployment', 'intstr'],
    'spec.strategy.rollingUpdate.maxUnavailable': ['RollingUpdateDeployment', 'intstr'],
    ...templateRules('DeploymentSpec'),
  },
  ReplicaSet: {
    ...metaRules('metadata', 'ReplicaSet'),
    spec: ['ReplicaSet', 'v1.ReplicaSetSpec'],
    ...int32Fields('ReplicaSetSpec', 'replicas', 'minReadySeconds'),
    ...labelSelectorRules('ReplicaSetSpec'),
    ...templateRules('ReplicaSetSpec'),
  },
  ReplicationController: {
    ...metaRules('metadata', 'ReplicationController'),
    spec: ['ReplicationController', 'v1.ReplicationControllerSpec'],
    ...int32Fields('ReplicationControllerSpec', 'replicas', 'minReadySeconds'),
    'spec.selector': ['ReplicationControllerSpec', 'map[string]string'],
    'spec.selector{}': ['ReplicationControllerSpec', 'string'],
    ...templateRules('ReplicationControllerSpec'),
  },
  Pod: {
    ...metaRules('metadata', 'Pod'),
    ...podSpecRules('spec', 'Pod'),
  },
  Service: {
    ...metaRules('metadata', 'Service'),
    spec: ['Service', 'v1.ServiceSpec'],
    'spec.ports': ['ServiceSpec', '[]v1.ServicePort'],
    'spec.ports[]': ['ServiceSpec', 'v1.ServicePort'],
    'spec.ports[].name': ['ServicePort', 'string'],
    'spec.ports[].protocol': ['ServicePort', 'string'],
    'spec.ports[].port': ['ServicePort', 'int32'],
    'spec.ports[].targetPort': ['ServicePort', 'intstr'],
    'spec.selector': ['ServiceSpec', 'map[string]string'],
    'spec.selector{}': ['ServiceSpec', 'string'],
    'spec.type': ['ServiceSpec', 'string'],
    'spec.sessionAffinity': ['ServiceSpec', 'string'],
    'spec.sessionAffinityConfig': ['ServiceSpec', 'v1.SessionAffinityConfig'],
    'spec.sessionAffinityConfig.clientIP': ['SessionAffinityConfig', 'v1.ClientIPConfig'],
    'spec.sessionAffinityConfig.clientIP.timeoutSeconds': ['ClientIPConfig', 'int32'],
  },
};

/** Every prefix of a rule path, so the walk only descends where a rule may lie. */
const PREFIXES: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(RULES).map(([kind, rules]) => {
    const set = new Set<string>();
    for (const path of Object.keys(rules)) {
      for (let i = 1; i <= path.length; i++) {
        const ch = path[i];
        if (i === path.length || ch === '.' || ch === '[' || ch === '{') set.add(path.slice(0, i));
      }
    }
    return [kind, set];
  }),
);

/** encoding/json's name for the JSON value that did not fit. */
function jsonKind(v: unknown, goType: string): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') {
    // An int field given 1.5: the literal fails strconv.ParseInt, so Value carries it.
    return /^int|intstr/.test(goType) && !Number.isInteger(v) ? `number ${v}` : 'number';
  }
  return 'object';
}

function fits(v: unknown, goType: string): boolean {
  if (v === null || v === undefined) return true; // null decodes to the zero value
  if (goType === 'int32' || goType === 'int64') return typeof v === 'number' && Number.isInteger(v);
  if (goType === 'intstr')
    return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
  if (goType === 'string') return typeof v === 'string';
  if (goType === 'bool') return typeof v === 'boolean';
  if (goType.startsWith('[]')) return Array.isArray(v);
  return typeof v === 'object' && !Array.isArray(v);
}

/**
 * The decode error for `obj` as the API server words it, or undefined when every checked field
 * has the right JSON type. `version` is the version part of the apiVersion ("v1").
 */
export function decodeError(obj: unknown, kind: string, version: string): string | undefined {
  const rules = RULES[kind];
  const prefixes = PREFIXES[kind];
  if (!rules || !prefixes) return undefined;
  const walk = (v: unknown, pattern: string): string | undefined => {
    const rule = pattern ? rules[pattern] : undefined;
    if (rule && !fits(v, rule[1])) {
      const [struct, goType] = rule;
      const field = pattern.replace(/\[\]|\{\}/g, '');
      // intstr.IntOrString unmarshals its int half into an int32.
      const type = goType === 'intstr' ? 'int32' : goType;
      return `json: cannot unmarshal ${jsonKind(v, goType)} into Go struct field ${struct}.${field} of type ${type}`;
    }
    if (Array.isArray(v)) {
      const next = `${pattern}[]`;
      if (!prefixes.has(next)) return undefined;
      for (const item of v) {
        const err = walk(item, next);
        if (err) return err;
      }
    } else if (typeof v === 'object' && v !== null) {
      const isMap = rule?.[1].startsWith('map[');
      for (const [k, item] of Object.entries(v)) {
        const next = isMap ? `${pattern}{}` : pattern ? `${pattern}.${k}` : k;
        if (!prefixes.has(next)) continue;
        const err = walk(item, next);
        if (err) return err;
      }
    }
    return undefined;
  };
  const err = walk(obj, '');
  return err && `${kind} in version "${version}" cannot be handled as a ${kind}: ${err}`;
}
