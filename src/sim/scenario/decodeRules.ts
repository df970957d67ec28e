/**
 * The fields the decode check (decodeCheck.ts) reads in each kind the API server decodes into Go
 * structs (k8s.io/api apps/v1 and core/v1 types.go): JSON path → [declaring struct, Go type].
 * Only the fields the simulator reads are listed.
 */
import { decodeSchema, type Rule } from './decodeCheck';

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

export const DEPLOYMENT_FIELDS = decodeSchema({
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
});

export const REPLICASET_FIELDS = decodeSchema({
  ...metaRules('metadata', 'ReplicaSet'),
  spec: ['ReplicaSet', 'v1.ReplicaSetSpec'],
  ...int32Fields('ReplicaSetSpec', 'replicas', 'minReadySeconds'),
  ...labelSelectorRules('ReplicaSetSpec'),
  ...templateRules('ReplicaSetSpec'),
});

export const REPLICATIONCONTROLLER_FIELDS = decodeSchema({
  ...metaRules('metadata', 'ReplicationController'),
  spec: ['ReplicationController', 'v1.ReplicationControllerSpec'],
  ...int32Fields('ReplicationControllerSpec', 'replicas', 'minReadySeconds'),
  'spec.selector': ['ReplicationControllerSpec', 'map[string]string'],
  'spec.selector{}': ['ReplicationControllerSpec', 'string'],
  ...templateRules('ReplicationControllerSpec'),
});

export const POD_FIELDS = decodeSchema({
  ...metaRules('metadata', 'Pod'),
  ...podSpecRules('spec', 'Pod'),
});

export const SERVICE_FIELDS = decodeSchema({
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
});
