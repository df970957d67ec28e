/**
 * writeAnswer beyond the everyday verbs: server-side apply, the scale subresource's update and
 * read, pods deleted gracefully, Foreground deletion, generateName, and a custom resource
 * patched with a merge patch (kubectl's fallback when strategic merge is refused).
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet, Rollout, Service } from '../../../src/sim/api/objects';
import { catalogText } from '../../support/catalog';
import { at, DEPLOYMENTS, send, started } from './writesHarness';
import { writeAnswer } from '../../../src/sim/apiserver/writes';

const MERGE = 'application/merge-patch+json';
const APPLY = 'application/apply-patch+yaml';
const PODS = { group: '', version: 'v1', namespace: 'default', resource: 'pods' };

describe('writeAnswer: apply, scale, pods, propagation', () => {
  it('server-side apply creates a missing object, then merges into it', () => {
    const { session, ctx } = started();
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, labels: { app: api } }
spec:
  replicas: 1
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: api, image: 'nginx:1.26' }] }
`;
    const q = { fieldManager: 'kubectl', force: 'false' };
    const created = send(ctx, 'PATCH', at(DEPLOYMENTS, 'api'), manifest, APPLY, q);
    expect(created.status).toBe(201);
    const again = send(
      ctx,
      'PATCH',
      at(DEPLOYMENTS, 'api'),
      manifest.replace('replicas: 1', 'replicas: 3'),
      APPLY,
      q,
    );
    expect(again.status).toBe(200);
    const d = session.cluster.get<Deployment>('Deployment', 'api');
    expect(d?.spec?.replicas).toBe(3);
    expect(d?.spec?.template.spec?.containers[0]?.image).toBe('nginx:1.26');
    const strict = { ...q, fieldValidation: 'Strict' };
    const bad = send(
      ctx,
      'PATCH',
      at(DEPLOYMENTS, 'api'),
      manifest.replace('replicas: 1', 'replicas: 1\n  foo: 2'),
      APPLY,
      strict,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe(
      'failed to create typed patch object (default/api; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema',
    );
  });

  it('the scale subresource reads, and an update with a stale resourceVersion is a Conflict', () => {
    const { session, ctx } = started();
    const read = writeAnswer(
      ctx,
      { method: 'GET', path: '/unused', query: {}, headers: {}, body: '' },
      at(DEPLOYMENTS, 'web', 'scale'),
    );
    const scale = JSON.parse(read.body) as {
      metadata: { resourceVersion: string };
      spec: { replicas: number };
    };
    expect(read.status).toBe(200);
    expect(scale.spec.replicas).toBe(2);
    send(ctx, 'PATCH', at(DEPLOYMENTS, 'web'), { metadata: { labels: { x: 'y' } } }, MERGE);
    const stale = send(ctx, 'PUT', at(DEPLOYMENTS, 'web', 'scale'), {
      ...scale,
      spec: { replicas: 4 },
    });
    expect(stale.status).toBe(409);
    expect(session.cluster.get<Deployment>('Deployment', 'web')?.spec?.replicas).toBe(2);
    const fresh = send(ctx, 'PUT', at(DEPLOYMENTS, 'web', 'scale'), { spec: { replicas: 4 } });
    expect(fresh.status).toBe(200);
    expect((fresh.body.spec as { replicas: number }).replicas).toBe(4);
  });

  it('a pod is deleted gracefully: the answer is the pod with its deletionTimestamp', () => {
    const { session, ctx } = started();
    const pod = session.cluster.list<Pod>('Pod')[0];
    const name = pod?.metadata?.name ?? '';
    const r = send(ctx, 'DELETE', at(PODS, name), { propagationPolicy: 'Background' });
    expect(r.status).toBe(200);
    expect(r.body.kind).toBe('Pod');
    expect((r.body.metadata as { deletionTimestamp?: string }).deletionTimestamp).toBeTruthy();
    session.advanceTo(session.now + 40_000);
    expect(session.cluster.get('Pod', name)).toBeUndefined();
    // The ReplicaSet replaced it.
    expect(session.cluster.list('Pod').length).toBe(2);
  });

  it('a Service replaced without its cluster IP keeps the allocated one', () => {
    const { session, ctx } = started();
    const services = { group: '', version: 'v1', namespace: 'default', resource: 'services' };
    const ip = session.cluster.get<Service>('Service', 'web')?.spec?.clusterIP;
    expect(ip).toBeTruthy();
    const r = send(ctx, 'PUT', at(services, 'web'), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 80 }] },
    });
    expect(r.status).toBe(200);
    const svc = session.cluster.get<Service>('Service', 'web');
    expect([svc?.spec?.clusterIP, svc?.spec?.ports?.[0]?.port]).toEqual([ip, 8080]);
  });

  it('Foreground deletion takes the dependents at once, then the owner', () => {
    const { session, ctx } = started();
    const r = send(ctx, 'DELETE', at(DEPLOYMENTS, 'web'), {}, 'application/json', {
      propagationPolicy: 'Foreground',
    });
    expect(r.status).toBe(200);
    expect(session.cluster.list<ReplicaSet>('ReplicaSet')).toEqual([]);
    expect(session.cluster.get('Deployment', 'web')).toBeUndefined();
  });

  it('generateName gives a name in the safe alphabet; a dry run gives the same without creating', () => {
    const { session, ctx } = started();
    const body = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'debug-' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    };
    const dry = send(ctx, 'POST', PODS, body, 'application/json', { dryRun: 'All' });
    const real = send(ctx, 'POST', PODS, body);
    expect(real.status).toBe(201);
    const name = (real.body.metadata as { name: string }).name;
    expect(name).toMatch(/^debug-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect((dry.body.metadata as { name: string }).name).toBe(name);
    expect(session.cluster.get('Pod', name)).toBeTruthy();
  });

  it('argo rollouts promote: a merge patch on the status subresource lets the canary go on', () => {
    const { session, ctx } = started(catalogText('argo-canary-demo'));
    const rollouts = {
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'default',
      resource: 'rollouts',
    };
    // The scenario's image change reaches the first canary step's pause.
    const status = () => session.cluster.get<Rollout>('Rollout', 'rollouts-demo')?.status;
    session.advanceTo(60_000);
    expect(status()?.pauseConditions?.length).toBe(1);
    const step = status()?.currentStepIndex;
    const r = send(
      ctx,
      'PATCH',
      at(rollouts, 'rollouts-demo', 'status'),
      { status: { pauseConditions: null } },
      MERGE,
    );
    expect(r.status).toBe(200);
    session.advanceTo(session.now + 2_000);
    expect(status()?.currentStepIndex).toBeGreaterThan(step ?? 0);
  });

  it('a custom resource takes the merge patch kubectl falls back to', () => {
    const { session, ctx } = started(catalogText('argo-canary-demo'));
    const rollouts = {
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'default',
      resource: 'rollouts',
    };
    const r = send(ctx, 'PATCH', at(rollouts, 'rollouts-demo'), { spec: { replicas: 3 } }, MERGE);
    expect(r.status).toBe(200);
    expect(session.cluster.get<Rollout>('Rollout', 'rollouts-demo')?.spec?.replicas).toBe(3);
  });
});
