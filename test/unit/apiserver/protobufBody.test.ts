/**
 * A create sent as protobuf, as kubectl 1.32's typed client sends it: the bytes of
 * `kubectl create deployment hello --image=nginx:1.27 --replicas=3 --port=80`, captured from
 * the real binary, become the Deployment kubectl meant.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../src/sim/api/objects';
import { DEPLOYMENTS, send, started } from './writesHarness';

/** The POST body kubectl sent (base64 of the raw bytes). */
const CREATE_DEPLOYMENT =
  'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EsUBCiMKBWhlbGxvEgAaACIAKgAyADgAQgBaDAoDYXBwEgVoZWxsbxKPAQgDEg4KDAoDYXBwEgVoZWxsbxpzCh4KABIAGgAiACoAMgA4AEIAWgwKA2FwcBIFaGVsbG8SURIzCgVuZ2lueBIKbmdpbng6MS4yNyoAMgoKABAAGFAiACoAQgBqAHIAgAEAiAEAkAEAogEAGgAyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBACICCgAoADgAGgwIABAAGAAgACgAOAAaACIA';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';
/** serve hands a protobuf body over as a binary string, one character per byte. */
const binary = (b64: string) => Buffer.from(b64, 'base64').toString('latin1');

describe('protobuf bodies', () => {
  it('kubectl create deployment: the Deployment is created as kubectl built it', () => {
    const { session, ctx } = started();
    const r = send(ctx, 'POST', DEPLOYMENTS, binary(CREATE_DEPLOYMENT), PROTOBUF, {
      fieldManager: 'kubectl-create',
      fieldValidation: 'Strict',
    });
    expect(r.status).toBe(201);
    const d = session.cluster.get<Deployment>('Deployment', 'hello');
    expect(d?.metadata?.labels).toEqual({ app: 'hello' });
    expect(d?.spec?.replicas).toBe(3);
    expect(d?.spec?.selector).toEqual({ matchLabels: { app: 'hello' } });
    const c = d?.spec?.template.spec?.containers[0];
    expect([c?.name, c?.image, c?.ports?.[0]?.containerPort]).toEqual(['nginx', 'nginx:1.27', 80]);
  });

  it('bytes that are not a protobuf object are a BadRequest, and nothing is created', () => {
    const { session, ctx } = started();
    const cut = binary(CREATE_DEPLOYMENT).slice(0, 60);
    const r = send(ctx, 'POST', DEPLOYMENTS, cut, PROTOBUF);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('unexpected EOF');
    expect(session.cluster.get('Deployment', 'hello')).toBeUndefined();
  });
});
