/**
 * Strict field validation must not refuse what the cluster itself holds: every object of the
 * checked kinds in these catalog clusters (Deployments, ReplicaSets, ReplicationControllers,
 * pods, Services, HPAs, as the controllers and the server's defaults wrote them) has no field
 * the strict decoder would call unknown — else a `kubectl apply` (which patches the live
 * object with fieldValidation=Strict) would fail on the server's own fields.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/sim/session/session';
import { unknownFields } from '../../../src/sim/apiserver/unknownFields';
import { catalogText } from '../../support/catalog';

const KINDS = [
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
  'Service',
  'HorizontalPodAutoscaler',
] as const;

describe('unknownFields', () => {
  it.each(['ramped', 'hpa-rolling-update', 'legacy-rolling-update'])(
    "%s: the cluster's own objects have no unknown field",
    (id) => {
      const s = Session.load(catalogText(id), `${id}.yaml`);
      if ('errors' in s) throw new Error(s.errors.join('\n'));
      s.advanceTo(8_000);
      const found: string[] = [];
      let checked = 0;
      for (const k of KINDS)
        for (const o of s.cluster.list(k)) {
          checked++;
          found.push(...unknownFields(k, o).map((f) => `${k} ${o.metadata?.name}: ${f}`));
        }
      expect(checked).toBeGreaterThan(4);
      expect(found).toEqual([]);
    },
  );

  it('finds a misspelt field at its path, in document order', () => {
    expect(
      unknownFields('Deployment', {
        spec: {
          replicas: 1,
          zreplica: 2,
          template: { spec: { containers: [{ name: 'a' }, { imagee: 'x' }] } },
        },
      }),
    ).toEqual(['spec.zreplica', 'spec.template.spec.containers[1].imagee']);
  });
});
