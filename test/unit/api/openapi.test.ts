import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { KINDS, RESOURCE_KINDS } from '../../../src/sim/api/kinds';
import { openapiAnswer } from '../../../src/sim/apiserver/openapi';
import type { ApiRequest } from '../../../src/sim/apiserver/types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function get(path: string, accept?: string, method = 'GET'): ReturnType<typeof openapiAnswer> {
  const req: ApiRequest = { method, path, query: {}, headers: accept ? { accept } : {}, body: '' };
  return openapiAnswer(req);
}

/** A protobuf message's length-delimited and varint fields by number (enough to read a Document). */
function fields(b: Uint8Array): Map<number, (Uint8Array | number)[]> {
  const out = new Map<number, (Uint8Array | number)[]>();
  let i = 0;
  const varint = (): number => {
    let n = 0;
    let mul = 1;
    for (;;) {
      const byte = b[i++] ?? 0;
      n += (byte & 0x7f) * mul;
      mul *= 128;
      if (byte < 0x80) return n;
    }
  };
  while (i < b.length) {
    const tag = varint();
    const wire = tag % 8;
    let value: Uint8Array | number;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const len = varint();
      value = b.subarray(i, i + len);
      i += len;
    } else if (wire === 1) {
      value = b.subarray(i, i + 8);
      i += 8;
    } else throw new Error(`wire type ${wire}`);
    out.set(Math.floor(tag / 8), [...(out.get(Math.floor(tag / 8)) ?? []), value]);
  }
  return out;
}

const text = (v: Uint8Array | number | undefined): string =>
  v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v);

function getJson(path: string): Json {
  const a = get(path, 'application/json');
  expect(a?.status).toBe(200);
  expect(a?.contentType).toBe('application/json');
  return JSON.parse(a?.body ?? '') as Json;
}

/** `apis/apps/v1` and the kinds it serves, from the kinds table. */
function servedGroupVersions(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const kind of RESOURCE_KINDS) {
    const f = KINDS[kind];
    if (!f.simulated) continue;
    for (const v of f.versions) {
      const gv = f.group ? `apis/${f.group}/${v}` : `api/${v}`;
      out.set(gv, [...(out.get(gv) ?? []), kind]);
    }
  }
  return out;
}

describe('/openapi/v3', () => {
  const index = getJson('/openapi/v3');

  test('the index lists exactly the served group-versions, each by a URL with its hash', () => {
    expect(Object.keys(index.paths).sort()).toEqual([...servedGroupVersions().keys()].sort());
    for (const [gv, entry] of Object.entries(
      index.paths as Record<string, { serverRelativeURL: string }>,
    )) {
      const [path, query] = entry.serverRelativeURL.split('?');
      expect(path).toBe(`/openapi/v3/${gv}`);
      // kube-openapi's ETag: upper-case hex SHA-512 of the very bytes served.
      const body = get(path ?? '')?.body ?? '';
      expect(query).toBe(`hash=${createHash('sha512').update(body).digest('hex').toUpperCase()}`);
    }
  });

  test('every served kind has its schema, and a PATCH operation that takes fieldValidation', () => {
    for (const [gv, kinds] of servedGroupVersions()) {
      const doc = getJson(`/openapi/v3/${gv}`);
      const [group = '', version] = gv.startsWith('api/')
        ? ['', gv.slice(4)]
        : gv.slice(5).split('/');
      for (const kind of kinds) {
        const gvk = { group, kind, version };
        const schemas = Object.values(doc.components.schemas as Record<string, Json>).filter((s) =>
          (s['x-kubernetes-group-version-kind'] ?? []).some(
            (x: Json) => x.group === group && x.kind === kind && x.version === version,
          ),
        );
        expect(schemas, `${gv} ${kind}`).toHaveLength(1);
        const patches = Object.values(doc.paths as Record<string, Json>)
          .map((p) => p.patch as Json | undefined)
          .filter(
            (op): op is Json =>
              JSON.stringify(op?.['x-kubernetes-group-version-kind']) === JSON.stringify(gvk),
          );
        // Endpoints and Events have no status subresource; the others do.
        expect(patches.length, `${gv} ${kind}`).toBeGreaterThanOrEqual(1);
        for (const op of patches) {
          expect(
            op.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query'),
          ).toBe(true);
          // kubectl apply computes a strategic merge patch only where the server takes one:
          // built-in kinds, never custom resources.
          const smp = 'application/strategic-merge-patch+json' in op.requestBody.content;
          expect(smp, `${gv} ${kind}`).toBe(!group.includes('.') || group === 'discovery.k8s.io');
        }
      }
    }
  });

  test('every reference resolves within its own document', () => {
    for (const gv of servedGroupVersions().keys()) {
      const doc = getJson(`/openapi/v3/${gv}`);
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
      for (const r of new Set(refs)) {
        const name = r.slice('"$ref":"#/components/schemas/'.length, -1);
        expect(doc.components.schemas[name], `${gv}: ${r}`).toBeDefined();
      }
    }
  });

  test('a custom resource is wrapped as the apiextensions-apiserver wraps it', () => {
    const doc = getJson('/openapi/v3/apis/argoproj.io/v1alpha1');
    const rollout = doc.components.schemas['io.argoproj.v1alpha1.Rollout'];
    expect(rollout.properties.metadata.allOf).toEqual([
      { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
    ]);
    expect(
      rollout.properties.spec.properties.strategy.properties.canary.properties.steps.type,
    ).toBe('array');
    expect(
      doc.components.schemas['io.argoproj.v1alpha1.RolloutList']['x-kubernetes-group-version-kind'],
    ).toEqual([{ group: 'argoproj.io', kind: 'RolloutList', version: 'v1alpha1' }]);
    const scale =
      doc.paths['/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}/scale'];
    expect(Object.keys(scale.patch.requestBody.content)).toEqual([
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/apply-patch+yaml',
    ]);
  });

  test('an unknown group-version is not found; other paths are not OpenAPI', () => {
    expect(get('/openapi/v3/apis/batch/v1')?.status).toBe(404);
    expect(get('/apis/apps/v1')).toBeUndefined();
    expect(get('/openapi/v3x')).toBeUndefined();
    expect(get('/openapi/v3', undefined, 'POST')?.status).toBe(405);
  });
});

describe('/openapi/v2', () => {
  test('JSON: one Swagger 2.0 document with every served definition', () => {
    const doc = getJson('/openapi/v2');
    expect(doc.swagger).toBe('2.0');
    const spec = doc.definitions['io.k8s.api.apps.v1.DeploymentSpec'];
    // v2 puts a reference beside its description, where v3 wraps it in allOf.
    expect(spec.properties.strategy).toEqual({
      $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentStrategy',
      description: 'The deployment strategy to use to replace existing pods with new ones.',
      'x-kubernetes-patch-strategy': 'retainKeys',
    });
    expect(doc.definitions['io.argoproj.v1alpha1.Rollout']).toBeDefined();
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.consumes).toContain('application/strategic-merge-patch+json');
    expect(patch.parameters.find((p: Json) => p.name === 'fieldValidation')).toMatchObject({
      in: 'query',
      type: 'string',
    });
    expect(patch.parameters[0]).toMatchObject({ in: 'body', name: 'body', required: true });
  });

  test('protobuf, as kubectl asks for it: a gnostic openapi.v2.Document', () => {
    const pb = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
    const a = get('/openapi/v2', pb);
    expect(a).toMatchObject({
      status: 200,
      contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
    });
    const doc = fields(a?.bytes ?? new Uint8Array());
    expect(text(doc.get(1)?.[0])).toBe('2.0');
    // definitions (9) → NamedSchema (1) → name (1), value (2) → Schema.description (4)
    const defs = fields(doc.get(9)?.[0] as Uint8Array).get(1) ?? [];
    const byName = new Map(
      defs.map((d) => [text(fields(d as Uint8Array).get(1)?.[0]), d as Uint8Array]),
    );
    expect(byName.size).toBe(Object.keys(getJson('/openapi/v2').definitions).length);
    const spec = fields(
      fields(byName.get('io.k8s.api.apps.v1.DeploymentStrategy') as Uint8Array).get(
        2,
      )?.[0] as Uint8Array,
    );
    expect(text(spec.get(4)?.[0])).toBe(
      'DeploymentStrategy describes how to replace existing pods with new ones.',
    );
    expect(get('/openapi/v2', `text/html, ${pb};q=0.5`)?.contentType).toMatch(/protobuf/);
    expect(get('/openapi/v2', `${pb};q=0.5, application/json`)?.contentType).toBe(
      'application/json',
    );
    expect(get('/openapi/v2', 'text/html')).toMatchObject({ status: 406, body: '' });
    expect(get('/openapi/v3/apis/apps/v1', pb)?.status).toBe(406);
  });
});
