/**
 * Scenario files (scenario-format.md §1): YAML and kubectl-level errors, the Scenario document's
 * defaults and validation, step ordering, and that every problem in a file is reported at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/sim/scenario/scenario';
import { parseScenario } from '../../../src/sim/scenario/parse';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "nginx:1.10.1" }] }
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`;

/** A Scenario document whose `spec:` block is `spec` (indented by two spaces). */
const scenarioDoc = (spec = '', name = 'demo') =>
  `apiVersion: rolloutlab.dev/v1alpha1\nkind: Scenario\nmetadata: { name: ${name} }\nspec:\n${spec}`;

const file = (...docs: string[]) => docs.join('---\n');

function ok(text: string): Scenario {
  const r = parseScenario(text, 'demo.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function errors(text: string): string[] {
  const r = parseScenario(text, 'demo.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const INVALID = 'Scenario.rolloutlab.dev "demo" is invalid: ';

describe('The catalog', () => {
  const dir = fileURLToPath(new URL('../../../public/scenarios/', import.meta.url));
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('%s parses', (name) => {
    const r = parseScenario(readFileSync(`${dir}${name}`, 'utf8'), name);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('A minimal Scenario', () => {
  const s = ok(file(DEPLOYMENT, scenarioDoc('  seed: 7')));

  it('gets every default', () => {
    expect(s).toMatchObject({
      name: 'demo',
      title: 'demo',
      description: '',
      seed: 7,
      duration: 180_000,
      cluster: { nodes: 3, nodeCpu: 4000, nodeMemory: 8 * 1024 ** 3, proxyMode: 'iptables' },
      defaults: {
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
      },
      images: {},
      traffic: null,
      steps: [],
    });
  });

  it('returns the manifests as written, in file order', () => {
    const two = ok(file(DEPLOYMENT, SERVICE, scenarioDoc()));
    expect(two.manifests.map((m) => `${m.kind}/${m.metadata?.name}`)).toEqual([
      'Deployment/web',
      'Service/web',
    ]);
    // Defaulting happens again when the engine applies them, as the API server would.
    expect(two.manifests[0]).not.toHaveProperty('spec.strategy');
  });

  it('may sit anywhere in the file, and empty documents are skipped', () => {
    const s2 = ok(`---\n${scenarioDoc()}---\n---\n${DEPLOYMENT}---\n`);
    expect(s2.manifests).toHaveLength(1);
  });

  it('expands a v1 List', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${SERVICE.trim().split('\n').join('\n    ')}\n`;
    expect(ok(file(list, scenarioDoc())).manifests.map((m) => m.kind)).toEqual(['Service']);
  });
});

describe('Metadata, cluster, defaults and images', () => {
  const s = ok(
    `apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata:
  name: ramped
  annotations:
    rolloutlab.dev/title: "Rolling update"
    rolloutlab.dev/description: "One pod at a time."
spec:
  duration: 2m
  cluster: { nodes: 2, nodeResources: { cpu: 1500m, memory: 512Mi }, proxyMode: ipvs }
  defaults: { startTime: 3s, latency: 25ms, errorRate: 0.01, idleCpu: "0.1", cpuPerRps: 2m }
  images:
    "app:broken": { ready: false }
    "app:crash": { crashAfter: 5s }
    "app:slow": { startTime: 1m30s, pullTime: 1.5 }
    "app:missing": { pullError: true }
`,
  );

  it('reads the title and description annotations', () => {
    expect([s.title, s.description]).toEqual(['Rolling update', 'One pod at a time.']);
  });

  it('converts the cluster quantities', () => {
    expect(s.cluster).toEqual({
      nodes: 2,
      nodeCpu: 1500,
      nodeMemory: 512 * 1024 ** 2,
      proxyMode: 'ipvs',
    });
  });

  it('merges each image over the defaults', () => {
    expect(s.defaults).toMatchObject({
      startTime: 3000,
      latency: 25,
      errorRate: 0.01,
      idleCpu: 100,
      cpuPerRps: 2,
    });
    expect(s.images['app:broken']).toEqual({ ...s.defaults, ready: false });
    expect(s.images['app:crash']).toEqual({ ...s.defaults, crashAfter: 5000 });
    expect(s.images['app:missing']?.pullError).toBe(true);
  });

  it('reads Go durations and plain seconds', () => {
    expect(s.duration).toBe(120_000);
    expect(s.images['app:slow']).toMatchObject({ startTime: 90_000, pullTime: 1500 });
  });
});

describe('Traffic', () => {
  it('defaults rps, clients and segments', () => {
    expect(ok(scenarioDoc('  traffic: { target: web }')).traffic).toEqual({
      target: 'web',
      rps: 0,
      clients: 100,
      segments: [],
    });
  });

  it('keeps segments with their headers', () => {
    const t = ok(
      scenarioDoc(`  traffic:
    target: web
    rps: 20
    segments:
      - { share: 0.3, headers: { user-agent: "Mozilla/5.0 (iPhone; Mobile)" } }
      - { share: 0.7 }
`),
    ).traffic;
    expect(t?.segments).toEqual([
      { share: 0.3, headers: { 'user-agent': 'Mozilla/5.0 (iPhone; Mobile)' } },
      { share: 0.7, headers: {} },
    ]);
  });

  it('requires a target', () => {
    expect(errors(scenarioDoc('  traffic: { rps: 10 }'))).toEqual([
      `${INVALID}spec.traffic.target: Required value`,
    ]);
  });

  it('rejects shares that add up to more than 1', () => {
    expect(
      errors(scenarioDoc('  traffic: { target: web, segments: [{ share: 0.6 }, { share: 0.6 }] }')),
    ).toEqual([
      `${INVALID}spec.traffic.segments: Invalid value: 1.2: the shares must add up to at most 1`,
    ]);
  });
});

describe('Steps', () => {
  const s = ok(
    file(
      DEPLOYMENT,
      scenarioDoc(`  steps:
    - at: 90s
      traffic: { rps: 200 }
    - at: 30s
      kubectl: set image deployment/web web=nginx:1.11.9 --record
      caption: "Roll out 1.11.9"
    - at: 30s
      apply: { apiVersion: v1, kind: Service, metadata: { name: web }, spec: { ports: [{ port: 80 }] } }
    - at: 1m
      kubectl: rollout status deployment/web
    - at: 0.5
      kubectl: get pods
`),
    ),
  );

  it('are sorted by time, equal times in file order', () => {
    expect(s.steps.map((x) => [x.at, x.index, x.kind])).toEqual([
      [500, 4, 'kubectl'],
      [30_000, 1, 'kubectl'],
      [30_000, 2, 'apply'],
      [60_000, 3, 'kubectl'],
      [90_000, 0, 'traffic'],
    ]);
  });

  it('carry their action and caption', () => {
    expect(s.steps[1]).toEqual({
      at: 30_000,
      index: 1,
      caption: 'Roll out 1.11.9',
      kind: 'kubectl',
      command: 'set image deployment/web web=nginx:1.11.9 --record',
    });
    expect(s.steps[4]).toEqual({ at: 90_000, index: 0, kind: 'traffic', traffic: { rps: 200 } });
    expect(s.steps[2]).toMatchObject({
      kind: 'apply',
      manifest: { kind: 'Service', metadata: { name: 'web' } },
    });
    expect(s.steps[0]).not.toHaveProperty('caption');
  });

  it('need exactly one action', () => {
    expect(errors(scenarioDoc('  steps:\n    - at: 5s\n      caption: nothing'))).toEqual([
      `${INVALID}spec.steps[0]: Required value: must specify one of \`kubectl\`, \`apply\`, \`traffic\`, \`interrupt\` or \`startTime\``,
    ]);
    expect(
      errors(
        scenarioDoc('  steps:\n    - at: 5s\n      kubectl: get pods\n      traffic: { rps: 1 }'),
      ),
    ).toEqual([
      `${INVALID}spec.steps[0].traffic: Forbidden: may not specify more than one of \`kubectl\`, \`apply\`, \`traffic\`, \`interrupt\` or \`startTime\``,
    ]);
  });

  it('take `interrupt: true` as Ctrl-C, and nothing else', () => {
    expect(ok(scenarioDoc('  steps:\n    - { at: 5s, interrupt: true }')).steps[0]).toEqual({
      at: 5000,
      index: 0,
      kind: 'interrupt',
    });
    expect(errors(scenarioDoc('  steps:\n    - { at: 5s, interrupt: false }'))).toEqual([
      `${INVALID}spec.steps[0].interrupt: Required value: must be true (Ctrl-C) when given`,
    ]);
  });

  it('need a valid time', () => {
    expect(errors(scenarioDoc('  steps:\n    - kubectl: get pods'))).toEqual([
      `${INVALID}spec.steps[0].at: Required value`,
    ]);
    expect(errors(scenarioDoc('  steps:\n    - { at: soon, kubectl: get pods }'))).toEqual([
      `${INVALID}spec.steps[0].at: Invalid value: "soon": spec.steps[0].at in body must be of type duration: "soon"`,
    ]);
    expect(errors(scenarioDoc('  steps:\n    - { at: -3, kubectl: get pods }'))).toEqual([
      `${INVALID}spec.steps[0].at: Invalid value: -3: spec.steps[0].at in body should be greater than or equal to 0`,
    ]);
  });

  it('validate an inline manifest like a top-level one', () => {
    const bad =
      '  steps:\n    - at: 5s\n      apply: { apiVersion: v1, kind: Service, metadata: { name: web }, spec: {} }';
    expect(errors(scenarioDoc(bad))).toEqual([
      'Service "web" is invalid: spec.ports: Required value',
    ]);
    const crd =
      '  steps:\n    - at: 5s\n      apply: { apiVersion: argoproj.io/v1alpha1, kind: Experiment, metadata: { name: web } }';
    expect(errors(scenarioDoc(crd))).toEqual([
      'error: resource mapping not found for name: "web" namespace: "" from "demo.yaml": no matches for kind "Experiment" in version "argoproj.io/v1alpha1"\n' +
        'ensure CRDs are installed first',
    ]);
  });
});

describe('Invalid Scenario fields', () => {
  it.each([
    [
      '  seed: one',
      'spec.seed: Invalid value: "string": spec.seed in body must be of type integer: "string"',
    ],
    [
      '  duration: 0s',
      'spec.duration: Invalid value: "0s": spec.duration in body should be greater than 0',
    ],
    [
      '  duration: 3 minutes',
      'spec.duration: Invalid value: "3 minutes": spec.duration in body must be of type duration: "3 minutes"',
    ],
    [
      '  cluster: { nodes: 0 }',
      'spec.cluster.nodes: Invalid value: 0: spec.cluster.nodes in body should be greater than or equal to 1',
    ],
    [
      '  cluster: { proxyMode: nftables }',
      'spec.cluster.proxyMode: Unsupported value: "nftables": supported values: "iptables", "ipvs"',
    ],
    [
      '  cluster: { nodeResources: { cpu: lots } }',
      'spec.cluster.nodeResources.cpu: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    ],
    [
      '  defaults: { errorRate: 1.5 }',
      'spec.defaults.errorRate: Invalid value: 1.5: spec.defaults.errorRate in body should be less than or equal to 1',
    ],
    [
      '  images: { "app:x": { ready: "no" } }',
      'spec.images[app:x].ready: Invalid value: "string": spec.images[app:x].ready in body must be of type boolean: "string"',
    ],
    [
      '  traffic: { target: web, clients: 2.5 }',
      'spec.traffic.clients: Invalid value: "number": spec.traffic.clients in body must be of type integer: "number"',
    ],
    [
      '  steps: { at: 1s }',
      'spec.steps: Invalid value: "object": spec.steps in body must be of type array: "object"',
    ],
  ])('%s', (spec, message) => {
    expect(errors(scenarioDoc(spec))).toEqual([`${INVALID}${message}`]);
  });

  it('requires a name', () => {
    expect(errors(scenarioDoc('', '{}').replace('metadata: { name: {} }', 'metadata: {}'))).toEqual(
      [
        'Scenario.rolloutlab.dev "" is invalid: metadata.name: Required value: name or generateName is required',
      ],
    );
  });

  it('collects all field errors of the Scenario in one message', () => {
    expect(errors(scenarioDoc('  seed: 1.5\n  cluster: { nodes: -1 }'))).toEqual([
      `${INVALID}[spec.seed: Invalid value: "number": spec.seed in body must be of type integer: "number", ` +
        'spec.cluster.nodes: Invalid value: -1: spec.cluster.nodes in body should be greater than or equal to 1]',
    ]);
  });

  it('rejects unknown fields as strict decoding does', () => {
    expect(errors(scenarioDoc('  trafic: { target: web }'))).toEqual([
      'Scenario in version "v1alpha1" cannot be handled as a Scenario: strict decoding error: unknown field "spec.trafic"',
    ]);
    expect(
      errors(
        scenarioDoc(
          '  defaults: { startup: 1s }\n  steps: [{ at: 1s, kubectl: get pods, note: x }]',
        ),
      ),
    ).toEqual([
      'Scenario in version "v1alpha1" cannot be handled as a Scenario: strict decoding error: ' +
        'unknown field "spec.defaults.startup", unknown field "spec.steps[0].note"',
    ]);
  });
});

describe('Documents kubectl would refuse', () => {
  it('report a YAML syntax error with its line in the file', () => {
    // Lines 1-9 Deployment, 10 `---`, 11-13 the broken Service, 14 the `---` where `}` was due.
    const text = file(
      DEPLOYMENT,
      'apiVersion: v1\nkind: Service\nmetadata: { name: web\n',
      scenarioDoc(),
    );
    expect(errors(text)).toEqual([
      'error: error parsing demo.yaml: error converting YAML to JSON: yaml: line 14: ' +
        'Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('report a bad indent on the line where it happens', () => {
    const text = file(scenarioDoc('  seed: 1\n    duration: 10s'));
    expect(errors(text)[0]).toMatch(
      /^error: error parsing demo\.yaml: error converting YAML to JSON: yaml: line 5: /,
    );
  });

  it('report unknown kinds as the RESTMapper does', () => {
    const route =
      'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: web, namespace: shop }\n';
    const old = DEPLOYMENT.replace('apps/v1', 'extensions/v1beta1');
    expect(errors(file(route, old, scenarioDoc()))).toEqual([
      'error: resource mapping not found for name: "web" namespace: "shop" from "demo.yaml": no matches for kind ' +
        '"ServiceMonitor" in version "monitoring.coreos.com/v1"\nensure CRDs are installed first',
      'error: resource mapping not found for name: "web" namespace: "" from "demo.yaml": no matches for kind ' +
        '"Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first',
    ]);
  });

  it('report a missing apiVersion and kind as client-side validation does', () => {
    const STOP =
      '; if you choose to ignore these errors, turn validation off with --validate=false';
    expect(errors(file('metadata: { name: web }\n', 'kind: Service\n', scenarioDoc()))).toEqual([
      `error: error validating "demo.yaml": error validating data: [apiVersion not set, kind not set]${STOP}`,
      `error: error validating "demo.yaml": error validating data: apiVersion not set${STOP}`,
    ]);
  });

  it('need at most one Scenario (none: one is generated, see import tests)', () => {
    const need =
      'the file needs exactly one document with apiVersion: rolloutlab.dev/v1alpha1 and kind: Scenario';
    expect(errors(file(scenarioDoc(), scenarioDoc('', 'other')))).toEqual([
      `error: error validating "demo.yaml": found 2 Scenario documents: ${need}`,
    ]);
  });
});

describe('A file with problems in several documents', () => {
  it('reports all of them, in file order', () => {
    const badDeployment = DEPLOYMENT.replace('replicas: 3', 'replicas: -1');
    const badService = SERVICE.replace('ports: [{ port: 80 }]', 'ports: []');
    const crd =
      'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: web }\n';
    expect(
      errors(file(badDeployment, crd, badService, scenarioDoc('  traffic: { rps: 5 }'))),
    ).toEqual([
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'error: resource mapping not found for name: "web" namespace: "" from "demo.yaml": no matches for kind ' +
        '"ServiceMonitor" in version "monitoring.coreos.com/v1"\nensure CRDs are installed first',
      'Service "web" is invalid: spec.ports: Required value',
      `${INVALID}spec.traffic.target: Required value`,
    ]);
  });
});
