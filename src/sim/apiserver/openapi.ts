/**
 * `/openapi/v2` and `/openapi/v3` for the kinds the simulated API server serves, as kube-openapi
 * serves them (k8s.io/kube-openapi pkg/handler and pkg/handler3):
 *
 * - `/openapi/v3`: `{"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=…"}}}`
 *   (handler3 HandleDiscovery; keys sorted as Go marshals a map).
 * - `/openapi/v3/<group-version>`: that group-version's document (HandleGroupVersion). kubectl
 *   reads it for `explain`, and for `apply`/`create`: a PATCH operation whose parameters include
 *   `fieldValidation` is how it learns the server validates fields itself (cli-runtime
 *   resource.queryParamVerifierV3), and a PATCH request body that accepts
 *   `application/strategic-merge-patch+json` is how it chooses a strategic merge patch
 *   (kubectl apply patcher.gvkSupportsPatchOpenAPIV3).
 * - `/openapi/v2`: the Swagger 2.0 document, as JSON or as gnostic's protobuf (kube-openapi
 *   handler.go: `application/json`, or `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`,
 *   answered as `…spec.v2.v1.0+protobuf`; anything else 406). kubectl 1.32 asks for it only as
 *   protobuf (client-go DiscoveryClient.OpenAPISchema), where v3 cannot answer: client-side
 *   validation of a `kind: List` file, `explain --output=plaintext-openapiv2`, apply's patch type
 *   for a custom resource.
 */
import { openapiGroupVersions, openapiHash, openapiV3Document } from './openapi/documents';
import { swaggerDocument } from './openapi/swagger';
import { swaggerProtobuf } from './openapi/swaggerProto';
import type { ApiRequest, ApiResponse } from './types';

/** kube-openapi's protobuf media types: the one kubectl sends, and the one it answers with. */
const PROTOBUF_ASKED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
const PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/**
 * What to answer for `accept` (goautoneg order: by q, then as written; an absent Accept admits
 * anything): 'json', 'protobuf' where `protobuf` is offered (v2 only), or undefined (406).
 */
function negotiate(accept: string | undefined, protobuf: boolean): 'json' | 'protobuf' | undefined {
  const clauses = (accept?.trim() ? accept : '*/*')
    .split(',')
    .map((c, i) => {
      const [type = '', ...params] = c.split(';').map((x) => x.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { type } of clauses) {
    if (type === 'application/json' || type === 'application/*' || type === '*/*') return 'json';
    if (protobuf && (type === PROTOBUF_ASKED || type === PROTOBUF)) return 'protobuf';
  }
  return undefined;
}

function json(body: unknown): ApiResponse {
  return { status: 200, contentType: 'application/json', body: JSON.stringify(body) };
}

/** What kube-openapi writes for an Accept it cannot serve: status 406 and no body. */
const NOT_ACCEPTABLE: ApiResponse = {
  status: 406,
  contentType: 'text/plain; charset=utf-8',
  body: '',
};

/** Go's http.NotFound, which the API server's mux answers for a path nothing serves. */
const NOT_FOUND: ApiResponse = {
  status: 404,
  contentType: 'text/plain; charset=utf-8',
  body: '404 page not found\n',
};

/** The `/openapi/v3` index: every served group-version and the URL of its document. */
function v3Index(): ApiResponse {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of [...openapiGroupVersions()].sort()) {
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${openapiHash(gv) ?? ''}` };
  }
  return json({ paths });
}

/** The answer for an OpenAPI path, or undefined when `req` is not one. */
export function openapiAnswer(req: ApiRequest): ApiResponse | undefined {
  const path = req.path.replace(/\/+$/, '');
  if (path !== '/openapi/v2' && path !== '/openapi/v3' && !path.startsWith('/openapi/v3/'))
    return undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return { status: 405, contentType: 'text/plain; charset=utf-8', body: 'Method Not Allowed\n' };
  }
  if (path === '/openapi/v3') return v3Index();
  const form = negotiate(req.headers['accept'], path === '/openapi/v2');
  if (form === undefined) return NOT_ACCEPTABLE;
  if (path === '/openapi/v2') {
    const doc = swaggerDocument();
    if (form === 'json') return json(doc);
    return { status: 200, contentType: PROTOBUF, body: '', bytes: swaggerProtobuf(doc) };
  }
  // A `hash` that is not the current one is redirected to the current URL by kube-openapi (301);
  // this server's documents never change while it runs, so it serves the document either way.
  const doc = openapiV3Document(path.slice('/openapi/v3/'.length));
  return doc ? json(doc) : NOT_FOUND;
}
