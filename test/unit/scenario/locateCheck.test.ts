/**
 * The worker API the editor calls: check(text) gives each problem on its line and says when
 * "Convert to apps/v1" can help; convert(text) gives the new text and what changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimApi } from '../../../src/worker/api';

const api = createSimApi({ now: () => 0, after: () => () => undefined });
const httpd = readFileSync('test/fixtures/tutorials/httpd-apps-v1beta1.yaml', 'utf8');
const SCENARIO = `---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: t }
spec: { duration: 60s }
`;

describe('When the editor holds a tutorial Deployment of a retired version', () => {
  it('check puts the API error on the apiVersion line and says the text is convertible', async () => {
    const r = await api.check(`# pasted from the tutorial\n${httpd}${SCENARIO}`, 'lab.yaml');
    expect(r.ok).toBe(false);
    expect(r.convertible).toBe(true);
    expect(r.problems).toEqual([
      {
        line: 2,
        message:
          'error: resource mapping not found for name: "httpd" namespace: "" from "lab.yaml": no matches for kind "Deployment" in version "apps/v1beta1"\nensure CRDs are installed first',
      },
    ]);
  });

  it('convert gives text that checks clean, with the changes listed', async () => {
    const { text, changes } = await api.convert(httpd + SCENARIO);
    expect(changes[0]).toBe('Deployment "httpd": apiVersion: apps/v1beta1 → apps/v1');
    const r = await api.check(text, 'lab.yaml');
    expect(r).toMatchObject({ ok: true, problems: [], convertible: false });
  });

  it('an invalid field after converting is on its own line', async () => {
    const { text } = await api.convert(httpd.replace('replicas: 3', 'replicas: -1') + SCENARIO);
    const r = await api.check(text, 'lab.yaml');
    const line = text.split('\n').indexOf('  replicas: -1') + 1;
    expect(r.problems).toEqual([
      {
        line,
        message:
          'Deployment.apps "httpd" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
    ]);
  });
});

describe('Every retired version the simulator knows the kind of', () => {
  it.each([
    ['extensions/v1beta1', 'Deployment'],
    ['apps/v1beta1', 'Deployment'],
    ['apps/v1beta2', 'Deployment'],
    ['extensions/v1beta1', 'ReplicaSet'],
    ['apps/v1beta2', 'ReplicaSet'],
  ])(
    '%s %s: rejected on its apiVersion line, convertible, clean once converted',
    async (v, kind) => {
      const text = `kind: ${kind}
metadata:
  name: web
  namespace: shop
apiVersion: ${v}
spec:
  replicas: 2
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "app:v1" }] }
${SCENARIO}`;
      const r = await api.check(text, 'lab.yaml');
      expect(r.convertible).toBe(true);
      expect(r.problems).toEqual([
        {
          line: 5,
          message: `error: resource mapping not found for name: "web" namespace: "shop" from "lab.yaml": no matches for kind "${kind}" in version "${v}"\nensure CRDs are installed first`,
        },
      ]);
      const converted = await api.check((await api.convert(text)).text, 'lab.yaml');
      expect(converted).toMatchObject({ ok: true, problems: [], convertible: false });
    },
  );
});
