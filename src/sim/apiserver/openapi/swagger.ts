/**
 * `/openapi/v2`: one Swagger 2.0 document for every served group-version, made from the v3
 * documents the way the two forms differ in the API server's published specs
 * (api/openapi-spec/swagger.json beside api/openapi-spec/v3): schemas under `definitions`, a
 * reference with its description as siblings (`{"$ref", "description"}`, where v3 wraps it in
 * `allOf`), operation parameters typed inline, the request body as an `in: body` parameter, and
 * `consumes`/`produces` lists where v3 has media-type maps.
 */
import { openapiGroupVersions, openapiV3Document, type OpenApiDocument } from './documents';

type Json = Record<string, unknown>;

const V3_REF = '#/components/schemas/';
const V2_REF = '#/definitions/';

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A v3 schema in v2's form. */
function schemaV2(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(schemaV2);
  if (!isObject(value)) return value;
  const out: Json = {};
  const allOf = value.allOf;
  const single =
    Array.isArray(allOf) &&
    allOf.length === 1 &&
    isObject(allOf[0]) &&
    typeof allOf[0].$ref === 'string';
  for (const [k, v] of Object.entries(value)) {
    if (k === 'allOf' && single) {
      out.$ref = (allOf[0] as Json).$ref;
      continue;
    }
    // Swagger 2.0 has no `nullable`; a reference's sibling `default: {}` is dropped in v2's form.
    if (k === 'nullable') continue;
    if (k === 'default' && single) continue;
    out[k] = schemaV2(v);
  }
  if (typeof out.$ref === 'string') out.$ref = out.$ref.replace(V3_REF, V2_REF);
  return out;
}

function parameterV2(p: Json): Json {
  const { schema, ...rest } = p;
  return isObject(schema) ? { ...rest, ...schema } : rest;
}

/** `method`'s operation; the body parameter is required except DELETE's (as in swagger.json). */
function operationV2(method: string, op: Json): Json {
  const out: Json = {};
  const body = isObject(op.requestBody) ? op.requestBody : undefined;
  const content = body && isObject(body.content) ? body.content : undefined;
  if (content) out.consumes = Object.keys(content);
  for (const [k, v] of Object.entries(op)) {
    if (k === 'requestBody' || k === 'parameters' || k === 'responses') continue;
    out[k] = v;
  }
  const params = Array.isArray(op.parameters)
    ? op.parameters.filter(isObject).map(parameterV2)
    : [];
  if (content) {
    const first = Object.values(content)[0];
    params.unshift({
      in: 'body',
      name: 'body',
      required: method !== 'delete',
      schema: schemaV2(isObject(first) ? first.schema : {}),
    });
  }
  if (params.length) out.parameters = params;
  const produces = new Set<string>();
  const responses: Json = {};
  for (const [code, r] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    if (!isObject(r)) continue;
    const answer: Json = { description: r.description };
    if (isObject(r.content)) {
      for (const [type, media] of Object.entries(r.content)) {
        produces.add(type);
        if (isObject(media)) answer.schema = schemaV2(media.schema);
      }
    }
    responses[code] = answer;
  }
  if (produces.size) out.produces = [...produces];
  out.responses = responses;
  out.schemes = ['https'];
  return out;
}

function pathV2(item: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'parameters' && Array.isArray(v))
      out.parameters = v.filter(isObject).map(parameterV2);
    else if (isObject(v)) out[k] = operationV2(k, v);
  }
  return out;
}

/** The Swagger 2.0 document of everything served. */
export function swaggerDocument(): OpenApiDocument {
  const definitions: Json = {};
  const paths: Json = {};
  for (const gv of openapiGroupVersions()) {
    const doc = openapiV3Document(gv);
    if (!doc) continue;
    const components = isObject(doc.components) ? doc.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    for (const [name, s] of Object.entries(schemas)) definitions[name] ??= schemaV2(s);
    for (const [p, item] of Object.entries(isObject(doc.paths) ? doc.paths : {}))
      if (isObject(item)) paths[p] = pathV2(item);
  }
  const sorted = (o: Json): Json =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  return {
    definitions: sorted(definitions),
    info: { title: 'Kubernetes', version: 'unversioned' },
    paths: sorted(paths),
    security: [{ BearerToken: [] }],
    securityDefinitions: {
      BearerToken: {
        description: 'Bearer Token authentication',
        in: 'header',
        name: 'authorization',
        type: 'apiKey',
      },
    },
    swagger: '2.0',
  };
}
