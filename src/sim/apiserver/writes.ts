/**
 * Writes (create, update, patch, delete, the scale subresource, apply). Scaffolding until the
 * writes work lands: every write is refused as the API server refuses a verb it does not serve.
 */
import type { ApiContext } from './context';
import type { ApiRequest, ApiResponse, ResourcePath } from './types';

/** The answer to a POST, PUT, PATCH or DELETE on `path`. */
export function writeAnswer(ctx: ApiContext, req: ApiRequest, path: ResourcePath): ApiResponse {
  void ctx;
  const body = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the server does not allow this method on the requested resource`,
    reason: 'MethodNotAllowed',
    details: { name: path.name, kind: path.resource },
    code: 405,
  };
  return { status: 405, contentType: 'application/json', body: JSON.stringify(body) };
}
