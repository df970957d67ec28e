/**
 * "Convert to apps/v1" on manifests as tutorials print them: the selector the old version took
 * from the template, the old defaults made explicit where the user left a field out, nothing the
 * user wrote changed, comments and other documents kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  convertRetiredVersions,
  hasRetiredVersion,
} from '../../../src/sim/scenario/convertApiVersion';
import { parseScenario } from '../../../src/sim/scenario/parse';

const tutorial = (name: string) => readFileSync(`test/fixtures/tutorials/${name}`, 'utf8');
type Rec = Record<string, unknown> & { spec: Rec; metadata: Rec };
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Rec);

const SCENARIO = `---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: t }
spec: { duration: 60s }
`;

describe('When an extensions/v1beta1 Deployment is converted (deployment-demo)', () => {
  const source = tutorial('deployment-demo-extensions-v1beta1.yaml');
  const { text, changes } = convertRetiredVersions(source);
  const [d] = docs(text) as [Rec];

  it("writes out extensions/v1beta1's defaults: 1/1, every old ReplicaSet kept, no deadline", () => {
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.spec.strategy).toEqual({ rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } });
    expect(d.spec.revisionHistoryLimit).toBe(2147483647);
    expect(d.spec.progressDeadlineSeconds).toBe(2147483647);
    expect(changes).toEqual([
      'Deployment "deployment-demo": apiVersion: extensions/v1beta1 → apps/v1',
      'Deployment "deployment-demo": metadata.labels: added from the template\'s labels {app: deployment-demo-nginx, version: v0.1}',
      'Deployment "deployment-demo": spec.strategy.rollingUpdate.maxSurge: 1 (extensions/v1beta1\'s default)',
      'Deployment "deployment-demo": spec.strategy.rollingUpdate.maxUnavailable: 1 (extensions/v1beta1\'s default)',
      'Deployment "deployment-demo": spec.revisionHistoryLimit: 2147483647 (extensions/v1beta1\'s default: every old ReplicaSet is kept)',
      'Deployment "deployment-demo": spec.progressDeadlineSeconds: 2147483647 (extensions/v1beta1\'s default: no progress deadline)',
    ]);
  });

  it('keeps what the user wrote: the selector, minReadySeconds, the template', () => {
    const old = docs(source)[0] as Rec;
    expect(d.spec.selector).toEqual(old.spec.selector);
    expect(d.spec.minReadySeconds).toBe(10);
    expect(d.spec.replicas).toBe(4);
    expect(d.spec.template).toEqual(old.spec.template);
  });

  it('gives metadata.labels from the template, as the old version defaulted them', () => {
    expect(d.metadata.labels).toEqual({ app: 'deployment-demo-nginx', version: 'v0.1' });
  });

  it("keeps the source's layout: every original line is still there, in order", () => {
    const want = source.replace('extensions/v1beta1', 'apps/v1').split('\n');
    const got = text.split('\n');
    let at = 0;
    for (const line of got) if (line === want[at]) at++;
    expect(at).toBe(want.length);
    expect(got.length - want.length).toBe(9); // labels 3, strategy 4, history and deadline
  });

  it('is accepted by the API server as apps/v1', () => {
    expect(parseScenario(text + SCENARIO, 'demo.yaml').ok).toBe(true);
  });
});

describe('When an apps/v1beta1 Deployment without a selector is converted (httpd)', () => {
  const { text, changes } = convertRetiredVersions(tutorial('httpd-apps-v1beta1.yaml'));
  const [d] = docs(text) as [Rec];

  it("adds the selector from the template's labels and apps/v1beta1's defaults", () => {
    expect(d.spec.selector).toEqual({ matchLabels: { run: 'httpd' } });
    expect(d.spec.strategy).toEqual({ rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(2);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(changes).toContain(
      'Deployment "httpd": spec.selector: added from the template\'s labels {run: httpd}',
    );
    expect(changes).toContain(
      'Deployment "httpd": spec.revisionHistoryLimit: 2 (apps/v1beta1\'s default)',
    );
  });

  it('puts the new fields before the template and says why on their line', () => {
    const lines = text.split('\n');
    expect(lines.indexOf("  revisionHistoryLimit: 2 # apps/v1beta1's default")).toBeGreaterThan(0);
    expect(lines.indexOf('  selector:')).toBeLessThan(lines.indexOf('  template:'));
    expect(text).toContain(
      '      - name: httpd\n        image: httpd:2.2.31\n        ports:\n        - containerPort: 80',
    );
  });

  it('is accepted by the API server as apps/v1', () => {
    expect(parseScenario(text + SCENARIO, 'httpd.yaml').ok).toBe(true);
  });
});

describe('When the user set the strategy and history themselves (testpage)', () => {
  const source = tutorial('testpage-extensions-v1beta1.yaml');
  const { text, changes } = convertRetiredVersions(source);

  it('changes none of them and adds only what was left out', () => {
    const [, d] = docs(text) as [Rec, Rec];
    expect(d.spec.revisionHistoryLimit).toBe(3);
    expect(d.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(d.spec.progressDeadlineSeconds).toBe(2147483647);
    expect(d.metadata.labels).toEqual({ type: 'testpage' });
    expect(changes.map((c) => c.split(': ')[1])).toEqual([
      'apiVersion',
      'spec.selector',
      'spec.progressDeadlineSeconds',
    ]);
  });

  it('leaves the other document (the Service) byte for byte', () => {
    const service = source.slice(0, source.indexOf('---'));
    expect(text.startsWith(`${service}---\n`)).toBe(true);
  });
});

describe('apps/v1beta2 and ReplicaSets', () => {
  it('apps/v1beta2 changes only its apiVersion (its defaults are apps/v1’s)', () => {
    const source = `apiVersion: apps/v1beta2
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
`;
    const { text, changes } = convertRetiredVersions(source);
    expect(text).toBe(source.replace('apps/v1beta2', 'apps/v1'));
    expect(changes).toEqual(['Deployment "web": apiVersion: apps/v1beta2 → apps/v1']);
  });

  it('an apps/v1beta2 Deployment without a selector gets one, and says apps/v1beta2 required it', () => {
    const { changes } = convertRetiredVersions(`apiVersion: apps/v1beta2
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
`);
    expect(changes[1]).toBe(
      'Deployment "web": spec.selector: added from the template\'s labels {app: web} (apps/v1beta2 required it too; apps/v1 has no default)',
    );
  });

  it('an extensions/v1beta1 ReplicaSet gets its selector and labels and no Deployment defaults', () => {
    const { text } = convertRetiredVersions(`apiVersion: extensions/v1beta1
kind: ReplicaSet
metadata: { name: web }
spec:
  replicas: 2
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
`);
    const [rs] = docs(text) as [Rec];
    expect(rs.apiVersion).toBe('apps/v1');
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(Object.keys(rs.spec)).toEqual(['replicas', 'selector', 'template']);
  });

  it('a Recreate Deployment gets no rollingUpdate numbers', () => {
    const { text } = convertRetiredVersions(`apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: web, labels: { team: a } }
spec:
  strategy: { type: Recreate }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
`);
    const [d] = docs(text) as [Rec];
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
    expect(d.metadata.labels).toEqual({ team: 'a' });
    expect(parseScenario(text + SCENARIO, 'r.yaml').ok).toBe(true);
  });

  it('drops rollbackTo, which apps/v1 does not have', () => {
    const { text, changes } = convertRetiredVersions(`apiVersion: apps/v1beta1
kind: Deployment
metadata: { name: web }
spec:
  rollbackTo: { revision: 1 }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
`);
    expect((docs(text)[0] as Rec).spec.rollbackTo).toBeUndefined();
    expect(changes).toContain(
      'Deployment "web": spec.rollbackTo: removed (apps/v1 has no rollbackTo; kubectl rollout undo rolls back)',
    );
  });
});

describe('Comments, Lists, JSON and everything else', () => {
  it('keeps comments, wherever they are', () => {
    const source = `# from the tutorial, chapter 3
apiVersion: apps/v1beta1 # the old group
kind: Deployment
metadata:
  name: web
spec:
  # three is enough
  replicas: 3
  template:
    metadata:
      labels: { app: web } # flow style kept
    spec:
      containers:
        - name: web
          image: "app:v1" # quoted
# the end
`;
    const { text } = convertRetiredVersions(source);
    for (const line of [
      '# from the tutorial, chapter 3',
      'apiVersion: apps/v1 # the old group',
      '  # three is enough',
      '      labels: { app: web } # flow style kept',
      '          image: "app:v1" # quoted',
      '# the end',
    ])
      expect(text.split('\n')).toContain(line);
  });

  it('converts the items of a kubectl get -o yaml List and nothing else', () => {
    const source = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: web }
    spec: { selector: { app: web }, ports: [{ port: 80 }] }
  - apiVersion: extensions/v1beta1
    kind: Deployment
    metadata: { name: web }
    spec:
      template:
        metadata: { labels: { app: web } }
        spec: { containers: [{ name: web, image: "app:v1" }] }
`;
    const { text, changes } = convertRetiredVersions(source);
    const list = parse(text) as { items: Rec[] };
    expect(list.items[0]).toEqual((parse(source) as { items: Rec[] }).items[0]);
    expect(list.items[1]?.apiVersion).toBe('apps/v1');
    expect(list.items[1]?.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(changes[0]).toBe('Deployment "web": apiVersion: extensions/v1beta1 → apps/v1');
  });

  it('writes a flow-style spec back as flow, without comments that would break it over lines', () => {
    const source = `apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: web }
spec: { replicas: 3, strategy: {}, template: { metadata: { labels: { app: web } } } }
`;
    const { text } = convertRetiredVersions(source);
    const [doc] = parseAllDocuments(text);
    expect(doc?.errors).toEqual([]);
    expect(text).not.toContain('#');
    expect((doc?.toJS() as Rec).spec.strategy).toEqual({
      rollingUpdate: { maxSurge: 1, maxUnavailable: 1 },
    });
  });

  it('keeps Windows line ends', () => {
    const source = tutorial('httpd-apps-v1beta1.yaml').replace(/\n/g, '\r\n');
    const { text } = convertRetiredVersions(source);
    expect(text).toContain('apiVersion: apps/v1\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps a JSON document JSON', () => {
    const source = JSON.stringify({
      apiVersion: 'apps/v1beta1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'app:v1' }] },
        },
      },
    });
    const { text } = convertRetiredVersions(source);
    const d = JSON.parse(text) as Rec;
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.spec.revisionHistoryLimit).toBe(2);
    expect(Object.keys(d.spec)).toEqual([
      'selector',
      'strategy',
      'revisionHistoryLimit',
      'progressDeadlineSeconds',
      'template',
    ]);
  });

  it('leaves a text with nothing retired, or a broken document, exactly as it was', () => {
    const fine = `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n`;
    expect(convertRetiredVersions(fine)).toEqual({ text: fine, changes: [] });
    const broken = `apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: { name: web\n---\napiVersion: extensions/v1beta1\nkind: ReplicaSet\nmetadata: { name: rs }\n`;
    const { text, changes } = convertRetiredVersions(broken);
    expect(text).toBe(broken.replace('extensions/v1beta1', 'apps/v1'));
    expect(changes).toEqual(['ReplicaSet "rs": apiVersion: extensions/v1beta1 → apps/v1']);
  });

  it('is done after one pass: converting again changes nothing', () => {
    const once = convertRetiredVersions(tutorial('testpage-extensions-v1beta1.yaml')).text;
    expect(convertRetiredVersions(once)).toEqual({ text: once, changes: [] });
    expect(hasRetiredVersion(once)).toBe(false);
    expect(hasRetiredVersion(tutorial('testpage-extensions-v1beta1.yaml'))).toBe(true);
  });
});
