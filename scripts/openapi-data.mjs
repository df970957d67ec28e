// Generates src/sim/apiserver/openapi/v3.json: the OpenAPI v3 documents the simulated API server
// serves at /openapi/v3/<group-version>, trimmed from the published sources to the kinds it
// serves (src/sim/api/kinds.ts). Run by hand when a source or a served kind changes:
//
//   node scripts/openapi-data.mjs /path/to/mirrors
//
// where each source repository below is a git directory at <mirrors>/<owner>+<name>/repo (the
// layout the search tool's fetch leaves). The sources, their tags and commits are listed in
// SOURCES and in src/sim/apiserver/openapi/README.md.
//
// Built-in groups: the published per-group-version documents (kubectl's and client-go's testdata
// copies of kubernetes api/openapi-spec/v3 at v1.32), keeping the paths of the served resources
// (collection, object, status, scale; not watch/proxy/exec/...) and the schemas they reference,
// transitively. Custom resources: each CRD version's openAPIV3Schema wrapped and given paths as
// the apiextensions-apiserver does (staging/src/k8s.io/apiextensions-apiserver/pkg/controller/
// openapi/builder/builder.go: buildKubeNative, buildListSchema, generateBuilder, buildRoute).
//
// The file is stored compactly: every object or array of 120+ characters that occurs twice or
// more anywhere is stored once in "$shared" and replaced by {"$shared": index}; openapiData.ts
// expands it. "hashes" holds each document's ETag as kube-openapi computes it (handler3
// computeETag: upper-case hex of the SHA-512 of the served JSON).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mirrors = process.argv[2];
if (!mirrors) {
  console.error('usage: node scripts/openapi-data.mjs MIRRORS_DIR');
  process.exit(2);
}

export const SOURCES = {
  kubectl: {
    repo: 'kubernetes/kubectl',
    ref: 'v0.32.1',
    commit: '442e3d141a35703b7637f41339b9f73cad005c47',
  },
  clientGo: {
    repo: 'kubernetes/client-go',
    ref: 'v0.32.1',
    commit: '9d43434511c4ed29af910f934efef2c123c80b49',
  },
  argo: {
    repo: 'argoproj/argo-rollouts',
    ref: 'v1.8.3',
    commit: '49fa1516cf71672b69e265267da4e1d16e1fe114',
  },
  gateway: {
    repo: 'kubernetes-sigs/gateway-api',
    ref: 'v1.2.1',
    commit: 'a8fe5c8732a37ef471d86afaf570ff8ad0ef0221',
  },
  istio: { repo: 'istio/istio', ref: '1.24.6', commit: '734e100e0cfbc22f431613b49b8932a700da6b35' },
};

function show(src, path) {
  const s = SOURCES[src];
  const dir = join(mirrors, s.repo.replace('/', '+'), 'repo');
  return execFileSync('git', ['-C', dir, 'show', `${s.commit}:${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

// ---- built-in group-versions ----------------------------------------------------------------

/** Served resources per built-in group-version, and the path tails kept for each. */
const BUILTIN = [
  {
    gv: 'api/v1',
    src: ['clientGo', 'openapi/openapitest/testdata/api__v1_openapi.json'],
    resources: [
      'pods',
      'replicationcontrollers',
      'services',
      'endpoints',
      'events',
      'nodes',
      'namespaces',
    ],
  },
  {
    gv: 'apis/apps/v1',
    src: ['clientGo', 'openapi/openapitest/testdata/apis__apps__v1_openapi.json'],
    resources: ['deployments', 'replicasets'],
  },
  {
    gv: 'apis/discovery.k8s.io/v1',
    src: ['clientGo', 'openapi/openapitest/testdata/apis__discovery.k8s.io__v1_openapi.json'],
    resources: ['endpointslices'],
  },
];

/** `/api/v1/namespaces/{namespace}/pods/{name}/status` → kept when the resource is served and
 * the path is its collection, an object, or the status or scale subresource. */
function keepPath(path, resources) {
  if (path.includes('/watch/')) return false;
  const m =
    /^\/apis?\/(?:[^/]+\/)?v[^/]+\/(?:namespaces\/\{namespace\}\/)?([a-z]+)(\/\{name\}(\/(status|scale))?)?$/.exec(
      path,
    );
  return m !== null && resources.includes(m[1]);
}

function refsIn(value, out) {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v.replace('#/components/schemas/', ''));
      else refsIn(v, out);
    }
  }
}

/** The names of the schemas `roots` reference, transitively, in `schemas`. */
function closure(rootsValue, schemas) {
  const need = new Set();
  const queue = [];
  refsIn(rootsValue, queue);
  while (queue.length) {
    const n = queue.pop();
    if (need.has(n)) continue;
    if (!schemas[n]) throw new Error(`missing schema ${n}`);
    need.add(n);
    refsIn(schemas[n], queue);
  }
  return [...need].sort();
}

function trimBuiltin({ src, resources }) {
  const doc = JSON.parse(show(...src));
  const paths = {};
  for (const p of Object.keys(doc.paths).sort())
    if (keepPath(p, resources)) paths[p] = doc.paths[p];
  const schemas = {};
  for (const n of closure(paths, doc.components.schemas)) schemas[n] = doc.components.schemas[n];
  return {
    doc: {
      components: { schemas, securitySchemes: doc.components.securitySchemes },
      info: doc.info,
      openapi: doc.openapi,
      paths,
    },
    all: doc,
  };
}

/**
 * autoscaling/v2. The only published copy at hand in the v1.32 layout is client-go's, which has
 * no autoscaling document; kubectl's testdata has one from early 2023 (v1.27 era). So: the
 * HorizontalPodAutoscaler's own schemas from kubectl's copy (keys sorted as 1.32 prints them, the
 * meta and core schemas they reference from client-go's v1.32 documents), and the paths as the
 * API server's installer makes them for any resource with a status subresource — the Deployment's
 * paths of v1.32 with the names changed (registerResourceHandlers gives every resource the same
 * operations and parameters; only Deployment's scale subresource is dropped).
 */
function autoscalingV2(apps, core) {
  const old = JSON.parse(show('kubectl', 'testdata/openapi/v3/apis/autoscaling/v2.json'));
  const sortKeys = (v) =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortKeys(v[k])]),
          )
        : v;
  const rename = (value) =>
    JSON.parse(
      JSON.stringify(value)
        .replaceAll(
          '"group":"apps","kind":"Deployment","version":"v1"',
          '"group":"autoscaling","kind":"HorizontalPodAutoscaler","version":"v2"',
        )
        .replaceAll(
          '"group":"apps","kind":"DeploymentList","version":"v1"',
          '"group":"autoscaling","kind":"HorizontalPodAutoscalerList","version":"v2"',
        )
        .replaceAll('/apis/apps/v1/', '/apis/autoscaling/v2/')
        .replaceAll('io.k8s.api.apps.v1.', 'io.k8s.api.autoscaling.v2.')
        .replaceAll('deployments', 'horizontalpodautoscalers')
        .replaceAll('Deployment', 'HorizontalPodAutoscaler')
        .replaceAll('AppsV1', 'AutoscalingV2')
        .replaceAll('apps_v1', 'autoscaling_v2'),
    );
  const paths = {};
  for (const p of Object.keys(apps.paths).sort())
    if (keepPath(p, ['deployments']) && !p.endsWith('/scale')) {
      const q = rename({ p }).p;
      paths[q] = rename(apps.paths[p]);
    }
  const all = { ...apps.components.schemas, ...core.components.schemas };
  for (const [n, s] of Object.entries(old.components.schemas))
    if (n.startsWith('io.k8s.api.autoscaling.v2.')) all[n] = sortKeys(s);
  const schemas = {};
  for (const n of closure(paths, all)) schemas[n] = all[n];
  return {
    components: { schemas, securitySchemes: apps.components.securitySchemes },
    info: apps.info,
    openapi: apps.openapi,
    paths,
  };
}

// ---- custom resources -----------------------------------------------------------------------

/** The CRDs served, and the versions of each (src/sim/api/kinds.ts). */
const CRDS = [
  { src: ['argo', 'manifests/crds/rollout-crd.yaml'], kind: 'Rollout', versions: ['v1alpha1'] },
  {
    src: ['argo', 'manifests/crds/analysis-run-crd.yaml'],
    kind: 'AnalysisRun',
    versions: ['v1alpha1'],
  },
  {
    src: ['argo', 'manifests/crds/analysis-template-crd.yaml'],
    kind: 'AnalysisTemplate',
    versions: ['v1alpha1'],
  },
  {
    src: ['istio', 'manifests/charts/base/files/crd-all.gen.yaml'],
    kind: 'VirtualService',
    versions: ['v1', 'v1beta1'],
  },
  {
    src: ['istio', 'manifests/charts/base/files/crd-all.gen.yaml'],
    kind: 'DestinationRule',
    versions: ['v1', 'v1beta1'],
  },
  {
    src: ['gateway', 'config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml'],
    kind: 'GatewayClass',
    versions: ['v1'],
  },
  {
    src: ['gateway', 'config/crd/standard/gateway.networking.k8s.io_gateways.yaml'],
    kind: 'Gateway',
    versions: ['v1'],
  },
  {
    src: ['gateway', 'config/crd/standard/gateway.networking.k8s.io_httproutes.yaml'],
    kind: 'HTTPRoute',
    versions: ['v1'],
  },
];

// The words apiextensions-apiserver and metav1 give the added properties (builder.go
// addTypeMetaProperties, buildKubeNative, buildListSchema; metav1 TypeMeta/ListMeta swagger docs).
const API_VERSION_DOC =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DOC =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const OBJECT_META_DOC =
  "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const LIST_META_DOC =
  'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const ref = (n) => ({ $ref: `#/components/schemas/${n}` });

/** kube-openapi util.ToRESTFriendlyName: the group's DNS labels reversed. */
const friendly = (group, version, kind) => [...group.split('.').reverse(), version, kind].join('.');

function crdDocs() {
  const byGv = new Map();
  const cache = new Map();
  for (const c of CRDS) {
    const key = c.src.join(':');
    if (!cache.has(key))
      cache.set(
        key,
        parseAllDocuments(show(...c.src)).map((d) => d.toJS()),
      );
    const crd = cache
      .get(key)
      .find((d) => d?.kind === 'CustomResourceDefinition' && d.spec.names.kind === c.kind);
    if (!crd) throw new Error(`no CRD ${c.kind}`);
    const { group, names, scope } = crd.spec;
    for (const version of c.versions) {
      const v = crd.spec.versions.find((x) => x.name === version);
      if (!v?.served) throw new Error(`${c.kind} ${version} not served`);
      const gv = `apis/${group}/${version}`;
      if (!byGv.has(gv)) byGv.set(gv, { schemas: {}, paths: {} });
      const out = byGv.get(gv);
      const name = friendly(group, version, names.kind);
      const listKind = names.listKind ?? `${names.kind}List`;
      const s = structuredClone(v.schema.openAPIV3Schema);
      s.properties = {
        ...s.properties,
        apiVersion: { description: API_VERSION_DOC, type: 'string' },
        kind: { description: KIND_DOC, type: 'string' },
        metadata: { allOf: [ref(`${META}ObjectMeta`)], description: OBJECT_META_DOC },
      };
      s.properties = Object.fromEntries(
        Object.entries(s.properties).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      s['x-kubernetes-group-version-kind'] = [{ group, kind: names.kind, version }];
      out.schemas[name] = s;
      out.schemas[friendly(group, version, listKind)] = {
        description: `${listKind} is a list of ${names.kind}`,
        properties: {
          apiVersion: { description: API_VERSION_DOC, type: 'string' },
          items: {
            description: `List of ${names.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
            items: ref(name),
            type: 'array',
          },
          kind: { description: KIND_DOC, type: 'string' },
          metadata: { allOf: [ref(`${META}ListMeta`)], description: LIST_META_DOC },
        },
        required: ['items'],
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group, kind: listKind, version }],
      };
      Object.assign(
        out.paths,
        crdPaths({
          group,
          version,
          kind: names.kind,
          listName: friendly(group, version, listKind),
          name,
          plural: names.plural,
          namespaced: scope === 'Namespaced',
          status: Boolean(v.subresources?.status),
          scale: Boolean(v.subresources?.scale),
        }),
      );
    }
  }
  return byGv;
}

/** Operation parameters by name, as the built-in documents spell them (metav1 *Options). */
let PARAMS = {};

function article(kind) {
  return /^[aeiou]/i.test(kind) ? ' an ' : ' a ';
}

/** One route as builder.go buildRoute makes it (OpenAPI v3 through kube-openapi builder3). */
function crdOp(b, { method, action, verb, path, sample, reads }) {
  const sub = path.split('/')[2] ?? '';
  const subDoc = sub ? ` ${sub} of` : '';
  let description;
  if (verb === 'patch') description = `partially update${subDoc} the specified ${b.kind}`;
  else if (verb === 'deletecollection')
    description = `delete collection of${subDoc ? subDoc + ' a' : ''} ${b.kind}`;
  else if (verb === 'list') description = `list${subDoc} objects of kind ${b.kind}`;
  else if (verb === 'read' || verb === 'replace')
    description = `${verb}${subDoc} the specified ${b.kind}`;
  else description = `${verb}${subDoc}${article(b.kind)}${b.kind}`;
  const names = {
    get: ['resourceVersion'],
    list: [
      'allowWatchBookmarks',
      'continue',
      'fieldSelector',
      'labelSelector',
      'limit',
      'resourceVersion',
      'resourceVersionMatch',
      'sendInitialEvents',
      'timeoutSeconds',
      'watch',
    ],
    deletecollection: [
      'continue',
      'dryRun',
      'fieldSelector',
      'gracePeriodSeconds',
      'ignoreStoreReadErrorWithClusterBreakingPotential',
      'labelSelector',
      'limit',
      'orphanDependents',
      'propagationPolicy',
      'resourceVersion',
      'resourceVersionMatch',
      'sendInitialEvents',
      'timeoutSeconds',
    ],
    put: ['dryRun', 'fieldManager', 'fieldValidation'],
    patch: ['dryRun', 'fieldManager', 'fieldValidation'],
    post: ['dryRun', 'fieldManager', 'fieldValidation'],
    delete: [
      'dryRun',
      'gracePeriodSeconds',
      'ignoreStoreReadErrorWithClusterBreakingPotential',
      'orphanDependents',
      'propagationPolicy',
    ],
  }[action];
  const parameters = names.filter((n) => PARAMS[n]).map((n) => PARAMS[n]);
  const produce = (schemaName) => ({
    'application/json': { schema: ref(schemaName) },
    'application/yaml': { schema: ref(schemaName) },
  });
  const responses = { 200: { content: produce(sample), description: 'OK' } };
  if (action === 'post') {
    responses[201] = { content: produce(sample), description: 'Created' };
    responses[202] = { content: produce(sample), description: 'Accepted' };
  }
  if (action === 'put') responses[201] = { content: produce(sample), description: 'Created' };
  if (action === 'delete') responses[202] = { content: produce(sample), description: 'Accepted' };
  responses[401] = { description: 'Unauthorized' };
  const op = { description, operationId: '', parameters };
  const namespaced = b.namespaced ? 'Namespaced' : '';
  op.operationId = `${verb}${namespaced}${b.kind}${sub ? sub[0].toUpperCase() + sub.slice(1) : ''}`;
  if (reads) {
    const types =
      method === 'patch'
        ? [
            'application/json-patch+json',
            'application/merge-patch+json',
            'application/apply-patch+yaml',
          ]
        : ['application/json', 'application/yaml'];
    op.requestBody = { content: Object.fromEntries(types.map((t) => [t, { schema: ref(reads) }])) };
  }
  if (action === 'delete')
    op.requestBody = { content: { '*/*': { schema: ref(`${META}DeleteOptions`) } } };
  op.responses = responses;
  op.tags = [b.tag];
  op['x-kubernetes-action'] = action;
  op['x-kubernetes-group-version-kind'] = { group: b.group, kind: b.kind, version: b.version };
  if (parameters.length === 0) delete op.parameters;
  return op;
}

function crdPaths(b) {
  b.tag = `${b.group.replace(/\./g, '')}_${b.version}`.replace(/^(.)/, (c) => c);
  const paths = {};
  const pretty = {
    description: "If 'true', then the output is pretty printed.",
    in: 'query',
    name: 'pretty',
    schema: { type: 'string', uniqueItems: true },
  };
  const nsParam = {
    description: 'object name and auth scope, such as for teams and projects',
    in: 'path',
    name: 'namespace',
    required: true,
    schema: { type: 'string', uniqueItems: true },
  };
  const nameParam = {
    description: `name of the ${b.kind}`,
    in: 'path',
    name: 'name',
    required: true,
    schema: { type: 'string', uniqueItems: true },
  };
  const at = (path, ops) => {
    const full = path;
    const params = [];
    if (full.includes('{name}')) params.push(nameParam);
    if (full.includes('{namespace}')) params.push(nsParam);
    params.push(pretty);
    paths[full] = { ...ops, parameters: params };
  };
  let rootPath = `/apis/${b.group}/${b.version}/${b.plural}`;
  const status = `${META}Status`;
  const patch = `${META}Patch`;
  const scale = 'io.k8s.api.autoscaling.v1.Scale';
  if (b.namespaced) {
    const op = crdOp(b, {
      method: 'get',
      action: 'list',
      verb: 'list',
      path: '',
      sample: b.listName,
    });
    op.operationId = `list${b.kind}ForAllNamespaces`;
    at(rootPath, { get: op });
    rootPath = `/apis/${b.group}/${b.version}/namespaces/{namespace}/${b.plural}`;
  }
  at(rootPath, {
    delete: crdOp(b, {
      method: 'delete',
      action: 'deletecollection',
      verb: 'deletecollection',
      path: '',
      sample: status,
    }),
    get: crdOp(b, { method: 'get', action: 'list', verb: 'list', path: '', sample: b.listName }),
    post: crdOp(b, {
      method: 'post',
      action: 'post',
      verb: 'create',
      path: '',
      sample: b.name,
      reads: b.name,
    }),
  });
  const item = (sub, sample, withDelete) => {
    const path = sub ? `/{name}/${sub}` : '/{name}';
    const ops = {
      get: crdOp(b, { method: 'get', action: 'get', verb: 'read', path, sample }),
      patch: crdOp(b, {
        method: 'patch',
        action: 'patch',
        verb: 'patch',
        path,
        sample,
        reads: patch,
      }),
      put: crdOp(b, { method: 'put', action: 'put', verb: 'replace', path, sample, reads: sample }),
    };
    if (withDelete)
      ops.delete = crdOp(b, {
        method: 'delete',
        action: 'delete',
        verb: 'delete',
        path,
        sample: status,
      });
    at(
      rootPath + path,
      Object.fromEntries(Object.entries(ops).sort(([a], [c]) => (a < c ? -1 : 1))),
    );
  };
  item('', b.name, true);
  if (b.scale) item('scale', scale, false);
  if (b.status) item('status', b.name, false);
  return paths;
}

// ---- assemble ---------------------------------------------------------------------------------

const docs = {};
const builtinAll = {};
for (const b of BUILTIN) {
  const { doc, all } = trimBuiltin(b);
  docs[b.gv] = doc;
  Object.assign(builtinAll, all.components.schemas);
  if (b.gv === 'apis/apps/v1') {
    const p = all.paths['/apis/apps/v1/namespaces/{namespace}/deployments'];
    const itemPath = all.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    for (const op of [p.get, p.post, p.delete, itemPath.get, itemPath.patch, itemPath.delete])
      for (const param of op.parameters ?? []) PARAMS[param.name] ??= param;
  }
}
{
  const full = (b) => JSON.parse(show(...BUILTIN.find((x) => x.gv === b).src));
  docs['apis/autoscaling/v2'] = autoscalingV2(full('apis/apps/v1'), full('api/v1'));
}
for (const [gv, { schemas, paths }] of crdDocs()) {
  const all = { ...builtinAll, ...schemas };
  const sortedPaths = Object.fromEntries(
    Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const need = closure(sortedPaths, all);
  docs[gv] = {
    components: {
      schemas: Object.fromEntries(need.map((n) => [n, all[n]])),
      securitySchemes: docs['api/v1'].components.securitySchemes,
    },
    info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
    openapi: '3.0.0',
    paths: sortedPaths,
  };
}

const hashes = {};
for (const [gv, doc] of Object.entries(docs))
  hashes[gv] = createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();

// Shared subtrees: count each object/array's JSON, keep the large repeated ones.
const counts = new Map();
function count(v) {
  if (!v || typeof v !== 'object') return;
  const j = JSON.stringify(v);
  if (j.length >= 120) counts.set(j, (counts.get(j) ?? 0) + 1);
  for (const c of Object.values(v)) count(c);
}
count(docs);
const shared = [];
const index = new Map();
function pack(v) {
  if (!v || typeof v !== 'object') return v;
  const j = JSON.stringify(v);
  if ((counts.get(j) ?? 0) >= 2) {
    if (!index.has(j)) {
      index.set(j, -1);
      const packed = Array.isArray(v)
        ? v.map(pack)
        : Object.fromEntries(Object.entries(v).map(([k, c]) => [k, pack(c)]));
      index.set(j, shared.length);
      shared.push(packed);
    }
    return { $shared: index.get(j) };
  }
  return Array.isArray(v)
    ? v.map(pack)
    : Object.fromEntries(Object.entries(v).map(([k, c]) => [k, pack(c)]));
}
const packedDocs = Object.fromEntries(Object.entries(docs).map(([gv, d]) => [gv, pack(d)]));
const out = JSON.stringify({ sources: SOURCES, hashes, docs: packedDocs, $shared: shared });
const file = join(root, 'src/sim/apiserver/openapi/v3.json');
writeFileSync(file, out + '\n');
console.log(
  `${file}: ${out.length} bytes (${Object.keys(docs).length} documents, ${shared.length} shared subtrees; unpacked ${JSON.stringify(docs).length})`,
);
