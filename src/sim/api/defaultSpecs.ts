/**
 * The API server's defaulting of each kind's spec (pkg/apis/apps/v1/defaults.go,
 * pkg/apis/core/v1/defaults.go, pkg/apis/autoscaling/v2/defaults.go). Which kind takes which is
 * its entry in registry.ts; defaults.ts applies them.
 *
 * Works on the manifest as decoded from YAML, so it never trusts shapes: a field holding the
 * wrong type is left alone for validation's decode check to report. `null` counts as unset
 * (a nil pointer in Go). Non-pointer int fields the Go code defaults on `== 0` (probe periods,
 * Service targetPort) are defaulted on 0 too.
 */

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const unset = (v: unknown): boolean => v === undefined || v === null;

/** The object at `key`, created when unset (a Go struct is always there); undefined if mistyped. */
export function child(parent: Rec, key: string): Rec | undefined {
  const v = parent[key];
  if (isRec(v)) return v;
  if (!unset(v)) return undefined;
  const fresh: Rec = {};
  parent[key] = fresh;
  return fresh;
}

export function setDefault(r: Rec, key: string, value: unknown, alsoWhenZero = false): void {
  if (unset(r[key]) || (alsoWhenZero && r[key] === 0)) r[key] = value;
}

/** SetDefaults_Deployment (apps/v1); maxSurge and maxUnavailable default independently. */
export function defaultDeployment(spec: Rec): void {
  setDefault(spec, 'replicas', 1);
  const strategy = child(spec, 'strategy');
  if (strategy) {
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = child(strategy, 'rollingUpdate');
      if (ru) {
        setDefault(ru, 'maxUnavailable', '25%');
        setDefault(ru, 'maxSurge', '25%');
      }
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  // Go zero values, written out so that readers need no `?? 0`.
  setDefault(spec, 'minReadySeconds', 0);
  setDefault(spec, 'paused', false);
  defaultTemplate(child(spec, 'template'));
}

/** SetDefaults_ReplicaSet (apps/v1). */
export function defaultReplicaSet(spec: Rec): void {
  setDefault(spec, 'replicas', 1);
  defaultTemplate(child(spec, 'template'));
}

/**
 * SetDefaults_HorizontalPodAutoscaler: minReplicas 1 (the behavior defaults are applied by the
 * controller, as the API leaves an unset behavior unset).
 */
export function defaultHpa(spec: Rec): void {
  setDefault(spec, 'minReplicas', 1);
}

/**
 * SetDefaults_ReplicationController: an empty selector and empty object labels both default to
 * the template's labels; the template is a pointer, so nothing is created when it is absent.
 */
export function defaultReplicationController(spec: Rec, o: Rec): void {
  const template = spec.template;
  const labels = isRec(template) && isRec(template.metadata) ? template.metadata.labels : undefined;
  if (isRec(labels)) {
    if (unset(spec.selector) || (isRec(spec.selector) && Object.keys(spec.selector).length === 0)) {
      spec.selector = { ...labels };
    }
    const meta = isRec(o.metadata) ? o.metadata : undefined;
    if (
      meta &&
      (unset(meta.labels) || (isRec(meta.labels) && Object.keys(meta.labels).length === 0))
    ) {
      meta.labels = { ...labels };
    }
  }
  setDefault(spec, 'replicas', 1);
  if (isRec(template)) defaultTemplate(template);
}

function defaultTemplate(template: Rec | undefined): void {
  if (!template) return;
  child(template, 'metadata');
  const podSpec = child(template, 'spec');
  if (podSpec) defaultPodSpec(podSpec);
}

/** SetDefaults_PodSpec + SetDefaults_Container (+ probes and ports). */
export function defaultPodSpec(spec: Rec): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isRec(c)) defaultContainer(c);
  }
}

function defaultContainer(c: Rec): void {
  setDefault(c, 'imagePullPolicy', pullPolicyFor(c.image));
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  if (Array.isArray(c.ports)) {
    for (const p of c.ports) if (isRec(p)) setDefault(p, 'protocol', 'TCP');
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (isRec(probe)) defaultProbe(probe);
  }
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction; initialDelaySeconds stays unset (0). */
function defaultProbe(p: Rec): void {
  setDefault(p, 'timeoutSeconds', 1, true);
  setDefault(p, 'periodSeconds', 10, true);
  setDefault(p, 'successThreshold', 1, true);
  setDefault(p, 'failureThreshold', 3, true);
  if (isRec(p.httpGet)) {
    setDefault(p.httpGet, 'path', '/');
    setDefault(p.httpGet, 'scheme', 'HTTP');
  }
}

/**
 * SetDefaults_Container: `Always` when the tag is `latest` or there is neither tag nor digest
 * (parsers.ParseImageName then assumes `latest`), `IfNotPresent` otherwise.
 */
export function pullPolicyFor(image: unknown): 'Always' | 'IfNotPresent' {
  if (typeof image !== 'string' || image === '') return 'IfNotPresent';
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastPart = named.slice(named.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  const tag = colon >= 0 ? lastPart.slice(colon + 1) : at >= 0 ? '' : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_Service (core/v1). */
export function defaultService(spec: Rec): void {
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const clientIP = isRec(cfg) ? cfg.clientIP : undefined;
    if (!isRec(clientIP) || unset(clientIP.timeoutSeconds)) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
    }
  }
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isRec(p)) continue;
      setDefault(p, 'protocol', 'TCP');
      if (unset(p.targetPort) || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
  }
  const type = spec.type;
  if ((type === 'NodePort' || type === 'LoadBalancer') && unset(spec.externalTrafficPolicy)) {
    spec.externalTrafficPolicy = 'Cluster';
  }
  if (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer') {
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
}
