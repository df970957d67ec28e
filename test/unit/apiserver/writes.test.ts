/**
 * writeAnswer over a Session: the requests real kubectl 1.32 sends (set image, scale, rollout
 * undo, apply, create, replace, delete) change the simulated cluster as the API server would,
 * wake its controllers, and refuse bad writes with the API server's Status objects.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet, KubeObject } from '../../../src/sim/api/objects';
import { at, DEPLOYMENTS, send, started } from './writesHarness';

const SMP = 'application/strategic-merge-patch+json';
const MERGE = 'application/merge-patch+json';
const JSONPATCH = 'application/json-patch+json';

const web = (s: ReturnType<typeof started>['session']) =>
  s.cluster.get<Deployment>('Deployment', 'web');
const images = (d: Deployment | undefined) =>
  d?.spec?.template.spec?.containers.map((c) => `${c.name}=${c.image}`);

describe('writeAnswer: what kubectl sends', () => {
  it('set image: a strategic merge patch with $setElementOrder starts a rollout', () => {
    const { session, ctx } = started();
    const r = send(
      ctx,
      'PATCH',
      at(DEPLOYMENTS, 'web'),
      {
        spec: {
          template: {
            spec: {
              $setElementOrder$containers: undefined,
              '$setElementOrder/containers': [{ name: 'web' }, { name: 'sidecar' }],
              containers: [{ image: 'nginx:1.27', name: 'web' }],
            },
          },
        },
      },
      SMP,
      { fieldManager: 'kubectl-set' },
    );
    expect(r.status).toBe(200);
    expect(images(r.body as Deployment)).toEqual(['web=nginx:1.27', 'sidecar=envoy:1']);
    // The other container fields (ports, env) are kept: merged by name, not replaced.
    expect(web(session)?.spec?.template.spec?.containers[0]?.ports).toEqual([
      { containerPort: 80, protocol: 'TCP' },
    ]);
    session.advanceTo(session.now + 1000);
    const rs = session.cluster.list<ReplicaSet>('ReplicaSet');
    expect(rs.map((x) => x.spec?.template?.spec?.containers[0]?.image).sort()).toEqual([
      'nginx:1.26',
      'nginx:1.27',
    ]);
  });

  it('scale: a merge patch on the scale subresource answers an autoscaling/v1 Scale', () => {
    const { session, ctx } = started();
    const r = send(ctx, 'PATCH', at(DEPLOYMENTS, 'web', 'scale'), { spec: { replicas: 5 } }, MERGE);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 5 },
      status: { replicas: 2, selector: 'app=web' },
    });
    expect(web(session)?.spec?.replicas).toBe(5);
    session.advanceTo(session.now + 500);
    expect(session.cluster.list('Pod').length).toBe(5);
  });

  it('rollout undo: a JSON patch replacing the template goes back to the old image', () => {
    const { session, ctx } = started();
    send(
      ctx,
      'PATCH',
      at(DEPLOYMENTS, 'web'),
      { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } },
      SMP,
    );
    session.advanceTo(session.now + 20_000);
    const old = session.cluster
      .list<ReplicaSet>('ReplicaSet')
      .find((x) => x.spec?.template?.spec?.containers[0]?.image === 'nginx:1.26');
    const template = structuredClone(old?.spec?.template) as unknown as Record<string, never>;
    (template as unknown as { metadata: Record<string, unknown> }).metadata.creationTimestamp =
      null;
    delete (template as unknown as { metadata: { labels: Record<string, string> } }).metadata
      .labels['pod-template-hash'];
    const r = send(
      ctx,
      'PATCH',
      at(DEPLOYMENTS, 'web'),
      [{ op: 'replace', path: '/spec/template', value: template }],
      JSONPATCH,
    );
    expect(r.status).toBe(200);
    expect(images(web(session))).toEqual(['web=nginx:1.26', 'sidecar=envoy:1']);
    // kubectl sends the template with `creationTimestamp: null`; the decoder drops the null.
    expect(web(session)?.spec?.template.metadata).not.toHaveProperty('creationTimestamp');
  });

  it('create: a new object is 201; an existing one is AlreadyExists as the API server words it', () => {
    const { session, ctx } = started();
    const dep = structuredClone(web(session)) as KubeObject;
    const fresh = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: (dep as Deployment).spec,
    };
    const created = send(ctx, 'POST', DEPLOYMENTS, fresh, 'application/json', {
      fieldManager: 'kubectl-create',
    });
    expect(created.status).toBe(201);
    expect((created.body.metadata as { uid?: string }).uid).toBeTruthy();
    expect(session.cluster.get('Deployment', 'api')).toBeTruthy();
    const again = send(ctx, 'POST', DEPLOYMENTS, fresh);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "api" already exists',
      reason: 'AlreadyExists',
      details: { name: 'api', group: 'apps', kind: 'deployments' },
      code: 409,
    });
  });

  it('dryRun=All answers as a write would and changes nothing, not even the history', () => {
    const { session, ctx } = started();
    const before = web(session);
    const r = send(ctx, 'PATCH', at(DEPLOYMENTS, 'web'), { spec: { replicas: 7 } }, MERGE, {
      dryRun: 'All',
    });
    expect(r.status).toBe(200);
    expect((r.body.spec as { replicas: number }).replicas).toBe(7);
    expect(web(session)).toBe(before);
    const created = send(
      ctx,
      'POST',
      DEPLOYMENTS,
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: before?.spec },
      'application/json',
      { dryRun: 'All' },
    );
    expect(created.status).toBe(201);
    expect(session.cluster.get('Deployment', 'x')).toBeUndefined();
    const deleted = send(ctx, 'DELETE', at(DEPLOYMENTS, 'web'), {
      propagationPolicy: 'Background',
      dryRun: ['All'],
    });
    expect(deleted.status).toBe(200);
    expect(web(session)).toBe(before);
  });

  it('replace with a stale resourceVersion is a Conflict, worded as the API server does', () => {
    const { session, ctx } = started();
    const d = structuredClone(web(session)) as Deployment;
    send(ctx, 'PATCH', at(DEPLOYMENTS, 'web'), { metadata: { labels: { tier: 'x' } } }, MERGE);
    const r = send(ctx, 'PUT', at(DEPLOYMENTS, 'web'), d);
    expect(r.status).toBe(409);
    expect(r.body.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(r.body.reason).toBe('Conflict');
    const fresh = { ...structuredClone(web(session)), spec: { ...d.spec, replicas: 4 } };
    const ok = send(ctx, 'PUT', at(DEPLOYMENTS, 'web'), fresh);
    expect(ok.status).toBe(200);
    expect(web(session)?.spec?.replicas).toBe(4);
  });

  it('an invalid object is 422 Invalid with one cause per field error', () => {
    const { session, ctx } = started();
    const before = web(session);
    const r = send(ctx, 'PATCH', at(DEPLOYMENTS, 'web'), { spec: { replicas: -1 } }, MERGE);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      reason: 'Invalid',
      message:
        'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'Deployment',
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: -1: must be greater than or equal to 0',
            field: 'spec.replicas',
          },
        ],
      },
      code: 422,
    });
    expect(web(session)).toBe(before);
  });

  it("fieldValidation=Strict refuses unknown fields with the strict decoder's words", () => {
    const { ctx } = started();
    const r = send(
      ctx,
      'PATCH',
      at(DEPLOYMENTS, 'web'),
      { spec: { foo: 1, template: { spec: { containers: [{ name: 'web', imag: 'x' }] } } } },
      SMP,
      { fieldValidation: 'Strict' },
    );
    expect(r.status).toBe(400);
    expect(r.body.reason).toBe('BadRequest');
    expect(r.body.message).toBe(
      'strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imag"',
    );
    const c = send(
      ctx,
      'POST',
      DEPLOYMENTS,
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { foo: 1 } },
      'application/json',
      { fieldValidation: 'Strict' },
    );
    expect(c.body.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"',
    );
  });

  it('an unknown patch type is 415, and so is a strategic merge patch on a custom resource', () => {
    const { ctx } = started();
    const r = send(ctx, 'PATCH', at(DEPLOYMENTS, 'web'), {}, 'application/foo');
    expect(r.status).toBe(415);
    expect(r.body.reason).toBe('UnsupportedMediaType');
    const rollouts = {
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'default',
      resource: 'rollouts',
      name: 'web',
    };
    const cr = send(ctx, 'PATCH', rollouts, { spec: {} }, SMP);
    expect(cr.status).toBe(415);
    expect(cr.body.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  });

  it('a missing object is NotFound', () => {
    const { ctx } = started();
    const r = send(ctx, 'PATCH', at(DEPLOYMENTS, 'nope'), {}, MERGE);
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('deployments.apps "nope" not found');
  });

  it('delete (Background): the garbage collector takes the ReplicaSets and pods', () => {
    const { session, ctx } = started();
    const r = send(ctx, 'DELETE', at(DEPLOYMENTS, 'web'), { propagationPolicy: 'Background' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    session.advanceTo(session.now + 60_000);
    expect(session.cluster.list('ReplicaSet')).toEqual([]);
    expect(session.cluster.list('Pod')).toEqual([]);
  });

  it('delete (Orphan): the ReplicaSet stays, without its owner', () => {
    const { session, ctx } = started();
    send(ctx, 'DELETE', at(DEPLOYMENTS, 'web'), { propagationPolicy: 'Orphan' });
    session.advanceTo(session.now + 60_000);
    const rs = session.cluster.list<ReplicaSet>('ReplicaSet');
    expect(rs.length).toBe(1);
    expect(rs[0]?.metadata?.ownerReferences).toBeUndefined();
    expect(session.cluster.list('Pod').length).toBe(2);
  });

  it('a write is replayed after a seek back, at the same instant', () => {
    const { session, ctx } = started();
    send(ctx, 'PATCH', at(DEPLOYMENTS, 'web', 'scale'), { spec: { replicas: 4 } }, MERGE);
    const t = session.now;
    session.advanceTo(t + 5_000);
    const names = session.cluster.list('Pod').map((p) => p.metadata?.name);
    session.seek(1_000);
    expect(web(session)?.spec?.replicas).toBe(2);
    session.advanceTo(t + 5_000);
    expect(web(session)?.spec?.replicas).toBe(4);
    expect(session.cluster.list('Pod').map((p) => p.metadata?.name)).toEqual(names);
  });
});
