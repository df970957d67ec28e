/**
 * Completion in the Scenario YAML editor: kinds after `kind:`, their apiVersions after
 * `apiVersion:`, and at a key's place the fields modelled under the keys above, read from the
 * indentation (lists included) — against a schema handed in as data.
 */
import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../src/ui/editor/completion';
import { BASE_SCHEMA } from '../../src/ui/editor/baseSchema';
import type { EditorSchema } from '../../src/ui/editor/schema';

/** Options offered where `|` stands. */
function offered(text: string, schema: EditorSchema = BASE_SCHEMA): string[] | null {
  const pos = text.indexOf('|');
  return completionsAt(text.replace('|', ''), pos, schema)?.options.map((o) => o.label) ?? null;
}

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n';

describe('Completion in the Scenario YAML editor', () => {
  it('offers the kinds the simulator serves, with their apiVersion', () => {
    const r = completionsAt('kind: ', 6, BASE_SCHEMA);
    expect(r?.from).toBe(6);
    expect(r?.options).toContainEqual({ label: 'Deployment', detail: 'apps/v1' });
    expect(r?.options).toContainEqual({ label: 'Rollout', detail: 'argoproj.io/v1alpha1' });
  });

  it("offers the kind's apiVersion once the kind is written", () => {
    expect(offered('kind: HorizontalPodAutoscaler\napiVersion: |')).toEqual(['autoscaling/v2']);
  });

  it('offers the fields under the keys above, by indentation', () => {
    expect(offered(`${DEPLOYMENT}  strategy:\n    rollingUpdate:\n      m|`)).toEqual([
      'maxSurge',
      'maxUnavailable',
    ]);
    expect(offered(`${DEPLOYMENT}  rep|`)).toContain('minReadySeconds');
  });

  it('follows list items, indented or not', () => {
    const containers = `${DEPLOYMENT}  template:\n    spec:\n      containers:\n`;
    expect(offered(`${containers}      - name: web\n        read|`)).toContain('readinessProbe');
    expect(offered(`${containers}      - |`)).toContain('image');
    expect(
      offered(`${containers}      - name: web\n        readinessProbe:\n          |`),
    ).toContain('periodSeconds');
  });

  it('reads the schema it is given, for the document the cursor is in', () => {
    const schema: EditorSchema = {
      'example.dev/v1 Widget': { fields: { spec: { fields: { colour: {} } } } },
    };
    expect(
      offered(
        `${DEPLOYMENT}  replicas: 1\n---\napiVersion: example.dev/v1\nkind: Widget\nspec:\n  |`,
        schema,
      ),
    ).toEqual(['colour']);
    expect(offered('kind: |', schema)).toEqual(['Widget']);
  });

  it('offers nothing inside a value the simulator does not model', () => {
    expect(offered(`${DEPLOYMENT}  template:\n    metadata:\n      labels:\n        |`)).toBeNull();
  });
});
