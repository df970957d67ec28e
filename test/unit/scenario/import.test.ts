/**
 * Import (issue 11 items 1 and 3) at the parser: the Scenario generated for manifests alone,
 * kubectl's Lists, what is ignored (kinds and fields, each with its document and path), and what
 * still stops a file.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse';
import type { ParseResult } from '../../../src/sim/scenario/scenario';
import { MODELLED_FIELDS, modelledFieldsAt } from '../../../src/sim/scenario/modelledFields';

const deployment = (name = 'web', replicas = 3, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${extra}      containers: [{ name: web, image: "nginx:1.26.2", ports: [{ containerPort: 8080 }] }]
`;
const service = (name = 'web') => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app: ${name} }, ports: [{ port: 80, targetPort: 8080 }] }
`;
const scenario = `apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: demo }
spec: { traffic: { target: web, rps: 5 } }
`;
const file = (...docs: string[]) => docs.join('---\n');

function parsed(text: string, name = 'shop.yaml'): Extract<ParseResult, { ok: true }> {
  const r = parseScenario(text, name);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

describe('A file with manifests and no Scenario', () => {
  it('gets a generated Scenario, named for the file, whose YAML is given for editing', () => {
    const r = parsed(file(deployment(), service()), 'my shop.yaml');
    expect(r.scenario).toMatchObject({
      name: 'my-shop',
      seed: 1,
      duration: 300_000,
      traffic: { target: 'web', rps: 30, clients: 100 },
      steps: [],
    });
    expect(r.notes[0]).toBe(
      'no Scenario document in my shop.yaml: generated Scenario "my-shop" with seed 1, duration 300s and ' +
        '30 requests/s to Service web (10 per replica for 3, within 10–200)',
    );
    // The text is what ran: the same file with it pasted in gives the same Scenario.
    const again = parsed(file(deployment(), service(), r.generatedScenario!), 'my shop.yaml');
    expect(again.scenario).toEqual(r.scenario);
    expect(again.generatedScenario).toBeUndefined();
    expect(again.notes).toEqual([]);
  });

  it('suggests a rollout to try, which runs when uncommented', () => {
    const text = parsed(deployment()).generatedScenario!;
    expect(text).toContain('  #     kubectl: set image deployment/web web=nginx:1.26.3\n');
    const uncommented = text.replace(/^ {2}# (steps:| {2}- at| {4}kubectl)/gm, '  $1');
    const r = parsed(file(deployment(), uncommented));
    expect(r.scenario.steps).toMatchObject([
      { at: 30_000, kind: 'kubectl', command: 'set image deployment/web web=nginx:1.26.3' },
    ]);
  });

  it('keeps the rate within bounds: 10 requests/s at least, 200 at most', () => {
    expect(parsed(file(deployment('web', 0), service())).scenario.traffic?.rps).toBe(10);
    expect(parsed(file(deployment('web', 50), service())).scenario.traffic?.rps).toBe(200);
    const two = parsed(file(deployment('a', 2), deployment('b', 5), service('b')));
    expect(two.scenario.traffic).toMatchObject({ target: 'b', rps: 70 });
  });

  it('runs long enough for a slow rollout to be tried and finish', () => {
    const slow = deployment('web', 40).replace(
      'replicas: 40',
      'replicas: 40\n  minReadySeconds: 30',
    );
    // 40 replicas in 25 % waves (5 waves) of 3 s start + 30 s minReadySeconds: 165 s; twice that plus 2 min.
    expect(parsed(slow).scenario.duration).toBe(480_000);
  });

  it('sends traffic to the VirtualService host rather than the Service behind it', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web }
spec:
  hosts: [web.example.com]
  http: [{ route: [{ destination: { host: web } }] }]
`;
    const r = parsed(file(deployment(), service(), vs));
    expect(r.scenario.traffic?.target).toBe('web.example.com');
    expect(r.notes[0]).toContain('to VirtualService host web.example.com');
  });

  it('with no Service sends no traffic and says how to add one', () => {
    const r = parsed(deployment());
    expect(r.scenario.traffic).toBeNull();
    expect(r.notes[1]).toMatch(/^no Service in shop\.yaml, so no traffic is sent: add a Service/);
    expect(r.generatedScenario).not.toMatch(/^ {2}traffic:/m);
    // With the Service the note gives, the commented traffic block sends traffic to it.
    const svc = /makes it: `(.*)`$/.exec(r.notes[1]!)![1]!;
    const scenarioText = r.generatedScenario!.replace(
      /^ {2}# ( {2})?(traffic|target|rps)/gm,
      '  $1$2',
    );
    const again = parsed(file(deployment(), `${svc}\n`, scenarioText));
    expect(again.scenario.traffic).toMatchObject({ target: 'web', rps: 30 });
  });

  it('is not generated when the file has an error, and two Scenarios are still an error', () => {
    const bad = parseScenario(deployment('web', -1), 'shop.yaml');
    expect(bad.ok).toBe(false);
    expect(bad.generatedScenario).toBeUndefined();
    const two = parseScenario(file(deployment(), scenario, scenario), 'shop.yaml');
    expect(two.ok ? [] : two.errors).toEqual([
      'error: error validating "shop.yaml": found 2 Scenario documents: the file needs exactly one document ' +
        'with apiVersion: rolloutlab.dev/v1alpha1 and kind: Scenario',
    ]);
  });

  it('is not generated for a file with no objects at all: kubectl has nothing to apply', () => {
    for (const text of ['', '# just a comment\n', '---\n---\n'])
      expect(parseScenario(text, 'shop.yaml')).toMatchObject({
        ok: false,
        errors: ['error: no objects passed to apply'],
      });
  });

  it('is not generated when the file has its own', () => {
    const r = parsed(file(deployment(), service(), scenario));
    expect(r.scenario.name).toBe('demo');
    expect(r.generatedScenario).toBeUndefined();
    expect(r.notes).toEqual([]);
  });
});

describe('Lists from kubectl', () => {
  it('opens a typed List whose items carry no apiVersion or kind, as the API serves them', () => {
    const list = `apiVersion: apps/v1
kind: DeploymentList
metadata: { resourceVersion: "5123" }
items:
- metadata: { name: web, uid: 1f0c, resourceVersion: "5120" }
  spec:
    replicas: 2
    selector: { matchLabels: { app: web } }
    template:
      metadata: { labels: { app: web } }
      spec: { containers: [{ name: web, image: "nginx:1.26.2" }] }
  status: { replicas: 2 }
`;
    const r = parsed(file(list, service()));
    expect(
      r.scenario.manifests.map((m) => `${m.apiVersion} ${m.kind}/${m.metadata?.name}`),
    ).toEqual(['apps/v1 Deployment/web', 'v1 Service/web']);
    expect(r.scenario.manifests[0]).not.toHaveProperty('status');
    expect(r.scenario.manifests[0]!.metadata).not.toHaveProperty('uid');
  });

  it('runs an exported Pod whose owner is not in the file as a bare Pod, without what the cluster set', () => {
    const exportText = readFileSync('test/fixtures/import/kubectl-get-export.yaml', 'utf8');
    const items = (parseAllDocuments(exportText)[0]!.toJS() as { items: unknown[] }).items;
    const pod = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [items[2]] });
    const r = parsed(pod);
    const [m] = r.scenario.manifests;
    expect(m!.kind).toBe('Pod');
    expect(m!.metadata).toEqual({
      name: 'web-6d8f9c7b5d-4xk2p',
      namespace: 'default',
      generateName: 'web-6d8f9c7b5d-',
      labels: { app: 'web', 'pod-template-hash': '6d8f9c7b5d' },
    });
    const spec = (m as { spec: Record<string, unknown> }).spec;
    for (const f of ['nodeName', 'volumes', 'tolerations', 'serviceAccountName', 'dnsPolicy'])
      expect(spec).not.toHaveProperty(f);
    expect(r.ignored).toEqual([
      {
        doc: 0,
        path: 'items[0].metadata.generateName',
        what: 'Pod/web-6d8f9c7b5d-4xk2p items[0].metadata.generateName: not simulated',
      },
    ]);
  });
});

describe('Objects owned by others in the file', () => {
  const owned = (kind: string, owner: string) =>
    `metadata:\n  ownerReferences: [{ apiVersion: apps/v1, kind: ${owner}, name: web, uid: u1, controller: true }]\n`;
  it('are skipped only when the owner’s controller creates them again', () => {
    const deploy = deployment().replace(
      'metadata: { name: web }',
      'metadata: { name: web, uid: u1 }',
    );
    const rs = deployment('web-5d4f', 3)
      .replace('kind: Deployment', 'kind: ReplicaSet')
      .replace(
        'metadata: { name: web-5d4f }',
        `${owned('ReplicaSet', 'Deployment')}  name: web-5d4f`,
      );
    const svc = service().replace(
      'metadata: { name: web }',
      `${owned('Service', 'Deployment')}  name: web`,
    );
    const oldRs = rs.replace(/web-5d4f/g, 'web-77b9').replace('replicas: 3', 'replicas: 0');
    const r = parsed(file(deploy, rs, svc, oldRs));
    expect(r.scenario.manifests.map((m) => m.kind)).toEqual(['Deployment', 'Service']);
    expect(r.ignored).toEqual([
      {
        doc: 1,
        path: '',
        what: 'ReplicaSet/web-5d4f: owned by Deployment/web in this file, whose controller creates it again',
      },
      {
        doc: 3,
        path: '',
        what: 'ReplicaSet/web-77b9: an old revision of Deployment/web in this file; the run starts from its current template as revision 1',
      },
    ]);
  });
});

describe('What the simulator does not model', () => {
  it('is listed kind by kind and field by field, with document and path, and the file still runs', () => {
    const affinity =
      '      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } }\n' +
      '      tolerations: [{ key: spot, operator: Exists }]\n';
    const list = `apiVersion: v1
kind: List
items:
- ${service().trimEnd().replace(/\n/g, '\n  ')}
- ${deployment('web', 3, affinity).trimEnd().replace(/\n/g, '\n  ')}
`;
    const text = [
      '', // with the next line: `---`, a comment and `---`, an empty first document as helm prints
      '# Source: chart/templates/hpa.yaml (rendered empty)\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { mode: fast }\n',
      'apiVersion: v1\nkind: Secret\nmetadata: { name: token }\nstringData: { t: x }\n',
      list,
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web }\n' +
        'spec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  maxReplicas: 5\n' +
        '  behavior: { scaleDown: { stabilizationWindowSeconds: 60 } }\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }\n',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: widgets.example.com }\n' +
        'spec: { group: example.com, names: { kind: Widget, plural: widgets }, scope: Namespaced, versions: [{ name: v1, served: true, storage: true }] }\n',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n',
      scenario,
    ].join('---\n');
    const r = parsed(text);
    expect(r.scenario.manifests.map((m) => m.kind)).toEqual([
      'Service',
      'Deployment',
      'HorizontalPodAutoscaler',
    ]);
    expect(r.ignored.map((i) => [i.doc, i.path, i.what])).toEqual([
      [
        1,
        '',
        'ConfigMap/settings: kind ConfigMap (v1) is not simulated: the simulated app takes its behaviour from the Scenario, by image',
      ],
      [
        2,
        '',
        'Secret/token: kind Secret (v1) is not simulated: the simulated app takes its behaviour from the Scenario, by image',
      ],
      [
        3,
        'items[1].spec.template.spec.affinity',
        'Deployment/web items[1].spec.template.spec.affinity: the scheduler places pods by resource fit and spreading only',
      ],
      [
        3,
        'items[1].spec.template.spec.tolerations',
        'Deployment/web items[1].spec.template.spec.tolerations: simulated nodes have no taints',
      ],
      [
        4,
        'spec.behavior',
        'HorizontalPodAutoscaler/web spec.behavior: the autoscaler uses the default behavior',
      ],
      [
        5,
        '',
        'Ingress/web: kind Ingress (networking.k8s.io/v1) is not simulated: send traffic to a Service (traffic.target in the Scenario) instead',
      ],
      [
        6,
        '',
        'CustomResourceDefinition/widgets.example.com: kind CustomResourceDefinition (apiextensions.k8s.io/v1) is not simulated',
      ],
      [7, '', 'Widget/w: kind Widget (example.com/v1) is not simulated'],
    ]);
  });

  it('names fields inside containers by index', () => {
    const extra = deployment().replace(
      'ports: [{ containerPort: 8080 }] }]',
      'ports: [{ containerPort: 8080 }] }, { name: sidecar, image: envoy, env: [{ name: A, value: b }], lifecycle: { preStop: { exec: { command: [sleep, "5"] } } } }]',
    );
    expect(parsed(extra).ignored.map((i) => i.path)).toEqual([
      'spec.template.spec.containers[1].env',
      'spec.template.spec.containers[1].lifecycle',
    ]);
  });

  it('still stops a file for a kind no cluster serves, a removed version, or a retired workload version', () => {
    const errs = (doc: string) => {
      const r = parseScenario(file(doc, scenario), 'shop.yaml');
      return r.ok ? [] : r.errors;
    };
    const mapping = (name: string, kind: string, version: string) =>
      `error: resource mapping not found for name: "${name}" namespace: "" from "shop.yaml": no matches for kind ` +
      `"${kind}" in version "${version}"\nensure CRDs are installed first`;
    expect(errs('apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n')).toEqual([
      mapping('w', 'Widget', 'example.com/v1'),
    ]);
    expect(
      errs('apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: web }\n'),
    ).toEqual([mapping('web', 'Ingress', 'networking.k8s.io/v1beta1')]);
    for (const v of ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'])
      expect(errs(deployment().replace('apps/v1', v))).toEqual([mapping('web', 'Deployment', v)]);
  });

  it('keeps inline apply steps as they were: an unmodelled kind there is still an error', () => {
    const step = scenario.replace(
      'spec: { traffic: { target: web, rps: 5 } }',
      'spec:\n  steps:\n    - at: 1s\n      apply: { apiVersion: v1, kind: ConfigMap, metadata: { name: c } }\n',
    );
    const r = parseScenario(file(deployment(), step), 'shop.yaml');
    expect(r.ok ? [] : r.errors).toEqual([
      'error: resource mapping not found for name: "c" namespace: "" from "shop.yaml": no matches for kind "ConfigMap" in version "v1"\nensure CRDs are installed first',
    ]);
  });
});

describe('The tree of modelled fields', () => {
  it('answers what is modelled under a path, for completion', () => {
    expect(Object.keys(modelledFieldsAt('Deployment', ['spec']) as object)).toContain('strategy');
    expect(
      modelledFieldsAt('Deployment', ['spec', 'template', 'spec', 'containers']),
    ).toMatchObject({
      readinessProbe: {},
      resources: { requests: { cpu: true, memory: true } },
    });
    expect(modelledFieldsAt('Deployment', ['spec', 'template', 'spec', 'volumes'])).toBeUndefined();
    expect(modelledFieldsAt('Service', ['metadata', 'labels', 'app'])).toBe(true);
    expect(modelledFieldsAt('ConfigMap', [])).toBeUndefined();
    expect(Object.keys(MODELLED_FIELDS)).toContain('Rollout');
  });
});
