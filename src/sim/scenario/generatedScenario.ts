/**
 * A Scenario for a file that holds only manifests (scenario-format.md §3 "Manifests alone"):
 * traffic to what a client would call — an HTTPRoute, else an Istio VirtualService's host, else
 * the first Service — at a rate that suits the replicas, for long enough to start the pods, try
 * a rollout and watch it finish. It is YAML text, so the person can see and edit exactly what
 * runs; parse.ts resolves it as it resolves a written Scenario.
 */
import type { KubeObject } from '../api/objects';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from './resolveScenario';
import type { Rec } from './specReader';
import { isRec } from './specReader';

export interface GeneratedScenario {
  /** The Scenario document's YAML text. */
  text: string;
  /** What was chosen, for people (the runner prints them on stderr). */
  notes: string[];
}

/** Requests per second per replica, and the bounds: visible in the charts, cheap to simulate. */
const RPS_PER_REPLICA = 10;
const MIN_RPS = 10;
const MAX_RPS = 200;
/** Five minutes: pods start in seconds, a rollout of tens of replicas in about a minute. */
const MIN_DURATION_S = 300;

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'Rollout']);

const nameOf = (o: KubeObject): string => o.metadata?.name ?? '';
/** Kinds are compared as strings: the Gateway API's HTTPRoute joins the kinds in another module. */
const kindOf = (o: KubeObject): string => String(o.kind ?? '');
const specOf = (o: KubeObject): Rec => {
  const spec = (o as { spec?: unknown }).spec;
  return isRec(spec) ? spec : {};
};
const q = (s: string): string => JSON.stringify(s); // a JSON string is a YAML scalar

/** `web.yaml` → `web`: the Scenario's name must be a DNS-1123 subdomain. */
export function scenarioNameFor(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, '');
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/, '');
  return name || 'manifests';
}

function replicasOf(o: KubeObject): number {
  if (o.kind === 'Pod') return 1;
  const r = specOf(o).replicas;
  return typeof r === 'number' && Number.isFinite(r) && r >= 0 ? r : 1;
}

/** Where traffic goes, by preference, and how the note names it. */
function trafficTarget(manifests: readonly KubeObject[]): { target: string; what: string } | null {
  const route = manifests.find((m) => kindOf(m) === 'HTTPRoute');
  if (route) return { target: nameOf(route), what: `HTTPRoute ${nameOf(route)}` };
  for (const m of manifests) {
    if (m.kind !== 'VirtualService') continue;
    const host = specOf(m).hosts;
    const first = Array.isArray(host) ? host[0] : undefined;
    if (typeof first === 'string') return { target: first, what: `VirtualService host ${first}` };
  }
  const svc = manifests.find((m) => m.kind === 'Service');
  return svc ? { target: nameOf(svc), what: `Service ${nameOf(svc)}` } : null;
}

/**
 * Seconds one rolling update of `o` roughly takes with the default image behaviour (1 s pull,
 * 2 s start): waves of 25 % surge, each waiting for readiness and minReadySeconds.
 */
function rolloutEstimate(o: KubeObject): number {
  const spec = specOf(o);
  const replicas = replicasOf(o);
  const waves = Math.ceil(replicas / Math.max(1, Math.ceil(replicas * 0.25))) + 1;
  const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
  const podSpec = isRec(spec.template) && isRec(spec.template.spec) ? spec.template.spec : {};
  const first = Array.isArray(podSpec.containers) ? podSpec.containers[0] : undefined;
  const probe = isRec(first) && isRec(first.readinessProbe) ? first.readinessProbe : undefined;
  const probeWait = probe
    ? Number(probe.initialDelaySeconds ?? 0) + Number(probe.periodSeconds ?? 10)
    : 0;
  return waves * (3 + minReady + (Number.isFinite(probeWait) ? probeWait : 0));
}

/** A next image to try in the example step: the last number of the tag bumped (`1.14.2` → `1.14.3`). */
function nextImage(image: string): string {
  const colon = image.lastIndexOf(':');
  if (colon > image.lastIndexOf('/')) {
    const tag = image.slice(colon + 1);
    const bumped = tag.replace(/(\d+)(?!.*\d)/, (d) => String(Number(d) + 1));
    if (bumped !== tag) return image.slice(0, colon + 1) + bumped;
  }
  return `${colon > image.lastIndexOf('/') ? image.slice(0, colon) : image}:v2`;
}

/** A commented example step: how to try a rollout of the first Deployment or Rollout. */
function exampleStep(manifests: readonly KubeObject[]): string[] {
  const w = manifests.find((m) => m.kind === 'Deployment' || m.kind === 'Rollout');
  const podSpec = w ? specOf(w).template : undefined;
  const containers = isRec(podSpec) && isRec(podSpec.spec) ? podSpec.spec.containers : undefined;
  const c = Array.isArray(containers) && isRec(containers[0]) ? containers[0] : undefined;
  if (!w || !c || typeof c.name !== 'string' || typeof c.image !== 'string') return [];
  const verb = w.kind === 'Rollout' ? 'argo rollouts set image' : 'set image deployment/';
  const cmd =
    w.kind === 'Rollout'
      ? `${verb} ${nameOf(w)} ${c.name}=${nextImage(c.image)}`
      : `${verb}${nameOf(w)} ${c.name}=${nextImage(c.image)}`;
  return [
    '  # To try a rollout, uncomment these lines (any image runs; spec.images sets how it behaves):',
    '  # steps:',
    '  #   - at: 30s',
    `  #     kubectl: ${cmd}`,
  ];
}

/**
 * How to add a Service: the manifest `kubectl expose <workload> --port=80` would make (its
 * selector is the workload's matchLabels, its targetPort the first container port), in one line
 * of flow YAML to paste into the file.
 */
function exposeHint(manifests: readonly KubeObject[]): string {
  const w = manifests.find((m) => WORKLOADS.has(kindOf(m)));
  if (!w) return 'add a Service manifest that selects your pods';
  const spec = specOf(w);
  const template = spec.template;
  const containers = isRec(template) && isRec(template.spec) ? template.spec.containers : undefined;
  const c = Array.isArray(containers) && isRec(containers[0]) ? containers[0] : undefined;
  const ports = c && Array.isArray(c.ports) && isRec(c.ports[0]) ? c.ports[0] : undefined;
  const port = typeof ports?.containerPort === 'number' ? ports.containerPort : 80;
  const sel =
    isRec(spec.selector) && isRec(spec.selector.matchLabels)
      ? spec.selector.matchLabels
      : spec.selector;
  const labels = isRec(sel) ? sel : {};
  const selector = Object.entries(labels)
    .map(([k, v]) => `${q(k)}: ${q(String(v))}`)
    .join(', ');
  const resource = `${kindOf(w).toLowerCase()}/${nameOf(w)}`;
  return (
    `add a Service to the file, as \`kubectl expose ${resource} --port=80\` makes it: ` +
    `\`{ apiVersion: v1, kind: Service, metadata: { name: ${q(nameOf(w))} }, ` +
    `spec: { selector: { ${selector} }, ports: [{ port: 80, targetPort: ${port} }] } }\``
  );
}

/** With no Service: the traffic block to uncomment once the Service the note gives is added. */
function noTraffic(workloads: readonly KubeObject[], rps: number): string[] {
  const w = workloads.find((m) => WORKLOADS.has(kindOf(m)));
  if (!w) return ['  # No Service in the file, so no traffic.'];
  return [
    '  # No Service in the file, so no traffic: add the one the note gives, then uncomment:',
    '  # traffic:',
    `  #   target: ${q(nameOf(w))}`,
    `  #   rps: ${rps}`,
  ];
}

/**
 * The traffic a generated Scenario sends to these manifests (what a client would call, 10
 * requests/s per replica within 10–200), or null with nothing to call; a recorded live session
 * (live/recording.ts) chooses its traffic the same way, since the API shows no requests.
 */
export function generatedTraffic(
  manifests: readonly KubeObject[],
): { target: string; what: string; rps: number } | null {
  const target = trafficTarget(manifests);
  if (!target) return null;
  const workloads = manifests.filter((m) => WORKLOADS.has(m.kind ?? '') || m.kind === 'Pod');
  const replicas = workloads.reduce((n, w) => n + replicasOf(w), 0);
  const rps = Math.min(MAX_RPS, Math.max(MIN_RPS, Math.round(RPS_PER_REPLICA * replicas)));
  return { ...target, rps };
}

export function generateScenario(
  manifests: readonly KubeObject[],
  fileName: string,
): GeneratedScenario {
  const name = scenarioNameFor(fileName);
  const workloads = manifests.filter((m) => WORKLOADS.has(m.kind ?? '') || m.kind === 'Pod');
  const replicas = workloads.reduce((n, w) => n + replicasOf(w), 0);
  const rps = Math.min(MAX_RPS, Math.max(MIN_RPS, Math.round(RPS_PER_REPLICA * replicas)));
  const estimate = Math.max(0, ...workloads.map(rolloutEstimate));
  const duration = Math.max(MIN_DURATION_S, Math.ceil((120 + 2 * estimate) / 60) * 60);
  const target = trafficTarget(manifests);
  const description = target
    ? `Generated for the manifests in ${fileName}: ${rps} requests/s to ${target.what}.`
    : `Generated for the manifests in ${fileName}: no Service, so no traffic.`;
  const lines = [
    `# Generated: ${fileName} has no Scenario document. Edit this one to change what happens.`,
    `apiVersion: ${SCENARIO_API_VERSION}`,
    `kind: ${SCENARIO_KIND}`,
    'metadata:',
    `  name: ${q(name)}`,
    '  annotations:',
    `    rolloutlab.dev/title: ${q(fileName)}`,
    `    rolloutlab.dev/description: ${q(description)}`,
    'spec:',
    '  seed: 1',
    `  duration: ${duration}s`,
    ...(target
      ? ['  traffic:', `    target: ${q(target.target)}`, `    rps: ${rps}`, '    clients: 100']
      : noTraffic(workloads, rps)),
    ...exampleStep(manifests),
  ];
  const chose = target
    ? `${rps} requests/s to ${target.what} (${RPS_PER_REPLICA} per replica for ${replicas}, within ${MIN_RPS}–${MAX_RPS})`
    : 'no traffic';
  const notes = [
    `no Scenario document in ${fileName}: generated Scenario "${name}" with seed 1, duration ${duration}s and ${chose}`,
  ];
  if (!target)
    notes.push(`no Service in ${fileName}, so no traffic is sent: ${exposeHint(manifests)}`);
  return { text: `${lines.join('\n')}\n`, notes };
}
