/**
 * Writes (create, update, patch, delete, the scale subresource, server-side apply) on the
 * served Kubernetes API: the request becomes a recorded session action (session.ts `apiWrite`,
 * performed by performWrite.ts at the session's current instant, replayed after a seek back),
 * and the answer is the written object as served, its Scale, or a Status.
 */
import type { ApiContext } from './context';
import type { ApiRequest, ApiResponse, ResourcePath } from './types';
import { isDryRun, type ApiWriteRequest, type WriteOutcome } from './writeRequest';
import type { WritePerformer } from '../session/servedWrites';
import { performWrite, writeLine } from './performWrite';
import { scaleOf } from './scale';
import { decodeYaml } from './decodeBody';
import { refused } from './outcome';
import { isReadOnlyPath, kindOfPath } from './resourceKind';
import {
  badRequest,
  methodNotAllowed,
  noSuchResource,
  notFound,
  unsupportedMediaType,
} from './writeStatus';
import { decodeProtobuf } from './protobufBody';
import { kindFacts } from '../api/kinds';
import { NAMESPACE } from '../api/objects';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** The media type of a Content-Type header, without parameters (`; charset=utf-8`). */
export function mediaType(header: string | undefined): string {
  return (header ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
}

const json = (status: number, body: unknown): ApiResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

/**
 * The answer to a POST, PUT, PATCH or DELETE on `path`, and to a GET of the scale subresource
 * (what `kubectl scale --current-replicas` and autoscalers read).
 */
export function writeAnswer(ctx: ApiContext, req: ApiRequest, path: ResourcePath): ApiResponse {
  if (req.method.toUpperCase() === 'GET') return readScale(ctx, path);
  // A kind served read-only is refused before its body is read (a typed client's protobuf too).
  if (path.namespace === undefined && isReadOnlyPath(path))
    return render(ctx, refused(methodNotAllowed(undefined, path.name)));
  let contentType = mediaType(req.headers['content-type']);
  let body = req.body;
  // A create or update may come as YAML (the API server's yaml serializer); store it as JSON.
  if (contentType === 'application/yaml' && req.method !== 'PATCH') {
    const d = decodeYaml(body, 'error decoding YAML');
    if ('error' in d) return render(ctx, refused(d.error));
    body = JSON.stringify(d.value);
    contentType = 'application/json';
  }
  // kubectl's typed clients (`create deployment`, `autoscale`) send protobuf.
  if (contentType === PROTOBUF && req.method !== 'PATCH' && req.method !== 'DELETE') {
    const d = decodeProtobuf(body);
    if ('error' in d) return render(ctx, refused(badRequest(d.error)));
    body = JSON.stringify(d.value);
    contentType = 'application/json';
  }
  if (req.method !== 'PATCH' && req.method !== 'DELETE' && contentType !== 'application/json') {
    const accepted = ['application/json', 'application/yaml', PROTOBUF];
    return render(ctx, refused(unsupportedMediaType(accepted)));
  }
  const command = req.headers['kubectl-command'];
  const request: ApiWriteRequest = {
    method: req.method.toUpperCase(),
    path,
    query: { ...req.query },
    contentType,
    body,
    ...(command ? { command } : {}),
  };
  return render(ctx, ctx.session.apiWrite(request, WRITES));
}

/** How the session performs, logs and replays these writes (session/servedWrites.ts). */
const WRITES: WritePerformer<ApiWriteRequest, WriteOutcome> = {
  perform: performWrite,
  line: writeLine,
  dryRun: isDryRun,
};

function readScale(ctx: ApiContext, path: ResourcePath): ApiResponse {
  const kind = kindOfPath(path);
  const name = path.name ?? '';
  const obj =
    kind && path.subresource === 'scale' ? ctx.session.cluster.get(kind, name) : undefined;
  if (!kind || !obj || !kindFacts(kind)?.scalable || path.namespace !== NAMESPACE)
    return render(ctx, refused(kind ? notFound(kind, name) : noSuchResource()));
  return json(200, scaleOf(kind, ctx.served(kind, obj)));
}

function render(ctx: ApiContext, out: WriteOutcome): ApiResponse {
  if (out.object && out.kind) {
    const served = ctx.served(out.kind, out.object);
    return json(out.code, out.scale ? scaleOf(out.kind, served) : served);
  }
  return json(out.code, out.status ?? {});
}
