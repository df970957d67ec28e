/**
 * The editor's Problems: each message parseScenario gives, on the line of the field it names,
 * in the API server's (or kubectl's) own words with the field path.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { locateIgnored, locateProblems, splitCauses } from '../../../src/sim/scenario/locate';

const SCENARIO = `---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: t }
spec: { duration: 60s }
`;

/** The 1-based line of the `n`th line holding `needle`. */
function lineOf(text: string, needle: string, n = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').includes(needle) && ++seen === n) return i + 1;
  }
  throw new Error(`no line ${n} with ${needle}`);
}

function problems(text: string) {
  const r = parseScenario(text, 'lab.yaml');
  if (r.ok) throw new Error('expected problems');
  return locateProblems(text, r.errors);
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: -1
  selector: { matchLabels: { app: web } }
  strategy:
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 0
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          ports: [{ containerPort: 99999 }]
`;

describe('When an object has several invalid fields', () => {
  const text = WEB + SCENARIO;
  const found = problems(text);

  it('gives each cause its own problem on the line of its field, in the server words', () => {
    const at = (path: string) => found.find((p) => p.message.includes(`${path}: `));
    expect(at('spec.strategy.rollingUpdate.maxUnavailable')).toEqual({
      line: lineOf(text, 'maxUnavailable: 0'),
      message:
        'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    });
    expect(at('spec.replicas')?.line).toBe(lineOf(text, 'replicas: -1'));
    expect(at('spec.template.spec.containers[0].ports[0].containerPort')?.line).toBe(
      lineOf(text, 'containerPort: 99999'),
    );
    expect(found).toHaveLength(4);
  });

  it('puts a missing field on its nearest existing ancestor', () => {
    const image = found.find((p) => p.message.endsWith('containers[0].image: Required value'));
    expect(image?.line).toBe(lineOf(text, '- name: web'));
  });
});

describe('When the API server or kubectl rejects a document as a whole', () => {
  it('puts a retired apiVersion on the apiVersion line of that object', () => {
    const text = `${SCENARIO}---
# the tutorial's Deployment
apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: httpd
spec:
  replicas: 3
`;
    expect(problems(text)).toEqual([
      {
        line: lineOf(text, 'apiVersion: apps/v1beta1'),
        message:
          'error: resource mapping not found for name: "httpd" namespace: "" from "lab.yaml": no matches for kind "Deployment" in version "apps/v1beta1"\nensure CRDs are installed first',
      },
    ]);
  });

  it("puts kubectl's client-side check on the document's first line", () => {
    const text = `${SCENARIO}---
kind: Deployment
metadata: { name: web }
`;
    const [p] = problems(text);
    expect(p?.message).toContain('apiVersion not set');
    expect(p?.line).toBe(lineOf(text, 'kind: Deployment'));
  });

  it('keeps the line a YAML syntax error carries', () => {
    const text = `${SCENARIO}---
apiVersion: v1
kind: Service
metadata: { name: web
`;
    const [p] = problems(text);
    expect(p?.message).toMatch(
      /^error: error parsing lab\.yaml: error converting YAML to JSON: yaml: line \d+: /,
    );
    expect(p?.line).toBe(Number(/line (\d+)/.exec(p?.message ?? '')?.[1]));
    expect(p?.line).toBeGreaterThan(6);
  });

  it('puts a wrongly typed field (a decode error) on that field', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  replicas: "3"
  template: {}
${SCENARIO}`;
    expect(problems(text)).toEqual([
      {
        line: lineOf(text, 'replicas: "3"'),
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ]);
  });

  it('finds a wrongly typed field inside a list on the item that has it', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: a
          image: app:v1
        - name: b
          image: 5
${SCENARIO}`;
    const [p] = problems(text);
    expect(p?.message).toContain('cannot unmarshal number into Go struct field');
    expect(p?.line).toBe(lineOf(text, 'image: 5'));
  });

  it("puts the Scenario's unknown fields on their lines", () => {
    const text = `apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: t }
spec:
  duration: 60s
  surprise: 1
`;
    expect(problems(text)).toEqual([
      {
        line: 6,
        message:
          'Scenario in version "v1alpha1" cannot be handled as a Scenario: strict decoding error: unknown field "spec.surprise"',
      },
    ]);
  });
});

describe('When two objects share a kind and name', () => {
  it('sends the problem to the one that has the field: here the Scenario step that applies it', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: t }
spec:
  steps:
    - at: 10s
      apply:
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web }
        spec:
          replicas: -2
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec: { containers: [{ name: web, image: "app:v2" }] }
`;
    expect(problems(text)).toEqual([
      {
        line: lineOf(text, 'replicas: -2'),
        message:
          'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0',
      },
    ]);
  });

  it('finds an item of a v1 List', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: web }
    spec: { selector: { app: web }, ports: [{ port: 80 }] }
  - apiVersion: v1
    kind: Service
    metadata: { name: api }
    spec:
      selector: { app: api }
      ports:
        - port: 70000
${SCENARIO}`;
    const [p] = problems(text);
    expect(p?.message).toMatch(
      /^Service "api" is invalid: spec\.ports\[0\]\.port: Invalid value: 70000/,
    );
    expect(p?.line).toBe(lineOf(text, 'port: 70000'));
  });
});

describe('Ignored items', () => {
  it('map to the line of their path in their document, or its first line', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: { name: c }
---
# a Deployment
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      affinity: {}
      containers: [{ name: web, image: "app:v1" }]
`;
    const lines = locateIgnored(text, [
      { doc: 0, path: '', what: 'kind ConfigMap is not simulated' },
      { doc: 1, path: 'spec.template.spec.affinity', what: 'affinity is not simulated' },
      { doc: 1, path: 'spec.template.spec.volumes', what: 'not there: nearest ancestor' },
      { doc: 7, path: '', what: 'no such document' },
    ]);
    expect(lines).toEqual([1, lineOf(text, 'affinity'), lineOf(text, '    spec:'), null]);
  });
});

describe('splitCauses', () => {
  it('splits an aggregate only where a field path starts, not at commas inside a message', () => {
    const msg =
      '[metadata.name: Invalid value: "W": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\' (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\'), spec.type: Unsupported value: "X": supported values: "ClusterIP", "NodePort"]';
    expect(splitCauses(msg).map((c) => c.split(':')[0])).toEqual(['metadata.name', 'spec.type']);
  });
});
