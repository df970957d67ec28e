/**
 * The Scenario document → the resolved Scenario (types.ts): defaults applied, durations in ms,
 * CPU in millicores, memory in bytes, steps in time order (equal times keep file order).
 * Errors are worded as the API server would word them for a custom resource of group
 * rolloutlab.dev (see specReader.ts); unknown fields fail strict decoding first, as they do there.
 */
import type { KubeObject } from '../api/objects';
import type {
  ClusterSpec,
  ImageBehaviour,
  Scenario,
  ScenarioStep,
  TrafficSegment,
  TrafficSpec,
} from './scenario';
import { forbidden, invalid, invalidMessage, required, typeInvalid } from './fieldError';
import { isDNS1123Subdomain } from './nameRules';
import type { Rec } from './specReader';
import { SpecReader } from './specReader';

export const SCENARIO_API_VERSION = 'rolloutlab.dev/v1alpha1';
export const SCENARIO_KIND = 'Scenario';

const TITLE = 'rolloutlab.dev/title';
const DESCRIPTION = 'rolloutlab.dev/description';

/** ObjectMeta's JSON fields: anything else under metadata is an unknown field. */
const META_FIELDS = (
  'name generateName namespace selfLink uid resourceVersion generation creationTimestamp ' +
  'deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers ' +
  'managedFields'
).split(' ');
const SPEC_FIELDS = ['seed', 'duration', 'cluster', 'defaults', 'images', 'traffic', 'steps'];
const BEHAVIOUR_FIELDS =
  'pullTime startTime shutdownTime latency errorRate idleCpu cpuPerRps ready crashAfter pullError'.split(
    ' ',
  ) as (keyof ImageBehaviour)[];
const TRAFFIC_FIELDS = ['target', 'rps', 'clients', 'segments'];
const ACTIONS = ['kubectl', 'apply', 'traffic', 'interrupt', 'startTime'] as const;
const ONE_OF = '`kubectl`, `apply`, `traffic`, `interrupt` or `startTime`';

export const DEFAULT_BEHAVIOUR: ImageBehaviour = {
  pullTime: 1000,
  startTime: 2000,
  shutdownTime: 1000,
  latency: 10,
  errorRate: 0,
  idleCpu: 5,
  cpuPerRps: 10,
  ready: true,
  crashAfter: null,
  pullError: false,
};

const DEFAULT_CLUSTER: ClusterSpec = {
  nodes: 3,
  nodeCpu: 4000,
  nodeMemory: 8 * 1024 ** 3,
  proxyMode: 'iptables',
};

/** Checks one inline `apply` manifest as a top-level document would be checked. */
export type ManifestCheck = (value: unknown) => { manifest?: KubeObject; errors: string[] };

export interface Resolved {
  scenario?: Omit<Scenario, 'manifests'>;
  errors: string[];
}

/** Sets `out[key]` only for defined values (exactOptionalPropertyTypes). */
function put<T, K extends keyof T>(out: Partial<T>, key: K, v: T[K] | undefined): void {
  if (v !== undefined) out[key] = v;
}

export function resolveScenario(doc: Rec, checkManifest: ManifestCheck): Resolved {
  const r = new SpecReader();
  for (const k of Object.keys(doc)) {
    if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(k)) r.unknown.push(k);
  }
  const meta = r.object('metadata', doc.metadata, META_FIELDS) ?? {};
  const name = r.string('metadata.name', meta.name) ?? '';
  if (name === '') r.errors.push(required('metadata.name', 'name or generateName is required'));
  else r.errors.push(...isDNS1123Subdomain(name).map((m) => invalid('metadata.name', name, m)));
  const annotations = r.map('metadata.annotations', meta.annotations) ?? {};
  const title = r.string(`metadata.annotations[${TITLE}]`, annotations[TITLE]);
  const description = r.string(`metadata.annotations[${DESCRIPTION}]`, annotations[DESCRIPTION]);

  const spec = r.object('spec', doc.spec, SPEC_FIELDS) ?? {};
  const defaults = { ...DEFAULT_BEHAVIOUR, ...readBehaviour(r, 'spec.defaults', spec.defaults) };
  const images: Record<string, ImageBehaviour> = {};
  for (const [image, v] of Object.entries(r.map('spec.images', spec.images) ?? {})) {
    images[image] = { ...defaults, ...readBehaviour(r, `spec.images[${image}]`, v) };
  }
  const traffic = readTraffic(r, 'spec.traffic', spec.traffic, false);
  const manifestErrors: string[] = [];
  const steps = readSteps(r, spec.steps, checkManifest, manifestErrors);
  const scenario: Omit<Scenario, 'manifests'> = {
    name,
    title: title ?? name,
    description: description ?? '',
    seed: r.integer('spec.seed', spec.seed) ?? 1,
    duration: r.duration('spec.duration', spec.duration, { positive: true }) ?? 180_000,
    cluster: readCluster(r, spec.cluster),
    defaults,
    images,
    traffic: traffic ? { rps: 0, clients: 100, segments: [], target: '', ...traffic } : null,
    steps,
  };

  if (r.unknown.length) {
    const fields = r.unknown.map((f) => `unknown field "${f}"`).join(', ');
    const version = SCENARIO_API_VERSION.split('/')[1] ?? '';
    const head = `${SCENARIO_KIND} in version "${version}" cannot be handled as a ${SCENARIO_KIND}`;
    return { errors: [`${head}: strict decoding error: ${fields}`, ...manifestErrors] };
  }
  if (r.errors.length) {
    return {
      errors: [invalidMessage('Scenario.rolloutlab.dev', name, r.errors), ...manifestErrors],
    };
  }
  return manifestErrors.length ? { errors: manifestErrors } : { scenario, errors: [] };
}

function readCluster(r: SpecReader, v: unknown): ClusterSpec {
  const c = r.object('spec.cluster', v, ['nodes', 'nodeResources', 'proxyMode']) ?? {};
  const res = r.object('spec.cluster.nodeResources', c.nodeResources, ['cpu', 'memory']) ?? {};
  return {
    nodes: r.integer('spec.cluster.nodes', c.nodes, { min: 1 }) ?? DEFAULT_CLUSTER.nodes,
    nodeCpu: r.cpu('spec.cluster.nodeResources.cpu', res.cpu) ?? DEFAULT_CLUSTER.nodeCpu,
    nodeMemory:
      r.memory('spec.cluster.nodeResources.memory', res.memory) ?? DEFAULT_CLUSTER.nodeMemory,
    proxyMode:
      r.enumString('spec.cluster.proxyMode', c.proxyMode, ['iptables', 'ipvs'] as const) ??
      DEFAULT_CLUSTER.proxyMode,
  };
}

/** The fields of an image's behaviour that the file sets (merged over the defaults by the caller). */
function readBehaviour(r: SpecReader, path: string, v: unknown): Partial<ImageBehaviour> {
  const o = r.object(path, v, BEHAVIOUR_FIELDS);
  if (!o) return {};
  const out: Partial<ImageBehaviour> = {};
  for (const key of ['pullTime', 'startTime', 'shutdownTime', 'latency'] as const) {
    put(out, key, r.duration(`${path}.${key}`, o[key]));
  }
  put(out, 'errorRate', r.number(`${path}.errorRate`, o.errorRate, { min: 0, max: 1 }));
  put(out, 'idleCpu', r.cpu(`${path}.idleCpu`, o.idleCpu));
  put(out, 'cpuPerRps', r.cpu(`${path}.cpuPerRps`, o.cpuPerRps));
  put(out, 'ready', r.boolean(`${path}.ready`, o.ready));
  put(out, 'crashAfter', r.duration(`${path}.crashAfter`, o.crashAfter));
  put(out, 'pullError', r.boolean(`${path}.pullError`, o.pullError));
  return out;
}

/** `traffic` (target required) or a step's traffic change (`partial`: every field optional). */
function readTraffic(
  r: SpecReader,
  path: string,
  v: unknown,
  partial: boolean,
): Partial<TrafficSpec> | undefined {
  const o = r.object(path, v, TRAFFIC_FIELDS);
  if (!o) return undefined;
  const out: Partial<TrafficSpec> = {};
  put(out, 'target', r.string(`${path}.target`, o.target, { required: !partial, minLength: 1 }));
  put(out, 'rps', r.number(`${path}.rps`, o.rps, { min: 0 }));
  put(out, 'clients', r.integer(`${path}.clients`, o.clients, { min: 1 }));
  put(out, 'segments', readSegments(r, `${path}.segments`, o.segments));
  return out;
}

/** Client segments; their shares may not add up to more than 1 (a float epsilon allowed). */
function readSegments(r: SpecReader, path: string, v: unknown): TrafficSegment[] | undefined {
  const list = r.array(path, v);
  if (!list) return undefined;
  const segments: TrafficSegment[] = [];
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const o =
      item === null ? r.wrongType(p, item, 'object') : r.object(p, item, ['share', 'headers']);
    if (!o) return;
    const share = r.number(`${p}.share`, o.share, { min: 0, max: 1 });
    if (o.share === undefined || o.share === null) r.errors.push(required(`${p}.share`));
    const headers: Record<string, string> = {};
    for (const [k, h] of Object.entries(r.map(`${p}.headers`, o.headers) ?? {})) {
      const s = r.string(`${p}.headers[${k}]`, h);
      if (s !== undefined) headers[k] = s;
    }
    if (share !== undefined) segments.push({ share, headers });
  });
  const sum = segments.reduce((a, s) => a + s.share, 0);
  if (sum > 1 + 1e-9) {
    r.errors.push(
      invalid(path, Math.round(sum * 1e9) / 1e9, 'the shares must add up to at most 1'),
    );
  }
  return segments;
}

function readSteps(
  r: SpecReader,
  v: unknown,
  checkManifest: ManifestCheck,
  manifestErrors: string[],
): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  (r.array('spec.steps', v) ?? []).forEach((item, index) => {
    const p = `spec.steps[${index}]`;
    if (item === null) {
      r.errors.push(typeInvalid(p, 'null', `${p} in body must be of type object: "null"`));
      return;
    }
    const o = r.object(p, item, ['at', ...ACTIONS, 'caption']);
    if (!o) return;
    if (o.at === undefined || o.at === null) r.errors.push(required(`${p}.at`));
    const at = r.duration(`${p}.at`, o.at);
    const caption = r.string(`${p}.caption`, o.caption);
    const given = ACTIONS.filter((k) => o[k] !== undefined && o[k] !== null);
    if (given.length === 0) r.errors.push(required(p, `must specify one of ${ONE_OF}`));
    for (const extra of given.slice(1)) {
      r.errors.push(forbidden(`${p}.${extra}`, `may not specify more than one of ${ONE_OF}`));
    }
    const base = { at: at ?? 0, index, ...(caption !== undefined ? { caption } : {}) };
    const step = readAction(r, p, o, given[0], checkManifest, manifestErrors);
    if (step && at !== undefined && given.length === 1)
      steps.push({ ...base, ...step } as ScenarioStep);
  });
  // Array.prototype.sort is stable: equal times keep file order.
  return steps.sort((a, b) => a.at - b.at);
}

type Action =
  | { kind: 'kubectl'; command: string }
  | { kind: 'apply'; manifest: KubeObject }
  | { kind: 'traffic'; traffic: Partial<TrafficSpec> }
  | { kind: 'interrupt' }
  | { kind: 'startTime'; ms: number };

function readAction(
  r: SpecReader,
  p: string,
  o: Rec,
  action: (typeof ACTIONS)[number] | undefined,
  checkManifest: ManifestCheck,
  manifestErrors: string[],
): Action | undefined {
  if (action === 'kubectl') {
    const command = r.string(`${p}.kubectl`, o.kubectl, { minLength: 1 });
    return command === undefined ? undefined : { kind: 'kubectl', command: command.trim() };
  }
  if (action === 'apply') {
    const value = r.map(`${p}.apply`, o.apply);
    if (!value) return undefined;
    const { manifest, errors } = checkManifest(value);
    manifestErrors.push(...errors);
    return manifest ? { kind: 'apply', manifest } : undefined;
  }
  if (action === 'traffic') {
    const traffic = readTraffic(r, `${p}.traffic`, o.traffic, true);
    return traffic ? { kind: 'traffic', traffic } : undefined;
  }
  if (action === 'interrupt') {
    // Ctrl-C in the terminal: `interrupt: true` stops the kubectl commands still running.
    const yes = r.boolean(`${p}.interrupt`, o.interrupt);
    if (yes === false)
      r.errors.push(required(`${p}.interrupt`, 'must be true (Ctrl-C) when given'));
    return yes ? { kind: 'interrupt' } : undefined;
  }
  if (action === 'startTime') {
    // The app's "pod start time" control, saved by "Export scenario": every image takes this
    // long from container start to listening, from the step on (containers started keep theirs).
    const ms = r.duration(`${p}.startTime`, o.startTime);
    return ms === undefined ? undefined : { kind: 'startTime', ms };
  }
  return undefined;
}
