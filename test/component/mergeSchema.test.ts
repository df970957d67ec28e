/**
 * Completion offers what the simulator models: the worker's tree of modelled fields laid over
 * the editor's own shapes (which know where lists are and the keys under a wholly modelled
 * subtree).
 */
import { describe, expect, it } from 'vitest';
import { mergeSchema } from '../../src/ui/editor/mergeSchema';
import { BASE_SCHEMA } from '../../src/ui/editor/baseSchema';
import { editorSchema } from '../../src/sim/scenario/editorSchema';

const fieldsAt = (node: { fields?: Record<string, unknown> } | undefined) =>
  Object.keys(node?.fields ?? {});

describe('the completion schema', () => {
  const merged = mergeSchema(editorSchema(), BASE_SCHEMA);
  const deployment = merged['apps/v1 Deployment'];
  const podSpec = deployment?.fields?.spec?.fields?.template?.fields?.spec;
  const container = podSpec?.fields?.containers?.items;

  it('offers a container’s modelled fields and not the ones the simulator ignores', () => {
    expect(fieldsAt(container)).toEqual(expect.arrayContaining(['image', 'readinessProbe']));
    // The editor's own shapes know `env`; the simulator does not read it.
    expect(
      fieldsAt(
        BASE_SCHEMA['apps/v1 Deployment']?.fields?.spec?.fields?.template?.fields?.spec?.fields
          ?.containers?.items,
      ),
    ).toContain('env');
    expect(fieldsAt(container)).not.toContain('env');
  });

  it('keeps the editor’s knowledge of lists and of keys under a wholly modelled field', () => {
    expect(podSpec?.fields?.containers?.items).toBeDefined();
    expect(fieldsAt(container?.fields?.readinessProbe)).toEqual(
      expect.arrayContaining(['httpGet', 'periodSeconds']),
    );
  });

  it('serves kinds the simulator models under their apiVersion, and keeps the Scenario document', () => {
    expect(Object.keys(merged)).toEqual(
      expect.arrayContaining(['apps/v1 Deployment', 'v1 Service', 'argoproj.io/v1alpha1 Rollout']),
    );
    expect(Object.keys(merged).some((k) => k.endsWith(' Scenario'))).toBe(true);
  });
});
