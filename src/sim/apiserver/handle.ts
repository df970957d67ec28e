/**
 * The simulated API server's router: one request in, one answer out (or, for `?watch=true`, the
 * start of a watch stream: watch.ts). Non-resource paths first (`/version`, health, discovery,
 * OpenAPI), then resources: GET/LIST/WATCH here, writes to writes.ts.
 */
import type { ApiRequest, ApiResponse } from './types';
import type { ServeContext } from './serveState';
import { parsePath } from './requestInfo';
import { versionOrHealth } from './version';
import { aggregatedDiscovery, wantsAggregated } from './aggregatedDiscovery';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery';
import { openapiAnswer } from './openapi';
import { writeAnswer } from './writes';
import { resolveResource } from './resources';
import { getOne, getScale, listAll } from './reads';
import { methodNotSupported, noResource, statusAnswer, statusBody } from './status';
import { openWatch, type WatchStart } from './watch';

export type Answer = ApiResponse | { watch: WatchStart };

/** Whether a list request asks for a watch (`watch=true`, `watch=1`: strconv.ParseBool). */
export function isWatch(query: Record<string, string>): boolean {
  const w = query.watch;
  return w === 'true' || w === '1' || w === 't' || w === 'T' || w === 'TRUE' || w === 'True';
}

export function apiAnswer(ctx: ServeContext, req: ApiRequest): Answer {
  const plain = versionOrHealth(req.path, 'verbose' in req.query);
  if (plain) return plain;
  const openapi = openapiAnswer(req);
  if (openapi) return openapi;
  const parsed = parsePath(req.path);
  if (parsed.type === 'other')
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
  if (parsed.type === 'discovery') {
    if (req.method !== 'GET')
      return statusAnswer(
        statusBody(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        ),
      );
    const { prefix, group, version } = parsed;
    if (version === undefined && group === undefined) {
      if (wantsAggregated(req.headers.accept)) return aggregatedDiscovery(prefix);
      return prefix === 'api' ? apiVersions(ctx.state.serverAddress) : apiGroupList();
    }
    if (version === undefined) return apiGroup(group ?? '');
    return apiResourceList(group ?? '', version);
  }
  const path = parsed.path;
  const r = resolveResource(path.group, path.version, path.resource);
  if (!r) return statusAnswer(noResource());
  // A namespace in the path of a cluster-scoped kind, or a subresource the reads do not serve.
  if (path.namespace !== undefined && !r.facts.namespaced) return statusAnswer(noResource());
  if (req.method !== 'GET') return writeAnswer(ctx, req, path);
  if (path.subresource !== undefined) {
    if (path.subresource === 'status' && r.facts.statusSubresource)
      return getOne(ctx, req, path, r);
    return path.subresource === 'scale' && r.facts.scalable
      ? getScale(ctx, path, r)
      : statusAnswer(noResource());
  }
  if (path.name !== undefined) {
    if (isWatch(req.query))
      return statusAnswer(methodNotSupported(path.group, path.resource, 'watch'));
    return getOne(ctx, req, path, r);
  }
  if (isWatch(req.query)) {
    const w = openWatch(ctx, req, path, r);
    return 'watch' in w ? w : statusAnswer(w.error);
  }
  return listAll(ctx, req, path, r);
}
